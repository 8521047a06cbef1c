// Compares who may call an operation: its security requirements, its `x-permission` (the scope and
// where the guarded resource comes from), and for the document the scope table and security schemes.
import { followRefs, type Operation, type PermissionRequirement, type ResourceLocation, type ScopeDefinition } from '../core/contract.js';
import { fragment } from '../core/json-pointer.js';
import { sameJson } from './same-schema.js';
import { reportOfKind, type OperationContext } from './scope.js';

type Json = any;

/** The requirements that apply to an operation (its own, or the document's), each as a sorted list of `scheme [scopes]`. */
function requirements(document: Json, operation: Operation): { pointer: string; alternatives: string[] } {
  const own = followRefs(document, operation.pointer).value.security;
  const list: Json[] = own ?? document.security ?? [];
  const alternatives = list.map((requirement) => {
    const schemes = Object.keys(requirement ?? {}).sort();
    if (schemes.length === 0) return 'no authentication';
    const scopes = (scheme: string): string[] => (Array.isArray(requirement[scheme]) ? [...requirement[scheme]].sort() : []);
    return schemes.map((scheme) => `${scheme}${scopes(scheme).length > 0 ? ` [${scopes(scheme).join(', ')}]` : ''}`).join(' and ');
  });
  return { pointer: own !== undefined ? fragment(operation.pointer, 'security') : '#/security', alternatives: [...new Set(alternatives)].sort() };
}

const describeAlternatives = (alternatives: string[]) => (alternatives.length === 0 ? 'none' : alternatives.join(' or '));

export function compareSecurity(context: OperationContext, base: Operation, head: Operation): void {
  const was = requirements(context.documents.base, base);
  const now = requirements(context.documents.head, head);
  if (sameJson(was.alternatives, now.alternatives)) return;
  const kept = was.alternatives.every((alternative) => now.alternatives.includes(alternative));
  // A new alternative lets more clients in and keeps every old one working.
  if (kept) reportOfKind(context, 'compatible', 'security', 'head', now.pointer, `may now also authenticate with ${describeAlternatives(now.alternatives.filter((alternative) => !was.alternatives.includes(alternative)))}`);
  else reportOfKind(context, 'breaking', 'security', 'head', now.pointer, `security requirement changed from ${describeAlternatives(was.alternatives)} to ${describeAlternatives(now.alternatives)}`);
}

function describeResource(resource: ResourceLocation | undefined): string {
  if (!resource) return 'no resource';
  switch (resource.in) {
    case 'path':
    case 'query':
      return `the ${resource.in} parameter ${resource.name}`;
    case 'response':
      return `the answer's ${resource.pointers.join(' or ')}`;
    case 'body':
      return `the body's source ${resource.source} and target ${resource.target}${resource.amount ? ` with amount ${resource.amount}` : ''}`;
  }
}

export function comparePermission(context: OperationContext, base: Operation, head: Operation): void {
  const was: PermissionRequirement | undefined = base.permission;
  const now: PermissionRequirement | undefined = head.permission;
  const at = (operation: Operation, ...tokens: string[]) => fragment(operation.pointer, 'x-permission', ...tokens);
  if (!was && !now) return;
  if (!was) return reportOfKind(context, 'breaking', 'permission', 'head', at(head), `now needs the ${now!.scope} scope (for ${describeResource(now!.resource)}): keys without it are refused`);
  if (!now) return reportOfKind(context, 'compatible', 'permission', 'base', at(base), `no longer needs the ${was.scope} scope`);
  if (was.scope !== now.scope) {
    reportOfKind(context, 'breaking', 'permission', 'head', at(head, 'scope'), `needs the ${now.scope} scope instead of ${was.scope}: keys with only ${was.scope} are refused`);
  }
  if (!sameJson(was.resource, now.resource)) {
    const [side, pointer] = now.resource ? (['head', at(head, 'resource')] as const) : (['base', at(base, 'resource')] as const);
    reportOfKind(context, 'breaking', 'permission-resource', side, pointer,
      `the ${now.scope} resource rule changed from ${describeResource(was.resource)} to ${describeResource(now.resource)}: keys limited to some resources may be refused`);
  }
}

/** The root `x-scopes` table: which scopes keys may hold and what kind of resource each lists. */
export function compareScopeTable(context: OperationContext, base: ScopeDefinition[] | undefined, head: ScopeDefinition[] | undefined): void {
  const index = (table: ScopeDefinition[] | undefined) => new Map((table ?? []).map((entry, position) => [entry.scope, { entry, pointer: fragment('#', 'x-scopes', position) }]));
  const before = index(base);
  const after = index(head);
  for (const [scope, was] of before) {
    const now = after.get(scope);
    if (!now) {
      reportOfKind(context, 'breaking', 'scope', 'base', was.pointer, `scope ${scope} removed from the scope table: keys that hold it lose it`);
    } else if (was.entry.resources !== now.entry.resources) {
      reportOfKind(context, 'breaking', 'scope', 'head', fragment(now.pointer, 'resources'), `scope ${scope} now lists resources of kind ${now.entry.resources} instead of ${was.entry.resources}`);
    } else if (was.entry.grants !== now.entry.grants) {
      reportOfKind(context, 'compatible', 'documentation', 'head', fragment(now.pointer, 'grants'), `scope ${scope}: what it grants is worded differently`);
    }
  }
  for (const [scope, now] of after) {
    if (!before.has(scope)) reportOfKind(context, 'compatible', 'scope', 'head', now.pointer, `new scope ${scope} (resources: ${now.entry.resources})`);
  }
}

/** A scheme's definition (where the credentials go) matters; its description does not. */
export function compareSecuritySchemes(context: OperationContext): void {
  const schemes = (document: Json): Record<string, Json> => document.components?.securitySchemes ?? {};
  const { base, head } = context.documents;
  for (const name of Object.keys(schemes(head))) {
    const at = fragment('#', 'components', 'securitySchemes', name);
    if (!(name in schemes(base))) {
      reportOfKind(context, 'compatible', 'security-scheme', 'head', at, `new security scheme ${name}`);
      continue;
    }
    const was = followRefs(base, at).value;
    const now = followRefs(head, at).value;
    const keys = new Set([...Object.keys(was), ...Object.keys(now)]);
    for (const key of keys) {
      if (sameJson(was[key], now[key])) continue;
      const words = key === 'description' || key.startsWith('x-');
      reportOfKind(context, words ? 'compatible' : 'breaking', words ? 'documentation' : 'security-scheme', now[key] !== undefined ? 'head' : 'base', fragment(at, key),
        words ? `security scheme ${name}: ${key} changed` : `security scheme ${name}: ${key} changed from ${JSON.stringify(was[key])} to ${JSON.stringify(now[key])}`);
    }
  }
  for (const name of Object.keys(schemes(base))) {
    if (!(name in schemes(head))) reportOfKind(context, 'compatible', 'security-scheme', 'base', fragment('#', 'components', 'securitySchemes', name), `security scheme ${name} removed (operations that used it are listed on their own)`);
  }
}
