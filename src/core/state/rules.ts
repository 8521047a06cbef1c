// The Rules service's life cycles over an organization's stored resources: rules (created disabled,
// replaced, soft-deleted), the executions that triggering a rule records, and manual transfers.
import type {
  AccountType,
  NamedAccountRef,
  Rule,
  RuleCreateRequest,
  RuleExecution,
  RuleReplaceRequest,
  RuleStep,
  RuleSummary,
  Transfer,
  TransferCreateRequest,
  TransferDirection,
  TransferNode,
  TriggerRuleRequest,
} from '../../../generated/types.js';
import { errors } from '../errors.js';
import { errorBody, type ValidationProblem } from '../services.js';
import { queryInteger, queryString, timestamp, type Handlers, type Reply } from './handler.js';
import { allItems, cursorPage } from './pages.js';
import type { LifeCycle } from './life-cycles.js';
import { accountsOf, rulesSeed, type AccountDirectory } from './seed.js';
import type { Space } from './space.js';

/** A rule as stored: deleting it only marks it (soft delete, seed 002), so it stays in the record. */
export interface StoredRule {
  rule: Rule;
  deleted_at: string | null;
}

/** The service's success envelope; the server writes the request's id into `request_id`. */
function success(status: number, data: unknown, extra: Record<string, unknown> = {}): Reply {
  return { status, body: { request_id: '', data, ...extra } };
}

/** The seeds' 404 body: `Rule with id 'rule_123' was not found.` (and the same words for the others). */
function notFound(resource: string, id: string): Reply {
  return { status: 404, body: errorBody('rules', { status: 404, code: 'resource_not_found', message: `${resource} with id '${id}' was not found.` }) };
}

function invalid(details: ValidationProblem[]): Reply {
  return { status: 400, body: errorBody('rules', errors.validation('rules', details)) };
}

/** A rule that exists and is not deleted: a soft-deleted rule is not found (seed 002). */
async function liveRule(space: Space, id: string): Promise<StoredRule | undefined> {
  const stored = await space.get<StoredRule>('rules', id);
  return stored && stored.deleted_at === null ? stored : undefined;
}

/** Steps as the service answers them: every action gains the read-only `is_direct_deposit` (seed 000). */
function storedSteps(steps: RuleStep[]): RuleStep[] {
  return structuredClone(steps).map(step => ({
    ...step,
    actions: step.actions.map(action => ({ ...action, is_direct_deposit: false })),
  })) as RuleStep[];
}

/** The account a rule draws from, as `GET /rules` shows it: its trigger's account (a MANUAL rule has none). */
export function ruleSource(rule: Rule, accounts: AccountDirectory): NamedAccountRef | null {
  if (!('account_id' in rule.trigger)) return null;
  const id = rule.trigger.account_id;
  const known = accounts.get(id);
  if (known) return { id, type: known.type, name: known.name };
  // An account the examples do not name: its type as the rule's actions give it, and its id as its name.
  const node = rule.steps.flatMap(step => step.actions).flatMap(action => [action.source, action.destination]).find(n => n.id === id);
  return { id, type: node?.type ?? 'income_source', name: id };
}

function summary(rule: Rule, accounts: AccountDirectory): RuleSummary {
  return {
    id: rule.id,
    nickname: rule.nickname,
    description: rule.description,
    status: rule.status,
    trigger_type: rule.trigger.type,
    source: ruleSource(rule, accounts),
    created_at: rule.created_at,
  };
}

/** The rule a create or replace body describes (the id and times are the caller's to set). */
function ruleFrom(body: RuleCreateRequest | RuleReplaceRequest, id: string, createdAt: string, updatedAt: string): Rule {
  return {
    id,
    nickname: (body.nickname as string | null | undefined) ?? null,
    description: (body.description as string | null | undefined) ?? null,
    // A rule is created disabled, and replacing an enabled rule disables it (seeds 000 and 001): only a
    // person enables rules, in the Sequence app, so no API call leaves a rule enabled.
    status: 'disabled',
    trigger: structuredClone(body.trigger),
    steps: storedSteps(body.steps),
    created_at: createdAt,
    updated_at: updatedAt,
  };
}

/**
 * How a triggered run ends. The mock finishes a run at once, so the first poll sees its outcome. A
 * disabled rule cannot run until a person enables it (seed 000); an enabled one runs its first step,
 * since the mock knows no balances to evaluate conditions against, and moves no money.
 */
export function runOutcome(rule: Rule): Pick<RuleExecution, 'status' | 'outcome'> {
  if (rule.status === 'disabled') {
    return {
      status: 'failed',
      outcome: { step_index: null, message: 'The rule is disabled: a person must enable it in the Sequence app before it can run.' },
    };
  }
  return { status: 'executed', outcome: { step_index: 0, message: 'Ran step 0 (the mock evaluates no conditions and moves no money).' } };
}

/** Money between the organization's own accounts is internal; an external account makes it money in or out. */
export function transferDirection(source: AccountType, destination: AccountType): TransferDirection {
  if (source === 'external_account' && destination !== 'external_account') return 'money_in';
  if (destination === 'external_account' && source !== 'external_account') return 'money_out';
  return 'internal';
}

function within(createdAt: string, from: string | undefined, to: string | undefined): boolean {
  const time = Date.parse(createdAt);
  return (from === undefined || time >= Date.parse(from)) && (to === undefined || time <= Date.parse(to));
}

export const rulesHandlers: Handlers = {
  async listRules(space, { query, accounts }) {
    const sourceId = queryString(query, 'source_id');
    const rules = await allItems<StoredRule, RuleSummary>(space, 'rules', (stored) => {
      if (stored.deleted_at !== null) return undefined;
      const rule = summary(stored.rule, accounts);
      return sourceId === undefined || rule.source?.id === sourceId ? rule : undefined;
    });
    return success(200, rules);
  },

  async createRule(space, { body, now, ids }) {
    const at = timestamp(now);
    const rule = ruleFrom(body as RuleCreateRequest, ids('rule_', now.getTime()), at, at);
    await space.put<StoredRule>('rules', rule.id, { rule, deleted_at: null });
    return success(201, rule);
  },

  async getRule(space, { pathParams }) {
    const stored = await liveRule(space, pathParams.id);
    return stored ? success(200, stored.rule) : notFound('Rule', pathParams.id);
  },

  async updateRule(space, { pathParams, body, now }) {
    const stored = await liveRule(space, pathParams.id);
    if (!stored) return notFound('Rule', pathParams.id);
    const rule = ruleFrom(body as RuleReplaceRequest, stored.rule.id, stored.rule.created_at, timestamp(now));
    await space.put<StoredRule>('rules', rule.id, { rule, deleted_at: null });
    return success(200, rule);
  },

  async deleteRule(space, { pathParams, now }) {
    const stored = await liveRule(space, pathParams.id);
    if (!stored) return notFound('Rule', pathParams.id);
    // Soft delete (seed 002): deactivated and hidden, but kept, so its executions still read back.
    const deletedAt = timestamp(now);
    await space.put<StoredRule>('rules', stored.rule.id, { rule: { ...stored.rule, status: 'disabled', updated_at: deletedAt }, deleted_at: deletedAt });
    return { status: 204 };
  },

  async triggerRule(space, { pathParams, body, now, ids }) {
    const stored = await liveRule(space, pathParams.id);
    if (!stored) return notFound('Rule', pathParams.id);
    const { rule } = stored;
    const { status, outcome } = runOutcome(rule);
    const execution: RuleExecution = {
      id: ids('rex_', now.getTime()),
      rule_id: rule.id,
      rule_name: rule.nickname,
      // This call is what started the run, whatever the rule's own trigger.
      trigger_type: 'manual',
      status,
      created_at: timestamp(now),
      trigger_details: { type: 'manual', manual_execute_amount: (body as TriggerRuleRequest | undefined)?.manual_execute_amount ?? null },
      outcome,
      transfer_ids: [],
    };
    await space.put('rule_executions', execution.id, execution);
    // The answer says in_progress (the contract's only value here); polling shows how it ended.
    return success(202, { execution_id: execution.id, rule_id: rule.id, status: 'in_progress' });
  },

  async listRuleExecutions(space, { query }) {
    const [ruleId, status, triggerType, from, to] = ['rule_id', 'status', 'trigger_type', 'from', 'to'].map((name) => queryString(query, name));
    const page = await cursorPage<RuleExecution, RuleExecution>(
      space,
      'rule_executions',
      (execution) =>
        execution.rule_id === ruleId &&
        (status === undefined || execution.status === status) &&
        (triggerType === undefined || execution.trigger_type === triggerType) &&
        within(execution.created_at, from, to)
          ? execution
          : undefined,
      queryInteger(query, 'first', 20),
      queryString(query, 'after'),
    );
    if (!page.ok) return invalid([{ in: 'query', pointer: '/after', message: page.message }]);
    return success(200, page.items, { page_info: page.page_info });
  },

  async getRuleExecution(space, { pathParams }) {
    const execution = await space.get<RuleExecution>('rule_executions', pathParams.id);
    return execution ? success(200, execution) : notFound('Rule execution', pathParams.id);
  },

  async createTransfer(space, { body, now, accounts, ids }) {
    const request = body as TransferCreateRequest;
    const problems: ValidationProblem[] = [];
    const node = (pointer: string, id: string): TransferNode | undefined => {
      const account = accounts.get(id);
      if (!account) problems.push({ pointer, message: `Not an account of the organization (GET /api/v1/accounts lists them): ${id}.` });
      return account && { id, name: account.name, type: account.type };
    };
    const source = node('/source_account_id', request.source_account_id);
    const destination = node('/destination_account_id', request.destination_account_id);
    if (request.source_account_id === request.destination_account_id) {
      problems.push({ pointer: '/destination_account_id', message: 'Must differ from source_account_id.' });
    }
    if (problems.length > 0 || !source || !destination) return invalid(problems);
    const at = timestamp(now);
    const transfer: Transfer = {
      id: ids('txr_', now.getTime()),
      amount_in_cents: request.amount_in_cents,
      direction: transferDirection(source.type, destination.type),
      // A transfer created through the API is a manual one: origin `user`, processed asynchronously.
      origin: 'user',
      status: 'processing',
      source,
      destination,
      rule_execution_id: null,
      created_at: at,
      updated_at: at,
    };
    await space.put('transfers', transfer.id, transfer);
    return success(202, transfer);
  },

  async getTransfer(space, { pathParams }) {
    const transfer = await space.get<Transfer>('transfers', pathParams.id);
    return transfer ? success(200, transfer) : notFound('Transfer', pathParams.id);
  },

  async listTransfers(space, { query }) {
    const [accountId, direction, origin, status] = ['account_id', 'direction', 'origin', 'status'].map((name) => queryString(query, name));
    const role = queryString(query, 'account_role') ?? 'either';
    const page = await cursorPage<Transfer, Transfer>(
      space,
      'transfers',
      (transfer) =>
        ((role !== 'destination' && transfer.source.id === accountId) || (role !== 'source' && transfer.destination.id === accountId)) &&
        (direction === undefined || transfer.direction === direction) &&
        (origin === undefined || transfer.origin === origin) &&
        (status === undefined || transfer.status === status)
          ? transfer
          : undefined,
      queryInteger(query, 'first', 20),
      queryString(query, 'after'),
    );
    if (!page.ok) return invalid([{ in: 'query', pointer: '/after', message: page.message }]);
    return success(200, page.items, { page_info: page.page_info });
  },
};

export const rulesLifeCycle: LifeCycle = { handlers: rulesHandlers, seed: rulesSeed, accounts: accountsOf };
