// What planning a verification needs everywhere: the plan's context (contract, validators, the
// provider's keys and token), who calls (the Authorization to send, chosen by what a key holds),
// the builder of one operation's steps, and the validators' verdict on a request.
import { challenge } from '../core/auth.js';
import type { Contract, Operation, PermissionRequirement } from '../core/contract.js';
import { resolvePointer } from '../core/json-pointer.js';
import type { ApiKey, KeyRing } from '../core/keys.js';
import type { PermissionFacts } from '../core/permission.js';
import type { ContractValidators } from '../core/validation.js';
import { broadestAllowing, broadestHolding } from './key-choice.js';
import type { Check, Probe, Step } from './model.js';
import { toPlannedRequest, type RequestParts } from './requests.js';

export interface PlanContext {
  document: unknown;
  contract: Contract;
  validators: ContractValidators;
  /** The keys the provider was configured with (`--keys`), for the Rules service's API keys. */
  keys?: KeyRing;
  /** The token for bearer-authenticated operations (`--bearer`). */
  bearer?: string;
  /** Send no POST, PUT, PATCH or DELETE. */
  readOnly: boolean;
  /** A fresh unique value (X-Request-ID, Idempotency-Key). */
  newId: () => string;
}

export const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Who calls: the Authorization header to send, and how the report names the caller. */
export interface Caller {
  authorization?: string;
  label: string;
  key?: ApiKey;
}

export const NO_KEYS = 'needs --keys FILE: the API keys the provider was configured with, in the mock\'s keys-file format';
const NO_BEARER = 'needs --bearer TOKEN: a token the provider accepts';

export function factsOf(parts: RequestParts): PermissionFacts {
  return { pathParams: parts.pathParams, query: parts.query, body: parts.body };
}

export function keyCaller(operation: Operation, key: ApiKey): Caller {
  return { authorization: `${challenge(operation.auth)} ${key.key}`, label: `key ${key.key}`, key };
}

/** The caller for requests that need no particular grant; a reason when there is none. */
export function plainCaller(context: PlanContext, operation: Operation): Caller | { reason: string } {
  switch (operation.auth) {
    case 'none':
      return { label: 'no credentials' };
    case 'bearer':
      return context.bearer ? { authorization: `${challenge('bearer')} ${context.bearer}`, label: 'the bearer token' } : { reason: NO_BEARER };
    case 'apiKey': {
      const first = context.keys?.values().next().value;
      return first ? keyCaller(operation, first) : { reason: NO_KEYS };
    }
  }
}

/** What a key must hold for a request, in words: `READ_RULES for path id rule_1`. */
export function describeNeed(requirement: PermissionRequirement, parts: RequestParts): string {
  const location = requirement.resource;
  if (!location) return requirement.scope;
  switch (location.in) {
    case 'path':
      return `${requirement.scope} for path ${location.name} ${parts.pathParams[location.name]}`;
    case 'query':
      return `${requirement.scope} for query ${location.name}=${parts.query[location.name]}`;
    case 'body': {
      const amount = location.amount === undefined ? '' : ` for ${String(resolvePointer(parts.body, location.amount))} cents`;
      return `${requirement.scope} from ${String(resolvePointer(parts.body, location.source))} to ${String(resolvePointer(parts.body, location.target))}${amount}`;
    }
    case 'response':
      return `${requirement.scope} for the resource the answer names (${location.pointers.join(' or ')})`;
  }
}

/** The caller for the documented examples: the broadest key allowing the request, or why there is none. */
export function exampleCaller(context: PlanContext, operation: Operation, parts: RequestParts): Caller | { reason: string } {
  const requirement = operation.permission;
  if (operation.auth !== 'apiKey' || !requirement) return plainCaller(context, operation);
  if (!context.keys) return { reason: NO_KEYS };
  // A resource only the answer names: only a key holding the scope for everything is sure to pass.
  const key = requirement.resource?.in === 'response' ? broadestHolding(context.keys, requirement.scope)[0] : broadestAllowing(context.keys, requirement, factsOf(parts))[0];
  return key ? keyCaller(operation, key) : { reason: `no key in the keys file allows it: it needs ${describeNeed(requirement, parts)}` };
}

/** The steps of one operation as they are planned: probes (skipped under --read-only) and skips. */
export class OperationPlan {
  readonly steps: Step[] = [];

  constructor(
    private readonly context: PlanContext,
    readonly operation: Operation,
  ) {}

  request(parts: RequestParts, caller: Caller | undefined, extraHeaders: Record<string, string> = {}): Probe['request'] {
    const headers: Record<string, string> = { ...parts.headers, ...extraHeaders };
    if (caller?.authorization) headers.authorization = caller.authorization;
    // A fresh Idempotency-Key per request: the same key with another body is a mismatch, with the same one a replay.
    if (this.operation.idempotent) headers['idempotency-key'] = this.context.newId();
    return toPlannedRequest(this.operation, { ...parts, headers });
  }

  probe(parts: RequestParts, caller: Caller | undefined, checks: Check[], options: { headers?: Record<string, string>; followUp?: Probe['followUp'] } = {}): void {
    if (this.context.readOnly && WRITE_METHODS.has(this.operation.method)) {
      for (const check of checks) this.skip(check.id, check.title, `--read-only: verify sends no ${this.operation.method}`);
      return;
    }
    const probe: Probe = { kind: 'probe', operation: this.operation, request: this.request(parts, caller, options.headers), checks };
    if (options.followUp) probe.followUp = options.followUp;
    this.steps.push(probe);
  }

  skip(id: string, title: string, reason: string): void {
    this.steps.push({ kind: 'skip', operation: this.operation, check: { id, title }, reason });
  }
}

/** The validators' first problem with a request, or undefined when they accept it. */
export function requestProblem(validators: ContractValidators, operation: Operation, parts: RequestParts): string | undefined {
  const parameters = validators.validateParameters(operation.operationId, { path: parts.pathParams, query: parts.query, header: parts.headers });
  if (!parameters.valid) return `${parameters.errors[0].in ?? ''} ${parameters.errors[0].pointer}: ${parameters.errors[0].message}`.trim();
  const body = validators.validateRequest(operation.operationId, parts.body);
  return body.valid ? undefined : `${body.errors[0].pointer || '/'}: ${body.errors[0].message}`;
}
