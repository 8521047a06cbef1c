// Choosing keys from the provider's keys file by what they hold: a key that allows a request (the
// broadest, for the documented examples; the narrowest, to show a specific grant works), a key
// without the scope, a key whose resources leave the target out. Whether a key allows a request
// is the core's permission decision, the one reading of `x-permission` and the keys' entries.
import type { PermissionRequirement, ScopeDefinition } from '../core/contract.js';
import type { ApiKey, KeyRing, TransferSet } from '../core/keys.js';
import { decidePermission, type PermissionFacts } from '../core/permission.js';

const entriesFor = (key: ApiKey, scope: string) => key.permissions.filter((entry) => entry.scope === scope);

export function holdsScope(key: ApiKey, scope: string): boolean {
  return entriesFor(key, scope).length > 0;
}

/** The key holds `scope` for every resource (`*`), or the scope takes no resources. */
export function holdsEverything(key: ApiKey, scope: string): boolean {
  const entries = entriesFor(key, scope);
  return entries.some((entry) => entry.resources === '*' || entry.resources === undefined);
}

export function allows(key: ApiKey, requirement: PermissionRequirement, facts: PermissionFacts): boolean {
  return decidePermission(key, requirement, facts).allowed;
}

/** How much a key's entries for `scope` list: `*` counts as everything. */
function breadth(key: ApiKey, scope: string): number {
  if (holdsEverything(key, scope)) return Number.POSITIVE_INFINITY;
  return entriesFor(key, scope).reduce((sum, entry) => sum + (Array.isArray(entry.resources) ? entry.resources.length : 0), 0);
}

const inFileOrder = (ring: KeyRing) => [...ring.values()];

/** The keys that allow the request, the one holding the most first (ties: more permissions, then file order). */
export function broadestAllowing(ring: KeyRing, requirement: PermissionRequirement, facts: PermissionFacts): ApiKey[] {
  return inFileOrder(ring)
    .filter((key) => allows(key, requirement, facts))
    .sort((a, b) => breadth(b, requirement.scope) - breadth(a, requirement.scope) || b.permissions.length - a.permissions.length);
}

/** The keys that allow the request, the one holding the least first: a grant of exactly this resource. */
export function narrowestAllowing(ring: KeyRing, requirement: PermissionRequirement, facts: PermissionFacts): ApiKey[] {
  return inFileOrder(ring)
    .filter((key) => allows(key, requirement, facts))
    .sort((a, b) => breadth(a, requirement.scope) - breadth(b, requirement.scope) || a.permissions.length - b.permissions.length);
}

/** Keys holding `scope` at all, those holding it for everything first: for a resource only the answer names. */
export function broadestHolding(ring: KeyRing, scope: string): ApiKey[] {
  return inFileOrder(ring)
    .filter((key) => holdsScope(key, scope))
    .sort((a, b) => breadth(b, scope) - breadth(a, scope) || b.permissions.length - a.permissions.length);
}

/** Keys without any entry for `scope`, the one holding the most other permissions first. */
export function keysWithoutScope(ring: KeyRing, scope: string): ApiKey[] {
  return inFileOrder(ring)
    .filter((key) => !holdsScope(key, scope))
    .sort((a, b) => b.permissions.length - a.permissions.length);
}

/** Keys holding `scope` for listed resources only (not `*`): the ones a resource check can refuse. */
export function keysWithListedResources(ring: KeyRing, scope: string): ApiKey[] {
  return inFileOrder(ring).filter((key) => holdsScope(key, scope) && !holdsEverything(key, scope));
}

/** The transfer sets a key lists for `scope`. */
export function transferSets(key: ApiKey, scope: string): TransferSet[] {
  return entriesFor(key, scope).flatMap((entry) => (Array.isArray(entry.resources) ? entry.resources.filter((set): set is TransferSet => typeof set === 'object') : []));
}

/**
 * The resource ids of a kind (`rule`, `account`) the keys file names, in file order: ids the
 * provider was configured with, so they are the ones a resource check can aim at. Transfer sets
 * move money between accounts, so their sources and targets count as account ids.
 */
export function knownIds(ring: KeyRing, scopes: ScopeDefinition[] | undefined, kind: string): string[] {
  const ids = new Set<string>();
  for (const key of ring.values()) {
    for (const entry of key.permissions) {
      const entryKind = scopes?.find((scope) => scope.scope === entry.scope)?.resources;
      if (!Array.isArray(entry.resources)) continue;
      for (const resource of entry.resources) {
        if (typeof resource === 'string' && entryKind === kind) ids.add(resource);
        if (typeof resource === 'object' && entryKind === 'transfer_set' && kind === 'account') {
          ids.add(resource.source);
          ids.add(resource.target);
        }
      }
    }
  }
  return [...ids];
}
