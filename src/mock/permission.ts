// The permission decision of the Rules service: does this API key allow this request? Pure functions,
// driven by the operation's `x-permission` and the key's `{scope, resources}` entries.
import { resolvePointer } from './json-pointer.js';

/** A MANUAL_TRANSFER resource: money may move from `source` to `target`, at most `max_amount` cents. */
export interface TransferSet {
  source: string;
  target: string;
  max_amount?: number;
}

/** What an entry allows within its scope: everything (`*`), a list of ids, or transfer sets. */
export type Resources = '*' | string[] | TransferSet[];

/** One permission entry of a key, as the seeds describe them. */
export interface PermissionEntry {
  scope: string;
  /** Absent for scopes whose resources are `none`. */
  resources?: Resources;
}

export interface ApiKey {
  /** The secret sent as `Authorization: ApiKey <key>`. */
  key: string;
  description?: string;
  /** Keys are scoped to an organization (the stateful mode keeps one store per organization). */
  organization: string;
  permissions: PermissionEntry[];
}

/** Where an operation's guarded resource comes from (`x-permission.resource`). */
export type ResourceLocation =
  | { in: 'path' | 'query'; name: string }
  | { in: 'response'; pointers: string[] }
  | { in: 'body'; source: string; target: string; amount?: string };

/** An operation's `x-permission`: the scope it needs and, unless the scope's resources are none, where the resource is. */
export interface PermissionRequirement {
  scope: string;
  resource?: ResourceLocation;
}

/** The parts of a request a resource can come from. */
export interface RequestFacts {
  pathParams: Record<string, string>;
  query: Record<string, string | string[]>;
  body: unknown;
}

export type Decision = { allowed: true } | { allowed: false; reason: string };

const ALLOWED: Decision = { allowed: true };

function deny(reason: string): Decision {
  return { allowed: false, reason };
}

/** The key's entries for `scope` (a key may list a scope more than once; the entries add up). */
function entriesFor(key: ApiKey, scope: string): PermissionEntry[] {
  return key.permissions.filter(entry => entry.scope === scope);
}

function allowsEverything(entries: PermissionEntry[]): boolean {
  return entries.some(entry => entry.resources === '*');
}

function allowedIds(entries: PermissionEntry[]): Set<string> {
  const ids = new Set<string>();
  for (const entry of entries) {
    if (Array.isArray(entry.resources)) {
      for (const id of entry.resources as Array<string | TransferSet>) if (typeof id === 'string') ids.add(id);
    }
  }
  return ids;
}

function describeIds(ids: Set<string>): string {
  return ids.size === 0 ? 'no resources' : [...ids].join(', ');
}

/** Step 1, before anything else: the key must hold the operation's scope at all. */
export function decideScope(key: ApiKey, requirement: PermissionRequirement): Decision {
  return entriesFor(key, requirement.scope).length > 0
    ? ALLOWED
    : deny(`key ${key.key} has no ${requirement.scope} permission`);
}

/**
 * Step 2, once the request is known valid: the resource named by the path, a query filter or the body
 * must be within the key's allowed list. Resources found in the response are decided by decideResponse.
 */
export function decideRequest(key: ApiKey, requirement: PermissionRequirement, facts: RequestFacts): Decision {
  const scoped = decideScope(key, requirement);
  if (!scoped.allowed) return scoped;
  const location = requirement.resource;
  if (!location || location.in === 'response') return ALLOWED;
  const entries = entriesFor(key, requirement.scope);
  if (allowsEverything(entries)) return ALLOWED;

  if (location.in === 'body') return decideTransfer(key, requirement.scope, entries, location, facts.body);

  const raw = location.in === 'path' ? facts.pathParams[location.name] : facts.query[location.name];
  const requested = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  if (requested.length === 0) {
    return deny(`${location.in} parameter ${location.name} names no resource, and ${key.key} has ${requirement.scope} for specific resources only`);
  }
  const ids = allowedIds(entries);
  const outside = requested.filter(id => !ids.has(id));
  return outside.length === 0
    ? ALLOWED
    : deny(`key ${key.key} has ${requirement.scope} for ${describeIds(ids)}, not ${outside.join(', ')}`);
}

function decideTransfer(
  key: ApiKey,
  scope: string,
  entries: PermissionEntry[],
  location: Extract<ResourceLocation, { in: 'body' }>,
  body: unknown,
): Decision {
  const source = resolvePointer(body, location.source);
  const target = resolvePointer(body, location.target);
  const amount = location.amount === undefined ? undefined : resolvePointer(body, location.amount);
  const sets = entries.flatMap((entry): Array<string | TransferSet> => (Array.isArray(entry.resources) ? entry.resources : [])) as TransferSet[];
  const route = sets.filter(set => typeof set === 'object' && set.source === source && set.target === target);
  if (route.length === 0) {
    return deny(`key ${key.key} has no ${scope} entry from ${String(source)} to ${String(target)}`);
  }
  const withinCap = route.some(
    set => set.max_amount === undefined || (typeof amount === 'number' && amount <= set.max_amount),
  );
  if (withinCap) return ALLOWED;
  const cap = Math.max(...route.map(set => set.max_amount ?? 0));
  return deny(`key ${key.key} may move at most ${cap} cents from ${String(source)} to ${String(target)}, not ${String(amount)}`);
}

/** Whether the answer must be inspected before it is sent (the resource is only known from it). */
export function needsResponseCheck(key: ApiKey, requirement: PermissionRequirement): boolean {
  return requirement.resource?.in === 'response' && !allowsEverything(entriesFor(key, requirement.scope));
}

/**
 * Step 3, after the mock built its answer: for `in: response` resources, one of the pointers must
 * lead to an id the key allows (e.g. a transfer is readable through its source or its destination).
 */
export function decideResponse(key: ApiKey, requirement: PermissionRequirement, body: unknown): Decision {
  const location = requirement.resource;
  if (!location || location.in !== 'response') return ALLOWED;
  const entries = entriesFor(key, requirement.scope);
  if (entries.length === 0) return deny(`key ${key.key} has no ${requirement.scope} permission`);
  if (allowsEverything(entries)) return ALLOWED;
  const ids = allowedIds(entries);
  const found = location.pointers.map(pointer => resolvePointer(body, pointer)).filter(v => typeof v === 'string') as string[];
  if (found.some(id => ids.has(id))) return ALLOWED;
  return deny(
    `key ${key.key} has ${requirement.scope} for ${describeIds(ids)}, not ${found.length > 0 ? found.join(' or ') : 'this resource'}`,
  );
}
