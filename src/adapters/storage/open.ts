// Picks and opens the storage engine the options name: memory for --stateful, SQLite for
// --state-file (migrating a JSON state file of earlier versions first), PostgreSQL for --store.
import type { MemoryIdempotencyOptions } from '../../core/idempotency.js';
import { memoryEngine, type StorageEngine } from './engine.js';
import { legacyBackupOf, migrateLegacyStateFile, stateFileKind, type SchemaCheck } from './legacy-state-file.js';
import { PostgresStore, postgresEngine } from './postgres.js';
import { openSqliteStore, sqliteEngine } from './sqlite.js';
import type { SqliteDriverName } from './sqlite-driver.js';
import { StateFileError } from '../node/startup-errors.js';
import { StorageError } from './errors.js';

export interface StorageOptions {
  /** `--state-file FILE`: the embedded, durable engine. */
  stateFile?: string;
  /** `--store postgres://...`: the shared engine. */
  storeUrl?: string;
  idempotency?: MemoryIdempotencyOptions;
  sqliteDriver?: SqliteDriverName;
}

/** The contract's schemas, loaded only to check a JSON state file being migrated (the validators are large). */
async function contractSchemas(): Promise<SchemaCheck> {
  const { validateSchema } = await import('../../../generated/validators.js');
  return validateSchema as unknown as SchemaCheck;
}

async function openStateFile(file: string, options: StorageOptions): Promise<StorageEngine> {
  const kind = await stateFileKind(file);
  if (kind === 'other') throw new StateFileError(`${file}: not a state file of this mock (neither an SQLite database nor the JSON format of earlier versions)`);
  const open = (path: string) => openSqliteStore({ file: path, ...(options.sqliteDriver ? { driver: options.sqliteDriver } : {}), ...(options.idempotency ? { idempotency: options.idempotency } : {}) });
  let notice: string | undefined;
  if (kind === 'json') {
    await migrateLegacyStateFile(file, await contractSchemas(), open);
    notice = `Migrated ${file} from the JSON format of earlier versions to SQLite (the JSON file is kept as ${legacyBackupOf(file)})`;
  }
  const engine = sqliteEngine(open(file), file);
  return notice ? { ...engine, notice } : engine;
}

export async function openStorage(options: StorageOptions): Promise<StorageEngine> {
  if (options.stateFile !== undefined && options.storeUrl !== undefined) throw new StorageError('give --state-file or --store, not both');
  if (options.stateFile !== undefined) return openStateFile(options.stateFile, options);
  if (options.storeUrl !== undefined) {
    return postgresEngine(await PostgresStore.open({ url: options.storeUrl, ...(options.idempotency ? { idempotency: options.idempotency } : {}) }));
  }
  return memoryEngine();
}
