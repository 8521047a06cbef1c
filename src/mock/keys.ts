// The keys file: API keys of the Rules service and their permission entries, loaded and checked
// against the spec's scope table (root `x-scopes`), with file, line and JSON pointer in every error.
import { readFile } from 'node:fs/promises';
import { isMap, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import { toPointer } from './json-pointer.js';
import type { ApiKey, PermissionEntry, Resources, TransferSet } from './permission.js';
import { KeysFileError } from './startup-errors.js';

/** A scope of the root `x-scopes` table and the kind of resource its entries list. */
export interface ScopeDefinition {
  scope: string;
  /** `none`, `transfer_set`, or the kind of id listed (`account`, `rule`...). */
  resources: string;
}

export { KeysFileError };

/** The keys by secret, ready for `Authorization: ApiKey <key>` lookups. */
export type KeyRing = Map<string, ApiKey>;

type Path = Array<string | number>;

class Checker {
  constructor(
    private readonly file: string,
    private readonly document: Document,
    private readonly lines: LineCounter,
  ) {}

  /** Fails with `file:line:col: pointer: message`, at the closest node that exists. */
  fail(path: Path, message: string): never {
    let node: unknown;
    for (let length = path.length; length >= 0 && !node; length--) {
      node = length === 0 ? this.document.contents : this.document.getIn(path.slice(0, length), true);
    }
    const range = (node as { range?: [number, number, number] } | undefined)?.range;
    const where = range ? (({ line, col }) => `${line}:${col}`)(this.lines.linePos(range[0])) : '1:1';
    throw new KeysFileError(`${this.file}:${where}: ${toPointer(path) || '/'}: ${message}`);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function checkKnownProperties(check: Checker, path: Path, value: Record<string, unknown>, known: string[]): void {
  for (const name of Object.keys(value)) {
    if (!known.includes(name)) check.fail([...path, name], `unknown property "${name}" (expected ${known.join(', ')})`);
  }
}

function checkNonEmptyString(check: Checker, path: Path, value: unknown, what: string): string {
  if (typeof value !== 'string' || value.trim() === '') check.fail(path, `${what} must be a non-empty string`);
  return value;
}

function parseResources(check: Checker, path: Path, value: unknown, scope: ScopeDefinition | undefined): Resources | undefined {
  const kind = scope?.resources;
  if (kind === 'none') {
    if (value !== undefined) check.fail(path, `${scope!.scope} takes no resources (its resources are none); remove "resources"`);
    return undefined;
  }
  if (value === undefined) {
    check.fail(path.slice(0, -1), `${scope?.scope ?? 'this scope'} needs "resources": "*" or a list of ${kind === 'transfer_set' ? '{ source, target, max_amount? } sets' : `${kind ?? 'resource'} ids`}`);
  }
  if (value === '*') return '*';
  if (!Array.isArray(value) || value.length === 0) {
    check.fail(path, 'resources must be "*" or a non-empty list');
  }
  if (kind === 'transfer_set') {
    return value.map((set, index): TransferSet => {
      const at = [...path, index];
      if (!isRecord(set)) check.fail(at, 'a MANUAL_TRANSFER resource is a { source, target, max_amount? } set');
      checkKnownProperties(check, at, set, ['source', 'target', 'max_amount']);
      const source = checkNonEmptyString(check, [...at, 'source'], set.source, 'source');
      const target = checkNonEmptyString(check, [...at, 'target'], set.target, 'target');
      if (set.max_amount === undefined) return { source, target };
      if (typeof set.max_amount !== 'number' || !Number.isInteger(set.max_amount) || set.max_amount < 0) {
        check.fail([...at, 'max_amount'], 'max_amount must be a whole number of cents, 0 or more');
      }
      return { source, target, max_amount: set.max_amount };
    });
  }
  return value.map((id, index) => checkNonEmptyString(check, [...path, index], id, 'a resource id'));
}

/**
 * Checks a keys document. `scopes` is the spec's scope table; when the spec has none, any scope name
 * is accepted and every scope is taken to list resource ids.
 */
export function parseKeysFile(file: string, text: string, scopes: Map<string, ScopeDefinition> | undefined): KeyRing {
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  const check: Checker = new Checker(file, document, lines);
  if (document.errors.length > 0) {
    const error = document.errors[0];
    const { line, col } = lines.linePos(error.pos[0]);
    throw new KeysFileError(`${file}:${line}:${col}: not valid YAML: ${error.message.split('\n')[0]}`);
  }
  const root = document.toJS() as unknown;
  if (!isRecord(root) || !isMap(document.contents)) check.fail([], 'expected a mapping with a "keys" list');
  checkKnownProperties(check, [], root, ['keys']);
  if (!Array.isArray(root.keys) || !isSeq(document.get('keys', true))) check.fail(['keys'], '"keys" must be a list of keys');
  if (root.keys.length === 0) check.fail(['keys'], 'the keys list is empty');

  const ring: KeyRing = new Map();
  root.keys.forEach((entry: unknown, index: number) => {
    const at: Path = ['keys', index];
    if (!isRecord(entry)) check.fail(at, 'a key is a mapping with "key" and "permissions"');
    checkKnownProperties(check, at, entry, ['key', 'description', 'organization', 'permissions']);
    const key = checkNonEmptyString(check, [...at, 'key'], entry.key, 'key');
    if (/\s/.test(key)) check.fail([...at, 'key'], 'key must not contain spaces (it is sent as "Authorization: ApiKey <key>")');
    if (ring.has(key)) check.fail([...at, 'key'], `duplicate key "${key}"`);
    if (entry.description !== undefined) checkNonEmptyString(check, [...at, 'description'], entry.description, 'description');
    if (entry.organization !== undefined) checkNonEmptyString(check, [...at, 'organization'], entry.organization, 'organization');
    if (!Array.isArray(entry.permissions)) check.fail([...at, 'permissions'], 'permissions must be a list of { scope, resources } entries');

    const permissions = entry.permissions.map((permission: unknown, p: number): PermissionEntry => {
      const pat: Path = [...at, 'permissions', p];
      if (!isRecord(permission)) check.fail(pat, 'a permission entry is a { scope, resources } mapping');
      checkKnownProperties(check, pat, permission, ['scope', 'resources']);
      const scopeName = checkNonEmptyString(check, [...pat, 'scope'], permission.scope, 'scope');
      const scope = scopes?.get(scopeName);
      if (scopes && !scope) {
        check.fail([...pat, 'scope'], `unknown scope "${scopeName}" (the spec's x-scopes lists ${[...scopes.keys()].join(', ')})`);
      }
      const resources = parseResources(check, [...pat, 'resources'], permission.resources, scope);
      return resources === undefined ? { scope: scopeName } : { scope: scopeName, resources };
    });
    ring.set(key, {
      key,
      ...(typeof entry.description === 'string' ? { description: entry.description } : {}),
      organization: typeof entry.organization === 'string' ? entry.organization : 'org_demo',
      permissions,
    });
  });
  return ring;
}

/** Reads and checks a keys file; a missing or unreadable file is a KeysFileError too. */
export async function loadKeysFile(file: string, scopes: Map<string, ScopeDefinition> | undefined): Promise<KeyRing> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new KeysFileError(`${file}: ${code === 'ENOENT' ? 'keys file not found' : `cannot read keys file (${code ?? String(error)})`}`);
  }
  return parseKeysFile(file, text, scopes);
}
