// What a new space starts with: the resources the contract's own read examples show (so lists are not
// empty and the demo keys' ids exist), and the accounts those examples name.
import type { AccountType, CommsEnrollment, CommsSequence, EmailSequence, Rule, RuleExecution, Transfer } from '../../../generated/types.js';
import type { Contract } from '../contract.js';
import { resolvePointer } from '../json-pointer.js';
import type { ServiceName } from '../services.js';
import type { SpaceSeed } from './space.js';

/** Account ids to their display name and type. Accounts are read-only: Prism answers their operations. */
export type AccountDirectory = ReadonlyMap<string, { name: string; type: AccountType }>;

export interface Seed {
  /** What a new space of each service starts with, by collection, oldest first. */
  spaces: Record<ServiceName, SpaceSeed>;
  accounts: AccountDirectory;
}

/** The values of every documented success example, by operationId, in spec order. */
export type SuccessExamples = Map<string, unknown[]>;

/**
 * Where each kind of stored resource is shown, one table a service (so that a mock of one service
 * carries only its own): operationId -> JSON pointer of the resource (or list of resources) in its
 * success examples. Read operations describe what is stored; for enrollments, which have no read
 * operation, the enroll answer does.
 */
const RULES_SOURCES = {
  rules: { getRule: '/data' },
  rule_executions: { getRuleExecution: '/data', listRuleExecutions: '/data' },
  transfers: { getTransfer: '/data', listTransfers: '/data' },
} as const;
const SEQUENCES_SOURCES = { email_sequences: { getEmailSequence: '/sequence' } } as const;
const COMMS_SOURCES = {
  comms_sequences: { getCommsSequence: '' },
  comms_enrollments: { enrollInCommsSequence: '' },
} as const;

export function successExamples(contract: Contract): SuccessExamples {
  const byOperation: SuccessExamples = new Map();
  for (const operation of contract.operations) {
    const values = operation.responses
      .filter((response) => /^2\d\d$/.test(response.status))
      .flatMap((response) => response.contents.flatMap((content) => content.examples.map((example) => example.value)));
    byOperation.set(operation.operationId, values);
  }
  return byOperation;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The resources at `pointer` in the examples of the named operations, first seen first, by id. */
function collect<T>(examples: SuccessExamples, sources: Record<string, string>): T[] {
  const byId = new Map<string, T>();
  for (const [operationId, pointer] of Object.entries(sources)) {
    for (const example of examples.get(operationId) ?? []) {
      const found = resolvePointer(example, pointer);
      for (const item of Array.isArray(found) ? found : [found]) {
        if (isRecord(item) && typeof item.id === 'string' && !byId.has(item.id)) byId.set(item.id, structuredClone(item) as T);
      }
    }
  }
  return [...byId.values()];
}

/** Resources by id, oldest first, so that newest-first lists read as the examples do. */
function byCreation<T extends { id: string }>(items: T[], createdAt: (item: T) => string): Array<[string, unknown]> {
  const sorted = [...items].sort((a, b) => Date.parse(createdAt(a)) - Date.parse(createdAt(b)));
  return sorted.map((item) => [item.id, item]);
}

const ACCOUNT_TYPES: readonly string[] = ['income_source', 'pod', 'external_account'];

/** The accounts the Rules examples name, with their display name and type. */
export function accountsOf(examples: SuccessExamples): AccountDirectory {
  const accounts = new Map<string, { name: string; type: AccountType }>();
  const add = (value: unknown) => {
    if (!isRecord(value) || typeof value.id !== 'string' || typeof value.name !== 'string') return;
    if (typeof value.type !== 'string' || !ACCOUNT_TYPES.includes(value.type) || accounts.has(value.id)) return;
    accounts.set(value.id, { name: value.name, type: value.type as AccountType });
  };
  const each = (operationId: string, pointer: string, pick: (item: Record<string, unknown>) => unknown[]) => {
    for (const example of examples.get(operationId) ?? []) {
      const found = resolvePointer(example, pointer);
      for (const item of Array.isArray(found) ? found : [found]) if (isRecord(item)) pick(item).forEach(add);
    }
  };
  // The accounts pages first: their names win over the names transfers and rule lists print.
  each('listAccounts', '/data', item => [item]);
  each('getAccount', '/data', item => [item]);
  for (const operationId of ['getTransfer', 'listTransfers', 'createTransfer']) {
    each(operationId, '/data', item => [item.source, item.destination]);
  }
  each('listRules', '/data', item => [item.source]);
  return accounts;
}

/** What a new Rules space (an organization's) starts with. */
export function rulesSeed(examples: SuccessExamples): SpaceSeed {
  const rules = byCreation(collect<Rule>(examples, RULES_SOURCES.rules), (rule) => rule.created_at);
  return {
    rules: rules.map(([id, rule]) => [id, { rule, deleted_at: null }]),
    rule_executions: byCreation(collect<RuleExecution>(examples, RULES_SOURCES.rule_executions), (execution) => execution.created_at),
    transfers: byCreation(collect<Transfer>(examples, RULES_SOURCES.transfers), (transfer) => transfer.created_at),
  };
}

/** What a new Sequences space (a bearer token's) starts with. */
export function sequencesSeed(examples: SuccessExamples): SpaceSeed {
  return { sequences: byCreation(collect<EmailSequence>(examples, SEQUENCES_SOURCES.email_sequences), (sequence) => sequence.createdAt) };
}

/** What a new Comms space (a bearer token's) starts with. */
export function commsSeed(examples: SuccessExamples): SpaceSeed {
  return {
    sequences: byCreation(collect<CommsSequence>(examples, COMMS_SOURCES.comms_sequences), (sequence) => sequence.created_at),
    enrollments: byCreation(collect<CommsEnrollment>(examples, COMMS_SOURCES.comms_enrollments), (enrollment) => enrollment.enrolled_at),
  };
}

export function seedFrom(contract: Contract): Seed {
  const examples = successExamples(contract);
  return {
    spaces: { rules: rulesSeed(examples), sequences: sequencesSeed(examples), comms: commsSeed(examples) },
    accounts: accountsOf(examples),
  };
}
