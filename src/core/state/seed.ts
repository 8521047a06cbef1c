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

/**
 * Where each kind of stored resource is shown: operationId -> JSON pointer of the resource (or list of
 * resources) in its success examples. Read operations describe what is stored; for enrollments,
 * which have no read operation, the enroll answer does.
 */
const SOURCES = {
  rules: { getRule: '/data' },
  rule_executions: { getRuleExecution: '/data', listRuleExecutions: '/data' },
  transfers: { getTransfer: '/data', listTransfers: '/data' },
  email_sequences: { getEmailSequence: '/sequence' },
  comms_sequences: { getCommsSequence: '' },
  comms_enrollments: { enrollInCommsSequence: '' },
} as const;

/** The values of every documented success example of each operation, in spec order. */
function successExamples(contract: Contract): Map<string, unknown[]> {
  const byOperation = new Map<string, unknown[]>();
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
function collect<T>(examples: Map<string, unknown[]>, sources: Record<string, string>): T[] {
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

function accountsOf(examples: Map<string, unknown[]>): AccountDirectory {
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

export function seedFrom(contract: Contract): Seed {
  const examples = successExamples(contract);
  const rules = byCreation(collect<Rule>(examples, SOURCES.rules), (rule) => rule.created_at);
  return {
    spaces: {
      rules: {
        rules: rules.map(([id, rule]) => [id, { rule, deleted_at: null }]),
        rule_executions: byCreation(collect<RuleExecution>(examples, SOURCES.rule_executions), (execution) => execution.created_at),
        transfers: byCreation(collect<Transfer>(examples, SOURCES.transfers), (transfer) => transfer.created_at),
      },
      sequences: { sequences: byCreation(collect<EmailSequence>(examples, SOURCES.email_sequences), (sequence) => sequence.createdAt) },
      comms: {
        sequences: byCreation(collect<CommsSequence>(examples, SOURCES.comms_sequences), (sequence) => sequence.created_at),
        enrollments: byCreation(collect<CommsEnrollment>(examples, SOURCES.comms_enrollments), (enrollment) => enrollment.enrolled_at),
      },
    },
    accounts: accountsOf(examples),
  };
}
