// The checks of one operation, planned from the contract and the provider's keys: its documented
// example requests, a request without credentials, the scope model (a key without the scope, a key
// whose resources leave the target out, transfers outside the sets or over the limit, a key that
// holds both), request ids, and the negative cases its schemas imply. Each check the planner cannot
// make (no fitting key, no token, --read-only) is a Skip with the reason.
import { challenge } from '../core/auth.js';
import { type Contract, type Operation, type PermissionRequirement, type ResourceLocation } from '../core/contract.js';
import { resolvePointer } from '../core/json-pointer.js';
import type { ApiKey, KeyRing } from '../core/keys.js';
import type { PermissionFacts } from '../core/permission.js';
import { SERVICE_TITLES } from '../core/services.js';
import type { ContractValidators } from '../core/validation.js';
import {
  allows,
  broadestAllowing,
  broadestHolding,
  holdsEverything,
  keysWithListedResources,
  keysWithoutScope,
  knownIds,
  narrowestAllowing,
  transferSets,
} from './key-choice.js';
import type { Answer, Check, Expectation, Probe, Step } from './model.js';
import { MUTATION_KINDS, requestMutations, withValueAt, type MutationKind } from './mutations.js';
import { exampleParts, requestExampleNames, toPlannedRequest, type RequestParts } from './requests.js';
import { parseJson } from './check.js';

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

const NO_KEYS = 'needs --keys FILE: the API keys the provider was configured with, in the mock\'s keys-file format';
const NO_BEARER = 'needs --bearer TOKEN: a token the provider accepts';

function declaresRequestIdParameter(operation: Operation): boolean {
  return operation.parameters.some((parameter) => parameter.in === 'header' && parameter.name.toLowerCase() === 'x-request-id');
}

function declaresRequestIdHeader(operation: Operation): boolean {
  return operation.responses.some((response) => response.headers.some((name) => name.toLowerCase() === 'x-request-id'));
}

export function factsOf(parts: RequestParts): PermissionFacts {
  return { pathParams: parts.pathParams, query: parts.query, body: parts.body };
}

function keyCaller(operation: Operation, key: ApiKey): Caller {
  return { authorization: `${challenge(operation.auth)} ${key.key}`, label: `key ${key.key}`, key };
}

/** The caller for requests that need no particular grant; a reason when there is none. */
function plainCaller(context: PlanContext, operation: Operation): Caller | { reason: string } {
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
function describeNeed(requirement: PermissionRequirement, parts: RequestParts): string {
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

class OperationPlan {
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

const ECHO_TITLE = 'a sent X-Request-ID is echoed in the header and in request_id';

/** Everything checked of one operation, in the order the report lists it. */
export function planOperation(context: PlanContext, operation: Operation): Step[] {
  const plan = new OperationPlan(context, operation);
  const names = requestExampleNames(operation);
  const examples = (names.length > 0 ? names : [undefined]).map((name) => ({ name, parts: exampleParts(context.document, operation, name) }));
  const first = examples[0].parts;
  const echo = declaresRequestIdParameter(operation);

  examples.forEach(({ name, parts }, index) => {
    const id = name === undefined ? 'example' : `example:${name}`;
    const title = `the documented example request${name === undefined ? '' : ` "${name}"`} gets a documented answer`;
    const caller = exampleCaller(context, operation, parts);
    const withEcho = echo && index === 0;
    if ('reason' in caller) {
      plan.skip(id, title, caller.reason);
      if (withEcho) plan.skip('request-id:echo', ECHO_TITLE, caller.reason);
      return;
    }
    const sent = `verify-${context.newId()}`;
    const checks: Check[] = [{ id, title: `${title} (${caller.label})`, expectations: expectationsForExample(operation, caller) }];
    if (withEcho) checks.push({ id: 'request-id:echo', title: ECHO_TITLE, expectations: [{ kind: 'request-id-echo', sent }] });
    const followUp = index === 0 && operation.permission?.resource?.in === 'response' && context.keys ? answerScopeChecks(context, plan, first, operation.permission, caller) : undefined;
    plan.probe(parts, caller, checks, { ...(withEcho ? { headers: { 'x-request-id': sent } } : {}), ...(followUp ? { followUp } : {}) });
  });

  if (declaresRequestIdHeader(operation)) {
    const caller = exampleCaller(context, operation, first);
    const title = 'without an X-Request-ID, the answer has one, and request_id agrees';
    if ('reason' in caller) plan.skip('request-id:generated', title, caller.reason);
    else plan.probe(first, caller, [{ id: 'request-id:generated', title, expectations: [{ kind: 'request-id-generated' }] }]);
  }

  if (operation.auth !== 'none') {
    const scheme = challenge(operation.auth);
    plan.probe(first, undefined, [
      {
        id: 'auth:no-credentials',
        title: `a request without credentials gets 401 in the ${SERVICE_TITLES[operation.service]} envelope`,
        expectations: [{ kind: 'status', status: 401, rule: `${operation.operationId} needs "Authorization: ${scheme} ..."; without it the contract documents 401` }],
      },
    ]);
  }

  if (operation.permission) planScopeChecks(context, plan, first, operation.permission);
  planNegatives(context, plan, first);
  return plan.steps;
}

function expectationsForExample(operation: Operation, caller: Caller): Expectation[] {
  const requirement = operation.permission;
  const sure = caller.key && requirement && (requirement.resource?.in !== 'response' || holdsEverything(caller.key, requirement.scope));
  return sure ? [{ kind: 'documented' }, { kind: 'not-denied', rule: `${caller.label} holds ${requirement!.scope} for this request` }] : [{ kind: 'documented' }];
}

const using = (who?: string) => (who ? ` (${who})` : '');

const SCOPE_TITLES = {
  allowed: (scope: string, who?: string) => `a key holding ${scope} and the resource${using(who)} is neither refused 401 nor 403`,
  missing: (scope: string, who?: string) => `a key without ${scope}${using(who)} gets 403`,
  resource: (scope: string, who?: string) => `a key whose ${scope} resources leave the target out${using(who)} gets 403`,
  outside: (scope: string, who?: string) => `a key whose ${scope} sets do not include the route${using(who)} gets 403`,
  overLimit: (scope: string, who?: string) => `a key whose ${scope} set caps the amount${using(who)} gets 403 above max_amount`,
};

function denial(requirement: PermissionRequirement, operation: Operation, why: string): Expectation[] {
  return [{ kind: 'status', status: 403, rule: `x-permission of ${operation.operationId} requires ${requirement.scope}; ${why}` }];
}

function notDenied(caller: Caller, need: string): Expectation[] {
  return [{ kind: 'not-denied', rule: `${caller.label} holds ${need}` }];
}

function planScopeChecks(context: PlanContext, plan: OperationPlan, parts: RequestParts, requirement: PermissionRequirement): void {
  const { operation } = plan;
  const { scope } = requirement;
  const keys = context.keys;
  const location = requirement.resource;
  const resourceChecks: Array<[string, string]> = !location
    ? []
    : location.in === 'body'
      ? [['scope:outside-sets', SCOPE_TITLES.outside(scope)], ...(location.amount ? ([['scope:over-limit', SCOPE_TITLES.overLimit(scope)]] as Array<[string, string]>) : [])]
      : [['scope:resource', SCOPE_TITLES.resource(scope)]];
  if (!keys) {
    for (const [id, title] of [['scope:allowed', SCOPE_TITLES.allowed(scope)], ['scope:missing', SCOPE_TITLES.missing(scope)], ...resourceChecks]) plan.skip(id, title, NO_KEYS);
    return;
  }
  // A resource only the answer names is checked after the example (answerScopeChecks), when there is one.
  if (location?.in === 'response') {
    const caller = exampleCaller(context, operation, parts);
    if ('reason' in caller) for (const [id, title] of [['scope:allowed', SCOPE_TITLES.allowed(scope)], ...resourceChecks]) plan.skip(id, title, caller.reason);
  }

  // A key that holds both, the narrowest that does: a grant of exactly this resource must work.
  if (location?.in !== 'response') {
    const allowed = location?.in === 'body' ? allowedTransfer(context, requirement, location, parts) : allowedNamed(keys, requirement, parts);
    if (allowed) {
      const caller = keyCaller(operation, allowed.key);
      plan.probe(allowed.parts, caller, [{ id: 'scope:allowed', title: SCOPE_TITLES.allowed(scope, caller.label), expectations: notDenied(caller, describeNeed(requirement, allowed.parts)) }]);
    } else {
      plan.skip('scope:allowed', SCOPE_TITLES.allowed(scope), `no key in the keys file holds ${describeNeed(requirement, parts)}`);
    }
  }

  const without = keysWithoutScope(keys, scope)[0];
  if (without) {
    const caller = keyCaller(operation, without);
    plan.probe(parts, caller, [{ id: 'scope:missing', title: SCOPE_TITLES.missing(scope, caller.label), expectations: denial(requirement, operation, `${caller.label} has no ${scope} entry`) }]);
  } else {
    plan.skip('scope:missing', SCOPE_TITLES.missing(scope), `every key in the keys file holds ${scope}: add one without it`);
  }

  if (location?.in === 'path' || location?.in === 'query') planNamedResource(context, plan, parts, requirement, location);
  if (location?.in === 'body') planTransferSets(context, plan, parts, requirement, location);
}

function allowedNamed(keys: KeyRing, requirement: PermissionRequirement, parts: RequestParts): { key: ApiKey; parts: RequestParts } | undefined {
  const key = narrowestAllowing(keys, requirement, factsOf(parts))[0];
  return key ? { key, parts } : undefined;
}

function withNamedValue(parts: RequestParts, location: { in: 'path' | 'query'; name: string }, value: string): RequestParts {
  return location.in === 'path' ? { ...parts, pathParams: { ...parts.pathParams, [location.name]: value } } : { ...parts, query: { ...parts.query, [location.name]: value } };
}

function planNamedResource(context: PlanContext, plan: OperationPlan, parts: RequestParts, requirement: PermissionRequirement, location: { in: 'path' | 'query'; name: string }): void {
  const keys = context.keys!;
  const { operation } = plan;
  const kind = context.contract.scopes?.find((scope) => scope.scope === requirement.scope)?.resources ?? 'resource';
  const example = location.in === 'path' ? parts.pathParams[location.name] : parts.query[location.name];
  // A write goes only to the documented example id; a read may aim at any id the keys file names.
  const known = WRITE_METHODS.has(operation.method) ? [] : knownIds(keys, context.contract.scopes, kind);
  const candidates = [...new Set([example, ...known].filter((id): id is string => typeof id === 'string'))];
  const listed = keysWithListedResources(keys, requirement.scope);
  for (const id of candidates) {
    const target = withNamedValue(parts, location, id);
    if (!context.validators.validateParameters(operation.operationId, { path: target.pathParams, query: target.query, header: {} }).valid) continue;
    const key = listed.find((candidate) => !allows(candidate, requirement, factsOf(target)));
    if (!key) continue;
    const caller = keyCaller(operation, key);
    plan.probe(target, caller, [
      { id: 'scope:resource', title: SCOPE_TITLES.resource(requirement.scope, `${caller.label}, ${location.in} ${location.name} ${id}`), expectations: denial(requirement, operation, `${caller.label} does not list ${id}`) },
    ]);
    return;
  }
  const reason = listed.length === 0
    ? `no key in the keys file holds ${requirement.scope} for listed ${kind} ids only: add one`
    : WRITE_METHODS.has(operation.method)
      ? `every key holding ${requirement.scope} for listed ids lists ${candidates.join(', ')}, the documented example id (a write goes to no other id)`
      : `every key holding ${requirement.scope} for listed ids lists ${candidates.join(', ')}; the keys file names no other ${kind} id`;
  plan.skip('scope:resource', SCOPE_TITLES.resource(requirement.scope), reason);
}

type BodyLocation = Extract<ResourceLocation, { in: 'body' }>;

function route(parts: RequestParts, location: BodyLocation, source: string, target: string, amount?: number): RequestParts {
  let body = withValueAt(withValueAt(parts.body, location.source, source), location.target, target);
  if (amount !== undefined && location.amount) body = withValueAt(body, location.amount, amount);
  return { ...parts, body };
}

function validBody(context: PlanContext, operation: Operation, parts: RequestParts): boolean {
  return context.validators.validateRequest(operation.operationId, parts.body).valid;
}

/** The narrowest key and request that moves money within a key's sets: the example, or the example along a set. */
function allowedTransfer(context: PlanContext, requirement: PermissionRequirement, location: BodyLocation, parts: RequestParts): { key: ApiKey; parts: RequestParts } | undefined {
  const keys = context.keys!;
  const amount = location.amount ? resolvePointer(parts.body, location.amount) : undefined;
  const candidates = [parts];
  for (const key of keysWithListedResources(keys, requirement.scope)) {
    for (const set of transferSets(key, requirement.scope)) {
      const within = typeof amount === 'number' && set.max_amount !== undefined ? Math.min(amount, set.max_amount) : undefined;
      candidates.push(route(parts, location, set.source, set.target, within));
    }
  }
  let fallback: { key: ApiKey; parts: RequestParts } | undefined;
  for (const candidate of candidates) {
    const key = narrowestAllowing(keys, requirement, factsOf(candidate))[0];
    if (!key) continue;
    if (!holdsEverything(key, requirement.scope)) return { key, parts: candidate };
    fallback ??= { key, parts: candidate };
  }
  return fallback;
}

function planTransferSets(context: PlanContext, plan: OperationPlan, parts: RequestParts, requirement: PermissionRequirement, location: BodyLocation): void {
  const keys = context.keys!;
  const { operation } = plan;
  const { scope } = requirement;
  const listed = keysWithListedResources(keys, scope);
  const source = resolvePointer(parts.body, location.source);
  const target = resolvePointer(parts.body, location.target);
  const accounts = [...new Set([source, target, ...knownIds(keys, context.contract.scopes, 'account')].filter((id): id is string => typeof id === 'string'))];

  let outside: { key: ApiKey; parts: RequestParts; from: string; to: string } | undefined;
  search: for (const key of listed) {
    for (const from of accounts) {
      for (const to of accounts) {
        if (from === to) continue;
        const candidate = route(parts, location, from, to);
        if (!allows(key, requirement, factsOf(candidate)) && validBody(context, operation, candidate)) {
          outside = { key, parts: candidate, from, to };
          break search;
        }
      }
    }
  }
  if (outside) {
    const caller = keyCaller(operation, outside.key);
    plan.probe(outside.parts, caller, [
      { id: 'scope:outside-sets', title: SCOPE_TITLES.outside(scope, `${caller.label}, ${outside.from} to ${outside.to}`), expectations: denial(requirement, operation, `${caller.label} has no set from ${outside.from} to ${outside.to}`) },
    ]);
  } else {
    plan.skip('scope:outside-sets', SCOPE_TITLES.outside(scope), listed.length === 0 ? `no key in the keys file holds ${scope} for listed sets only: add one` : `the keys file names no account route outside these keys' sets`);
  }

  if (!location.amount) return;
  let over: { key: ApiKey; parts: RequestParts; cap: number } | undefined;
  search: for (const key of listed) {
    for (const set of transferSets(key, scope)) {
      if (set.max_amount === undefined) continue;
      const candidate = route(parts, location, set.source, set.target, set.max_amount + 1);
      if (!allows(key, requirement, factsOf(candidate)) && validBody(context, operation, candidate)) {
        over = { key, parts: candidate, cap: set.max_amount };
        break search;
      }
    }
  }
  if (over) {
    const caller = keyCaller(operation, over.key);
    plan.probe(over.parts, caller, [
      { id: 'scope:over-limit', title: SCOPE_TITLES.overLimit(scope, `${caller.label}, ${over.cap + 1} cents`), expectations: denial(requirement, operation, `${caller.label} may move at most ${over.cap} cents on this route`) },
    ]);
  } else {
    plan.skip('scope:over-limit', SCOPE_TITLES.overLimit(scope), `no key in the keys file has a ${scope} set with a max_amount: add one`);
  }
}

/** For a resource only the answer names: after the example, a narrow key that holds it and one that does not. */
function answerScopeChecks(context: PlanContext, plan: OperationPlan, parts: RequestParts, requirement: PermissionRequirement, base: Caller): (answer: Answer) => Step[] {
  const { operation } = plan;
  const keys = context.keys!;
  const location = requirement.resource as Extract<ResourceLocation, { in: 'response' }>;
  const { scope } = requirement;
  return (answer) => {
    const follow = new OperationPlan(context, operation);
    const parsed = answer.status >= 200 && answer.status < 300 ? parseJson(answer.body) : undefined;
    if (!parsed?.ok) {
      const reason = `the example request (${base.label}) answered ${answer.error ? 'nothing' : answer.status}, so the resource it belongs to is unknown`;
      follow.skip('scope:allowed', SCOPE_TITLES.allowed(scope), reason);
      follow.skip('scope:resource', SCOPE_TITLES.resource(scope), reason);
      return follow.steps;
    }
    const facts = { ...factsOf(parts), answer: parsed.value };
    const named = location.pointers.map((pointer) => resolvePointer(parsed.value, pointer)).filter((id) => typeof id === 'string').join(' or ');
    const key = narrowestAllowing(keys, requirement, facts)[0];
    if (key) {
      const caller = keyCaller(operation, key);
      follow.probe(parts, caller, [{ id: 'scope:allowed', title: SCOPE_TITLES.allowed(scope, caller.label), expectations: notDenied(caller, `${scope} for ${named}`) }]);
    } else {
      follow.skip('scope:allowed', SCOPE_TITLES.allowed(scope), `no key in the keys file holds ${scope} for ${named}`);
    }
    const refused = keysWithListedResources(keys, scope).find((candidate) => !allows(candidate, requirement, facts));
    if (refused) {
      const caller = keyCaller(operation, refused);
      follow.probe(parts, caller, [
        { id: 'scope:resource', title: SCOPE_TITLES.resource(scope, `${caller.label}, the answer names ${named}`), expectations: denial(requirement, operation, `${caller.label} does not list ${named}`) },
      ]);
    } else {
      follow.skip('scope:resource', SCOPE_TITLES.resource(scope), `every key holding ${scope} for listed ids lists ${named}, the resource the answer names`);
    }
    return follow.steps;
  };
}

export interface Negative {
  kind: MutationKind;
  parts: RequestParts;
  description: string;
  /** The contract's words: the first problem its validators find. */
  refusal: string;
}

/** The validators' first problem with a request, or undefined when they accept it. */
export function requestProblem(validators: ContractValidators, operation: Operation, parts: RequestParts): string | undefined {
  const parameters = validators.validateParameters(operation.operationId, { path: parts.pathParams, query: parts.query, header: parts.headers });
  if (!parameters.valid) return `${parameters.errors[0].in ?? ''} ${parameters.errors[0].pointer}: ${parameters.errors[0].message}`.trim();
  const body = validators.validateRequest(operation.operationId, parts.body);
  return body.valid ? undefined : `${body.errors[0].pointer || '/'}: ${body.errors[0].message}`;
}

/** Every mutation of a request (body first, then query) that the contract refuses. */
export function negativesOf(context: PlanContext, operation: Operation, parts: RequestParts): Negative[] {
  return requestMutations(context.document, operation, parts).flatMap((mutation) => {
    const refusal = requestProblem(context.validators, operation, mutation.parts);
    return refusal ? [{ ...mutation, refusal }] : [];
  });
}

function planNegatives(context: PlanContext, plan: OperationPlan, parts: RequestParts): void {
  const { operation } = plan;
  const negatives = negativesOf(context, operation, parts);
  const kinds = MUTATION_KINDS.filter((kind) => negatives.some((negative) => negative.kind === kind));
  if (kinds.length === 0) return;
  const caller = exampleCaller(context, operation, parts);
  for (const kind of kinds) {
    const negative = negatives.find((candidate) => candidate.kind === kind)!;
    const id = `negative:${kind}`;
    const title = `a request ${negative.description} gets a documented 4xx, never 2xx or 5xx`;
    if ('reason' in caller) plan.skip(id, title, caller.reason);
    else plan.probe(negative.parts, caller, [{ id, title: `${title} (${caller.label})`, expectations: [{ kind: 'client-error', rule: `the contract refuses it: ${negative.refusal}` }] }]);
  }
}
