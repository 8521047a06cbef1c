// `verify` as one pure function: plan every check of every operation chosen, send each probe through
// the injected fetch (reads first, then writes, deletes last, so that a delete cannot hide what a
// read would have shown), check each answer, and return one result per check.
import type { Contract, Operation } from '../core/contract.js';
import type { KeyRing } from '../core/keys.js';
import type { ContractValidators } from '../core/validation.js';
import { checkAnswer } from './check.js';
import { planGenerated } from './generated.js';
import type { Answer, CheckResult, Probe, Step } from './model.js';
import { planOperation } from './plan.js';
import type { PlanContext } from './planning.js';
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

/** Where a step's result is listed: its operation's place, then the step's place in that operation's plan. */
type Place = [operation: number, position: number];

interface Queued {
  step: Step;
  at: Place;
}

/** The provider did not answer at all: there is nothing to check. */
class Unreachable extends Error {}

const emptyTally = (operationId: string): OperationTally => ({ operationId, checks: 0, passed: 0, failed: 0, skipped: 0 });

/** One run: sends the probes in order, records each check's result and tells the progress listener. */
class Run {
  readonly results: Array<{ at: Place; result: CheckResult }> = [];
  private readonly tallies = new Map<string, OperationTally>();
  private readonly generatedTally = emptyTally('generated requests');
  private done = 0;

  constructor(
    private readonly options: VerifyOptions,
    private total: number,
  ) {}

  private tally(operationId: string): OperationTally {
    if (!this.tallies.has(operationId)) this.tallies.set(operationId, emptyTally(operationId));
    return this.tallies.get(operationId)!;
  }

  private record(at: Place, result: CheckResult, counts: OperationTally[]): void {
    this.results.push({ at, result });
    for (const count of counts) {
      count.checks++;
      count[result.outcome]++;
    }
  }

  private async send(probe: Probe, at: Place, counts: OperationTally[]): Promise<Answer> {
    const { options } = this;
    const answer = await send(options.fetch, options.baseUrl, probe.request, options.timeoutMs);
    if (this.done === 0 && answer.error) throw new Unreachable(answer.error);
    this.done++;
    const exchange = { request: probe.request, url: requestUrl(options.baseUrl, probe.request), answer };
    const context = { contract: options.contract, validators: options.validators, strict: options.strict ?? false };
    for (const check of probe.checks) {
      const violations = checkAnswer(context, probe.operation, check, answer);
      const outcome = violations.length === 0 ? 'passed' : 'failed';
      const result: CheckResult = { operationId: probe.operation.operationId, check: check.id, title: check.title, outcome, violations, exchange };
      if (violations[0]) result.reason = violations[0].message;
      this.record(at, result, counts);
    }
    return answer;
  }

  private progress(step: Step, finished?: OperationTally): void {
    const checks = step.kind === 'probe' ? step.checks.map((check) => check.id) : [step.check.id];
    this.options.onProgress?.({ done: this.done, total: this.total, operationId: step.operation.operationId, checks, ...(finished ? { operationDone: finished } : {}) });
  }

  /** The planned steps, with the follow-ups a probe's answer brings, each listed after its probe. */
  async planned(queue: Queued[]): Promise<void> {
    const remaining = new Map<string, number>();
    for (const { step } of queue) remaining.set(step.operation.operationId, (remaining.get(step.operation.operationId) ?? 0) + 1);
    for (let index = 0; index < queue.length; index++) {
      const { step, at } = queue[index];
      const operationId = step.operation.operationId;
      if (step.kind === 'skip') {
        this.record(at, { operationId, check: step.check.id, title: step.check.title, outcome: 'skipped', reason: step.reason, violations: [] }, [this.tally(operationId)]);
      } else {
        const answer = await this.send(step, at, [this.tally(operationId)]);
        // Follow-ups run next and are listed right after the probe whose answer they read.
        const followUps = step.followUp?.(answer) ?? [];
        followUps.forEach((followUp, offset) => queue.splice(index + 1 + offset, 0, { step: followUp, at: [at[0], at[1] + (offset + 1) / (followUps.length + 1)] }));
        remaining.set(operationId, remaining.get(operationId)! + followUps.length);
        this.total += followUps.filter((followUp) => followUp.kind === 'probe').length;
      }
      const left = remaining.get(operationId)! - 1;
      remaining.set(operationId, left);
      if (step.kind === 'probe' || left === 0) this.progress(step, left === 0 ? this.tally(operationId) : undefined);
    }
  }

  /** The generated requests, after the planned ones; their group is done with the last of them. */
  async generated(queue: Queued[]): Promise<void> {
    for (const [index, { step, at }] of queue.entries()) {
      if (step.kind === 'probe') await this.send(step, at, [this.tally(step.operation.operationId), this.generatedTally]);
      this.progress(step, index === queue.length - 1 ? this.generatedTally : undefined);
    }
  }
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
  const order = new Map(operations.map((operation, index) => [operation.operationId, index]));
  const planned: Queued[] = operations.flatMap((operation, index) => planOperation(context, operation).map((step, position): Queued => ({ step, at: [index, position] })));
  planned.sort((a, b) => phase(a.step.operation.method) - phase(b.step.operation.method) || a.at[0] - b.at[0] || deleteRank(a.step) - deleteRank(b.step) || a.at[1] - b.at[1]);
  const generated = options.requests ? planGenerated(context, operations, options.requests, options.seed ?? 0) : undefined;
  const extra = (generated?.steps ?? []).map((step, position): Queued => ({ step, at: [order.get(step.operation.operationId)!, 1_000_000 + position] }));

  const run = new Run(options, [...planned, ...extra].filter(({ step }) => step.kind === 'probe').length);
  const listed = operations.map((operation) => operation.operationId);
  try {
    await run.planned(planned);
    await run.generated(extra);
  } catch (error) {
    if (error instanceof Unreachable) return { baseUrl: options.baseUrl, operations: listed, webhooks: [], results: [], unreachable: error.message };
    throw error;
  }
  run.results.sort((a, b) => a.at[0] - b.at[0] || a.at[1] - b.at[1]);
  return {
    baseUrl: options.baseUrl,
    operations: listed,
    webhooks: options.contract.operations.filter((operation) => operation.webhook).map((operation) => operation.operationId),
    results: run.results.map(({ result }) => result),
    ...(generated ? { generated: { requested: options.requests!, sent: generated.steps.length, seed: options.seed ?? 0, discarded: generated.discarded, exhausted: generated.exhausted } } : {}),
  };
}
