// The JSON state file of earlier versions (`{version: 1, rules, sequences, comms}`, the whole state
// rewritten after each change): recognised at start and migrated into the SQLite state file, once.
// Every resource is checked against its schema in the contract first, so that a file the old writer
// damaged (a number too large stored as null) stops the mock with one line that says where.
import { copyFile, open, readFile, rename, rm } from 'node:fs/promises';
import { toPointer } from '../../core/json-pointer.js';
import type { ServiceName } from '../../core/services.js';
import type { ResourceStore } from '../../core/state/store.js';
import { StateFileError } from '../node/startup-errors.js';

type SchemaName = 'Rule' | 'RuleExecution' | 'Transfer' | 'EmailSequence' | 'CommsSequence' | 'CommsEnrollment';

/** Checks a value against a schema of the contract; errors name a pointer into the value. */
export type SchemaCheck = (name: SchemaName, value: unknown) => { valid: true } | { valid: false; errors: Array<{ pointer?: string; path?: string; message: string }> };

/** Each space's collections and the schema their resources follow (the layout of version 1). */
const COLLECTIONS: Record<ServiceName, Record<string, SchemaName>> = {
  rules: { rules: 'Rule', rule_executions: 'RuleExecution', transfers: 'Transfer' },
  sequences: { sequences: 'EmailSequence' },
  comms: { sequences: 'CommsSequence', enrollments: 'CommsEnrollment' },
};

const ROOT_PROPERTIES = ['version', 'rules', 'sequences', 'comms'];

/** A space of the old file: its service, owner, and resources by collection, oldest first. */
export interface LegacySpace {
  service: ServiceName;
  owner: string;
  collections: Record<string, Array<[id: string, value: unknown]>>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** What the first bytes of a state file say it is. */
export async function stateFileKind(file: string): Promise<'missing' | 'sqlite' | 'json' | 'other'> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw new StateFileError(`${file}: cannot read the state file (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  try {
    const head = Buffer.alloc(16);
    const { bytesRead } = await handle.read(head, 0, 16, 0);
    if (bytesRead === 0) return 'missing';
    if (head.subarray(0, bytesRead).toString('latin1') === 'SQLite format 3\u0000') return 'sqlite';
    return /^\s*\{/.test(head.subarray(0, bytesRead).toString('utf8')) ? 'json' : 'other';
  } finally {
    await handle.close();
  }
}

/** The spaces of a version 1 document, checked; the first problem is a StateFileError with its pointer. */
export function readLegacyDocument(file: string, document: unknown, check: SchemaCheck): LegacySpace[] {
  const fail = (path: Array<string | number>, message: string): never => {
    throw new StateFileError(`${file}: ${toPointer(path) || '/'}: ${message}`);
  };
  if (!isRecord(document)) return fail([], `must be an object { ${ROOT_PROPERTIES.join(', ')} }`);
  for (const name of Object.keys(document)) if (!ROOT_PROPERTIES.includes(name)) fail([name], `unknown property (expected ${ROOT_PROPERTIES.join(', ')})`);
  if (document.version !== 1) fail(['version'], `must be 1 (the JSON state files of earlier versions), not ${JSON.stringify(document.version)}`);
  const spaces: LegacySpace[] = [];
  for (const [service, collections] of Object.entries(COLLECTIONS) as Array<[ServiceName, Record<string, SchemaName>]>) {
    const byOwner = document[service];
    if (!isRecord(byOwner)) fail([service], 'must be an object of spaces by owner');
    for (const [owner, space] of Object.entries(byOwner as Record<string, unknown>)) {
      const at = [service, owner];
      if (!isRecord(space)) fail(at, `must be an object { ${Object.keys(collections).join(', ')} }`);
      const names = Object.keys(collections);
      for (const name of Object.keys(space as object)) if (!names.includes(name)) fail([...at, name], `unknown collection (expected ${names.join(', ')})`);
      const migrated: LegacySpace = { service, owner, collections: {} };
      for (const [name, schema] of Object.entries(collections)) {
        const record = (space as Record<string, unknown>)[name];
        if (!isRecord(record)) fail([...at, name], 'must be an object of resources by id');
        migrated.collections[name] = [];
        for (const [id, stored] of Object.entries(record as Record<string, unknown>)) {
          let path = [...at, name, id];
          let resource = stored;
          if (service === 'rules' && name === 'rules') {
            // A stored rule is { rule, deleted_at } (deleting only marks it).
            if (!isRecord(stored) || !('rule' in stored)) fail(path, 'must be an object { rule, deleted_at }');
            const { rule, deleted_at: deletedAt, ...rest } = stored as Record<string, unknown>;
            if (Object.keys(rest).length > 0) fail([...path, Object.keys(rest)[0]], 'unknown property (expected rule, deleted_at)');
            if (deletedAt !== null && (typeof deletedAt !== 'string' || Number.isNaN(Date.parse(deletedAt)))) fail([...path, 'deleted_at'], 'must be null or an ISO 8601 timestamp');
            path = [...path, 'rule'];
            resource = rule;
          }
          const result = check(schema, resource);
          if (!result.valid) {
            const [first] = result.errors;
            throw new StateFileError(`${file}: ${toPointer(path)}${first.pointer ?? first.path ?? ''}: not a valid ${schema}: ${first.message} (edit the file, or move it away to start afresh)`);
          }
          if ((resource as { id?: unknown }).id !== id) fail([...path, 'id'], `must be "${id}", the key it is stored under`);
          migrated.collections[name].push([id, stored]);
        }
      }
      spaces.push(migrated);
    }
  }
  return spaces;
}

/** The old file, read and checked. */
export async function readLegacyStateFile(file: string, check: SchemaCheck): Promise<LegacySpace[]> {
  let document: unknown;
  try {
    document = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new StateFileError(`${file}: neither an SQLite state file nor valid JSON of the earlier format (${(error as Error).message})`);
  }
  return readLegacyDocument(file, document, check);
}

/** Where the old file is kept once migrated. */
export const legacyBackupOf = (file: string) => `${file}.v1.json`;

/**
 * Migrates `file` in place: the spaces go into a new database beside it (`create` makes one and
 * closes it), the old file is copied to `<file>.v1.json`, and the new database is renamed over it.
 * A mock killed half-way leaves the old file as it was, and the next start migrates again.
 */
export async function migrateLegacyStateFile(
  file: string,
  check: SchemaCheck,
  create: (file: string) => ResourceStore,
): Promise<string> {
  const spaces = await readLegacyStateFile(file, check);
  const migrating = `${file}.migrating`;
  await rm(migrating, { force: true });
  await rm(`${migrating}-wal`, { force: true });
  const store = create(migrating);
  try {
    for (const space of spaces) await store.transaction({ service: space.service, owner: space.owner }, (stored) => stored.create(space.collections));
  } finally {
    await store.close();
  }
  const backup = legacyBackupOf(file);
  await copyFile(file, backup);
  await rename(migrating, file);
  return backup;
}
