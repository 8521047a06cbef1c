// Opens an SQLite database with whichever driver this Node has: the built-in `node:sqlite` (Node 22.13
// and later), else `better-sqlite3` (an optional peer dependency), else a one-line error naming the
// install command. Both are synchronous and share the few calls the embedded engine makes.
import { createRequire } from 'node:module';
import { StorageError } from './errors.js';

export interface SqliteStatement {
  run(...parameters: unknown[]): unknown;
  get(...parameters: unknown[]): unknown;
  all(...parameters: unknown[]): unknown[];
}

export interface SqliteDatabase {
  exec(sql: string): unknown;
  prepare(sql: string): SqliteStatement;
  close(): unknown;
}

export type SqliteDriverName = 'node:sqlite' | 'better-sqlite3';

export interface SqliteDriver {
  name: SqliteDriverName;
  /** Opens (creating if needed) the database file; a busy database fails at once instead of waiting. */
  open(file: string): SqliteDatabase;
}

/** The install command the error names: better-sqlite3 13 needs Node 22, where node:sqlite is built in anyway. */
export const SQLITE_INSTALL = 'npm install better-sqlite3@12';

const require = createRequire(import.meta.url);

/** `node:sqlite` on Node 22.13 and later (no flag); undefined where it is missing or needs --experimental-sqlite. */
function nodeSqlite(): SqliteDriver | undefined {
  if (!process.getBuiltinModule) return undefined;
  // Node 22 warns once that the module is experimental; that warning is not the user's concern here.
  const emitWarning = process.emitWarning;
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    const text = typeof warning === 'string' ? warning : warning.message;
    if (!/SQLite is an experimental feature/.test(text)) (emitWarning as (...args: unknown[]) => void).call(process, warning, ...rest);
  }) as typeof process.emitWarning;
  let module: { DatabaseSync: new (file: string, options?: { timeout?: number }) => SqliteDatabase } | undefined;
  try {
    module = process.getBuiltinModule('node:sqlite') as typeof module;
  } catch {
    module = undefined;
  } finally {
    process.emitWarning = emitWarning;
  }
  if (!module?.DatabaseSync) return undefined;
  const { DatabaseSync } = module;
  return { name: 'node:sqlite', open: (file) => new DatabaseSync(file, { timeout: 0 }) };
}

/** `better-sqlite3`, if installed (and built for this Node). */
function betterSqlite3(): SqliteDriver | undefined {
  let Database: new (file: string, options?: { timeout?: number }) => SqliteDatabase;
  try {
    Database = require('better-sqlite3');
    // Its native part loads with the first database: a build for another Node fails here, not mid-start.
    new Database(':memory:').close();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND') return undefined;
    throw new StorageError(`--state-file needs an SQLite driver, and better-sqlite3 does not load here (${(error as Error).message.split('\n')[0]}): reinstall it with ${SQLITE_INSTALL}`);
  }
  return { name: 'better-sqlite3', open: (file) => new Database(file, { timeout: 0 }) };
}

/** The driver to use: `prefer` names one (the store suite runs both); by default node:sqlite when Node has it. */
export function sqliteDriver(prefer?: SqliteDriverName): SqliteDriver {
  const found = prefer === 'better-sqlite3' ? betterSqlite3() : prefer === 'node:sqlite' ? nodeSqlite() : (nodeSqlite() ?? betterSqlite3());
  if (found) return found;
  if (prefer === 'node:sqlite') throw new StorageError(`node:sqlite is not built into Node ${process.version} (it is from Node 22.13 on)`);
  throw new StorageError(`--state-file needs SQLite: Node 22.13 and later have it built in; on Node ${process.version} install the driver with ${SQLITE_INSTALL}`);
}
