// The permission decision of the Rules service: does this API key allow this request? One pure
// function, driven by the operation's `x-permission` and the key's `{scope, resources}` entries.
import type { PermissionRequirement, ResourceLocation } from './contract.js';
import { resolvePointer } from './json-pointer.js';
import type { ApiKey, PermissionEntry, TransferSet } from './keys.js';

/** What a resource can be read from: the valid request, and for `in: response` the answer's body. */
export interface PermissionFacts {
  pathParams: Record<string, string>;
  query: Record<string, unknown>;
  body: unknown;
  /** The body of the answer the mock would send (a 2xx), when the resource is only named there. */
  answer?: unknown;
}

export type Decision = { allowed: true } | { allowed: false; reason: string };

const ALLOWED: Decision = { allowed: true };

function deny(reason: string): Decision {
  return { allowed: false, reason };
}

/** Whether the decision needs the answer's body: the resource is only known from it. */
export function needsAnswer(key: ApiKey | undefined, requirement: PermissionRequirement | undefined): boolean {
  if (!key || requirement?.resource?.in !== 'response') return false;
  const entries = entriesFor(key, requirement.scope);
  return entries.length > 0 && !allowsEverything(entries);
}

/** The key's entries for `scope` (a key may list a scope more than once; the entries add up). */
function entriesFor(key: ApiKey, scope: string): PermissionEntry[] {
  return key.permissions.filter((entry) => entry.scope === scope);
}

function allowsEverything(entries: PermissionEntry[]): boolean {
  return entries.some((entry) => entry.resources === '*');
}

function allowedIds(entries: PermissionEntry[]): Set<string> {
  const ids = new Set<string>();
  for (const entry of entries) {
    if (!Array.isArray(entry.resources)) continue;
    for (const id of entry.resources as Array<string | TransferSet>) if (typeof id === 'string') ids.add(id);
  }
  return ids;
}

function describeIds(ids: Set<string>): string {
  return ids.size === 0 ? 'no resources' : [...ids].join(', ');
}

/**
 * The key must hold the operation's scope and, unless that entry covers `*`, the resource the
 * request names (path or query), the transfer route and amount (body), or the resource the answer
 * shows (response: any of its pointers may match, e.g. a transfer's source or destination).
 */
export function decidePermission(key: ApiKey, requirement: PermissionRequirement, facts: PermissionFacts): Decision {
  const entries = entriesFor(key, requirement.scope);
  if (entries.length === 0) return deny(`key ${key.key} has no ${requirement.scope} permission`);
  const location = requirement.resource;
  if (!location || allowsEverything(entries)) return ALLOWED;
  switch (location.in) {
    case 'body':
      return decideTransfer(key, requirement.scope, entries, location, facts.body);
    case 'response':
      return decideAnswer(key, requirement.scope, entries, location, facts.answer);
    default:
      return decideNamed(key, requirement.scope, entries, location, location.in === 'path' ? facts.pathParams[location.name] : facts.query[location.name]);
  }
}

function decideNamed(key: ApiKey, scope: string, entries: PermissionEntry[], location: { in: string; name: string }, raw: unknown): Decision {
  const requested = (raw === undefined ? [] : Array.isArray(raw) ? raw : [raw]).map(String);
  if (requested.length === 0) {
    return deny(`${location.in} parameter ${location.name} names no resource, and ${key.key} has ${scope} for specific resources only`);
  }
  const ids = allowedIds(entries);
  const outside = requested.filter((id) => !ids.has(id));
  return outside.length === 0 ? ALLOWED : deny(`key ${key.key} has ${scope} for ${describeIds(ids)}, not ${outside.join(', ')}`);
}

function decideAnswer(key: ApiKey, scope: string, entries: PermissionEntry[], location: Extract<ResourceLocation, { in: 'response' }>, answer: unknown): Decision {
  const ids = allowedIds(entries);
  const found = location.pointers.map((pointer) => resolvePointer(answer, pointer)).filter((value): value is string => typeof value === 'string');
  if (found.some((id) => ids.has(id))) return ALLOWED;
  return deny(`key ${key.key} has ${scope} for ${describeIds(ids)}, not ${found.length > 0 ? found.join(' or ') : 'this resource'}`);
}

function decideTransfer(key: ApiKey, scope: string, entries: PermissionEntry[], location: Extract<ResourceLocation, { in: 'body' }>, body: unknown): Decision {
  const source = resolvePointer(body, location.source);
  const target = resolvePointer(body, location.target);
  const amount = location.amount === undefined ? undefined : resolvePointer(body, location.amount);
  const sets: Array<TransferSet | string> = entries.flatMap((entry): Array<TransferSet | string> => (Array.isArray(entry.resources) ? entry.resources : []));
  const route = sets.filter((set): set is TransferSet => typeof set === 'object' && set.source === source && set.target === target);
  if (route.length === 0) return deny(`key ${key.key} has no ${scope} entry from ${String(source)} to ${String(target)}`);
  if (route.some((set) => set.max_amount === undefined || (typeof amount === 'number' && amount <= set.max_amount))) return ALLOWED;
  const cap = Math.max(...route.map((set) => set.max_amount ?? 0));
  return deny(`key ${key.key} may move at most ${cap} cents from ${String(source)} to ${String(target)}, not ${String(amount)}`);
}
