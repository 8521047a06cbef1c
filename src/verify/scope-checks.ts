// The Rules scope model's checks of one operation, planned from its `x-permission` and the keys the
// provider was configured with: a key holding both scope and resource (neither 401 nor 403), a key
// without the scope, a key whose ids leave the target out, and for transfers a route outside the
// key's sets and an amount over its max_amount (each 403). A check no key fits is a Skip saying why.
import type { Operation, PermissionRequirement, ResourceLocation } from '../core/contract.js';
import { resolvePointer } from '../core/json-pointer.js';
import type { ApiKey, KeyRing } from '../core/keys.js';
import { allows, holdsEverything, keysWithListedResources, keysWithoutScope, knownIds, narrowestAllowing, transferSets } from './key-choice.js';
import type { Answer, Expectation, Step } from './model.js';
import { withValueAt } from './mutations.js';
import { parseJson } from './check.js';
import { describeNeed, exampleCaller, factsOf, keyCaller, NO_KEYS, OperationPlan, WRITE_METHODS, type Caller, type PlanContext } from './planning.js';
import type { RequestParts } from './requests.js';

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

export function planScopeChecks(context: PlanContext, plan: OperationPlan, parts: RequestParts, requirement: PermissionRequirement): void {
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
export function answerScopeChecks(context: PlanContext, plan: OperationPlan, parts: RequestParts, requirement: PermissionRequirement, base: Caller): (answer: Answer) => Step[] {
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
