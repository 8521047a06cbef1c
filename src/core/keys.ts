// The Rules service's API keys and their permission entries, read from the keys-file structure (a
// plain value: parsed YAML, or an object handed to the in-browser handlers) and checked against the
// contract's scope table. Every problem names its JSON pointer; the file door adds file and line.
import type { ScopeDefinition } from './contract.js';

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
  /** Keys are scoped to an organization (stateful mode keeps one space per organization). */
  organization: string;
  permissions: PermissionEntry[];
}

/** The keys by secret, ready for `Authorization: ApiKey <key>` lookups. */
export type KeyRing = Map<string, ApiKey>;

/** The keys-file structure: `{ keys: [{ key, description?, organization?, permissions: [...] }] }`. */
export interface KeysDocument {
  keys: Array<{ key: string; description?: string; organization?: string; permissions: PermissionEntry[] }>;
}

export const DEFAULT_ORGANIZATION = 'org_demo';

/** A keys document that breaks the format; `path` leads to the offending value. */
export class KeysError extends Error {
  override name = 'KeysError';
  constructor(
    readonly path: Array<string | number>,
    readonly problem: string,
  ) {
    super(problem);
  }
}

type Path = Array<string | number>;

function fail(path: Path, message: string): never {
  throw new KeysError(path, message);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function checkKnownProperties(path: Path, value: Record<string, unknown>, known: string[]): void {
  for (const name of Object.keys(value)) {
    if (!known.includes(name)) fail([...path, name], `unknown property "${name}" (expected ${known.join(', ')})`);
  }
}

function nonEmptyString(path: Path, value: unknown, what: string): string {
  if (typeof value !== 'string' || value.trim() === '') fail(path, `${what} must be a non-empty string`);
  return value;
}

// Organizations name stored spaces (and database rows): plain names only, never `__proto__` and the like.
const ORGANIZATION = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/;

function transferSets(path: Path, value: unknown[]): TransferSet[] {
  return value.map((set, index): TransferSet => {
    const at = [...path, index];
    if (!isRecord(set)) fail(at, 'a MANUAL_TRANSFER resource is a { source, target, max_amount? } set');
    checkKnownProperties(at, set, ['source', 'target', 'max_amount']);
    const source = nonEmptyString([...at, 'source'], set.source, 'source');
    const target = nonEmptyString([...at, 'target'], set.target, 'target');
    if (set.max_amount === undefined) return { source, target };
    if (typeof set.max_amount !== 'number' || !Number.isSafeInteger(set.max_amount) || set.max_amount < 0) {
      fail([...at, 'max_amount'], 'max_amount must be a whole number of cents, 0 or more');
    }
    return { source, target, max_amount: set.max_amount };
  });
}

function parseResources(path: Path, value: unknown, scope: ScopeDefinition | undefined, scopeName: string): Resources | undefined {
  const kind = scope?.resources;
  if (kind === 'none') {
    if (value !== undefined) fail(path, `${scopeName} takes no resources (its resources are none); remove "resources"`);
    return undefined;
  }
  if (value === undefined) {
    const listed = kind === 'transfer_set' ? '{ source, target, max_amount? } sets' : `${kind ?? 'resource'} ids`;
    fail(path.slice(0, -1), `${scopeName} needs "resources": "*" or a list of ${listed}`);
  }
  if (value === '*') return '*';
  if (!Array.isArray(value) || value.length === 0) fail(path, 'resources must be "*" or a non-empty list');
  if (kind === 'transfer_set') return transferSets(path, value);
  const ids = value.map((id, index) => nonEmptyString([...path, index], id, 'a resource id'));
  // The docs write "rule IDs or *"; a list holding "*" means the same as "*".
  return ids.includes('*') ? '*' : ids;
}

function parsePermission(path: Path, permission: unknown, scopes: ScopeDefinition[] | undefined): PermissionEntry {
  if (!isRecord(permission)) fail(path, 'a permission entry is a { scope, resources } mapping');
  checkKnownProperties(path, permission, ['scope', 'resources']);
  const scopeName = nonEmptyString([...path, 'scope'], permission.scope, 'scope');
  const scope = scopes?.find((candidate) => candidate.scope === scopeName);
  if (scopes && !scope) fail([...path, 'scope'], `unknown scope "${scopeName}" (the contract's x-scopes lists ${scopes.map((s) => s.scope).join(', ')})`);
  const resources = parseResources([...path, 'resources'], permission.resources, scope, scopeName);
  return resources === undefined ? { scope: scopeName } : { scope: scopeName, resources };
}

function parseKey(path: Path, entry: unknown, scopes: ScopeDefinition[] | undefined): ApiKey {
  if (!isRecord(entry)) fail(path, 'a key is a mapping with "key" and "permissions"');
  checkKnownProperties(path, entry, ['key', 'description', 'organization', 'permissions']);
  const key = nonEmptyString([...path, 'key'], entry.key, 'key');
  if (/\s/.test(key)) fail([...path, 'key'], 'key must not contain spaces (it is sent as "Authorization: ApiKey <key>")');
  if (entry.description !== undefined) nonEmptyString([...path, 'description'], entry.description, 'description');
  const organization = entry.organization === undefined ? DEFAULT_ORGANIZATION : nonEmptyString([...path, 'organization'], entry.organization, 'organization');
  if (!ORGANIZATION.test(organization)) {
    fail([...path, 'organization'], `organization "${organization}" must start with a letter or digit and hold only letters, digits, "_", "." and "-" (at most 100)`);
  }
  if (!Array.isArray(entry.permissions)) fail([...path, 'permissions'], 'permissions must be a list of { scope, resources } entries');
  return {
    key,
    ...(typeof entry.description === 'string' ? { description: entry.description } : {}),
    organization,
    permissions: entry.permissions.map((permission, index) => parsePermission([...path, 'permissions', index], permission, scopes)),
  };
}

/**
 * Checks a keys document. `scopes` is the contract's scope table; when it has none, any scope name
 * is accepted and every scope is taken to list resource ids.
 */
export function readKeys(document: unknown, scopes: ScopeDefinition[] | undefined): KeyRing {
  if (!isRecord(document)) fail([], 'expected a mapping with a "keys" list');
  checkKnownProperties([], document, ['keys']);
  if (!Array.isArray(document.keys)) fail(['keys'], '"keys" must be a list of keys');
  if (document.keys.length === 0) fail(['keys'], 'the keys list is empty');
  const ring: KeyRing = new Map();
  document.keys.forEach((entry, index) => {
    const apiKey = parseKey(['keys', index], entry, scopes);
    if (ring.has(apiKey.key)) fail(['keys', index, 'key'], `duplicate key "${apiKey.key}"`);
    ring.set(apiKey.key, apiKey);
  });
  return ring;
}
