// `verify` as one pure function: plan every check of every operation chosen, send each probe through
// the injected fetch (reads first, then writes, deletes last, so that a delete cannot hide what a
// read would have shown), check each answer, and return one result per check.
import type { Contract, Operation } from '../core/contract.js';
import type { KeyRing } from '../core/keys.js';
import type { ContractValidators } from '../core/validation.js';
import { checkAnswer } from './check.js';
import { planGenerated } from './generated.js';
import type { CheckResult, Probe, Step } from './model.js';
import { planOperation, type PlanContext } from './plan.js';
import { send, requestUrl, type Fetch } from './send.js';

export interface VerifyOptions {
  baseUrl: string;
  fetch: Fetch;
  document: unknown;
  contract: Contract;
  validators: ContractValidators;
  keys?: KeyRing;
  bearer?: string;
  /** operationIds to check; default: every operation the provider serves. */
  only?: string[];
  readOnly?: boolean;
  strict?: boolean;
  /** How many generated requests to add (`--requests`). */
  requests?: number;
  seed?: number;
  /** A fresh unique value for X-Request-ID and Idempotency-Key; default: a random UUID. */
  newId?: () => string;
  timeoutMs?: number;
  onProgress?: (progress: Progress) => void;
}

export interface Progress {
  done: number;
  total: number;
  operationId: string;
  checks: string[];
  /** Every planned check of this operation is now decided. */
  operationDone?: OperationTally;
}

export interface OperationTally {
  operationId: string;
  checks: number;
  passed: number;
  failed: number;
  skipped: number;
}

export interface VerifyReport {
  baseUrl: string;
  /** The operations checked, in the contract's order. */
  operations: string[];
  /** Webhooks: the provider sends them, verify cannot call them. */
  webhooks: string[];
  results: CheckResult[];
  generated?: { requested: number; sent: number; seed: number; discarded: number; exhausted: string[] };
  /** Set when the provider did not answer the first request at all: nothing else was tried. */
  unreachable?: string;
}

/** The known operationIds a list names, or the unknown ones. */
export function selectOperations(contract: Contract, only: string[] | undefined): { operations: Operation[] } | { unknown: string[] } {
  const callable = contract.operations.filter((operation) => !operation.webhook);
  if (!only) return { operations: callable };
  const unknown = only.filter((id) => !callable.some((operation) => operation.operationId === id));
  if (unknown.length > 0) return { unknown };
  return { operations: callable.filter((operation) => only.includes(operation.operationId)) };
}

/** Reads before writes, deletes last; otherwise the contract's order. */
function phase(method: string): number {
  return method === 'DELETE' ? 2 : method === 'GET' || method === 'HEAD' ? 0 : 1;
}

/**
 * Within a delete, the requests that must be refused go first: once the example resource is gone, a
 * server may answer 404 before it looks at the key, and the refusals would prove nothing.
 */
function deleteRank(step: Step): number {
  if (step.kind !== 'probe' || step.operation.method !== 'DELETE') return 0;
  const refusal = step.checks.every((check) => check.expectations.every((expected) => expected.kind === 'client-error' || (expected.kind === 'status' && expected.status >= 400)));
  return refusal ? 0 : 1;
}

export async function verifyProvider(options: VerifyOptions): Promise<VerifyReport> {
  const selected = selectOperations(options.contract, options.only);
  if ('unknown' in selected) throw new Error(`unknown operationId ${selected.unknown.join(', ')}`);
  const { operations } = selected;
  const context: PlanContext = {
    document: options.document,
    contract: options.contract,
    validators: options.validators,
    ...(options.keys ? { keys: options.keys } : {}),
    ...(options.bearer ? { bearer: options.bearer } : {}),
    readOnly: options.readOnly ?? false,
    newId: options.newId ?? (() => crypto.randomUUID()),
  };
  const checkContext = { contract: options.contract, validators: options.validators, strict: options.strict ?? false };
  const order = new Map(operations.map((operation, index) => [operation.operationId, index]));
  const planned = operations.map((operation) => planOperation(context, operation));
  const generated = options.requests ? planGenerated(context, operations, options.requests, options.seed ?? 0) : undefined;

  // Results are listed per operation in plan order: each step's place is (operation, position).
  const results: Array<{ at: [number, number]; result: CheckResult }> = [];
  const queue: Array<{ step: Step; at: [number, number] }> = [];
  planned.forEach((steps, index) => steps.forEach((step, position) => queue.push({ step, at: [index, position] })));
  queue.sort((a, b) => phase(a.step.operation.method) - phase(b.step.operation.method) || a.at[0] - b.at[0] || deleteRank(a.step) - deleteRank(b.step) || a.at[1] - b.at[1]);
  for (const [position, step] of (generated?.steps ?? []).entries()) queue.push({ step, at: [order.get(step.operation.operationId)!, 1_000_000 + position] });

  const remaining = new Map<string, number>();
  for (const { step } of queue) remaining.set(step.operation.operationId, (remaining.get(step.operation.operationId) ?? 0) + 1);
  const tally = new Map<string, OperationTally>();
  let total = queue.filter(({ step }) => step.kind === 'probe').length;
  let done = 0;
  let sentAny = false;

  const record = (at: [number, number], result: CheckResult) => {
    results.push({ at, result });
    const counts = tally.get(result.operationId) ?? { operationId: result.operationId, checks: 0, passed: 0, failed: 0, skipped: 0 };
    counts.checks++;
    counts[result.outcome]++;
    tally.set(result.operationId, counts);
  };

  for (let index = 0; index < queue.length; index++) {
    const { step, at } = queue[index];
    const operationId = step.operation.operationId;
    if (step.kind === 'skip') {
      record(at, { operationId, check: step.check.id, title: step.check.title, outcome: 'skipped', reason: step.reason, violations: [] });
    } else {
      const answer = await send(options.fetch, options.baseUrl, step.request, options.timeoutMs);
      if (!sentAny && answer.error) return unreachable(options, operations, answer.error);
      sentAny = true;
      done++;
      const exchange = { request: step.request, url: requestUrl(options.baseUrl, step.request), answer };
      for (const check of step.checks) {
        const violations = checkAnswer(checkContext, step.operation, check, answer);
        const outcome = violations.length === 0 ? 'passed' : 'failed';
        record(at, { operationId, check: check.id, title: check.title, outcome, ...(violations[0] ? { reason: violations[0].message } : {}), violations, exchange });
      }
      const followUps = step.followUp?.(answer) ?? [];
      // Follow-ups run next and are listed right after the probe they come from.
      followUps.forEach((followUp, offset) => queue.splice(index + 1 + offset, 0, { step: followUp, at: [at[0], at[1] + (offset + 1) / (followUps.length + 1)] }));
      remaining.set(operationId, remaining.get(operationId)! + followUps.length);
      total += followUps.filter((followUp) => followUp.kind === 'probe').length;
    }
    const left = remaining.get(operationId)! - 1;
    remaining.set(operationId, left);
    if (step.kind === 'probe' || left === 0) {
      options.onProgress?.({ done, total, operationId, checks: step.kind === 'probe' ? (step as Probe).checks.map((check) => check.id) : [step.check.id], ...(left === 0 ? { operationDone: tally.get(operationId)! } : {}) });
    }
  }

  results.sort((a, b) => a.at[0] - b.at[0] || a.at[1] - b.at[1]);
  return {
    baseUrl: options.baseUrl,
    operations: operations.map((operation) => operation.operationId),
    webhooks: options.contract.operations.filter((operation) => operation.webhook).map((operation) => operation.operationId),
    results: results.map(({ result }) => result),
    ...(generated ? { generated: { requested: options.requests!, sent: generated.steps.length, seed: options.seed ?? 0, discarded: generated.discarded, exhausted: generated.exhausted } } : {}),
  };
}

function unreachable(options: VerifyOptions, operations: Operation[], error: string): VerifyReport {
  return {
    baseUrl: options.baseUrl,
    operations: operations.map((operation) => operation.operationId),
    webhooks: [],
    results: [],
    unreachable: error,
  };
}
