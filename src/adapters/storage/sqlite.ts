// The embedded, durable engine of `--state-file FILE`: one SQLite database in WAL mode, each change
// one transaction committed (and synced) before the answer is sent. The file is held with an
// exclusive lock for as long as the mock runs, so a second mock on it is refused at once; the lock is
// the operating system's, so a killed mock leaves none behind. A file in the JSON format of earlier
// versions is migrated first (legacy-state-file.ts).
import { sameFingerprint, type Claim, type IdempotencyStore, type MemoryIdempotencyOptions, type RequestFingerprint } from '../../core/idempotency.js';
import { Locks } from '../../core/state/locks.js';
import type { ResourceStore, SpaceKey, StoredSpace } from '../../core/state/store.js';
import type { MockResponse } from '../../core/http.js';
import type { StorageEngine } from './engine.js';
import { answerJson, answerLimits, type AnswerLimits } from './engine.js';
import { StorageError } from './errors.js';
import { fromStored, SCAN_BATCH, SCHEMA_VERSION, toStored } from './schema.js';
import { sqliteDriver, type SqliteDatabase, type SqliteDriverName, type SqliteStatement } from './sqlite-driver.js';

/** Marks a database as a state file of this mock (PRAGMA application_id): "PCm1". */
const APPLICATION_ID = 0x50436d31;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS spaces (
  service TEXT NOT NULL,
  owner TEXT NOT NULL,
  PRIMARY KEY (service, owner)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS resources (
  seq INTEGER PRIMARY KEY,
  service TEXT NOT NULL,
  owner TEXT NOT NULL,
  collection TEXT NOT NULL,
  id TEXT NOT NULL,
  value TEXT NOT NULL,
  UNIQUE (service, owner, collection, id)
);
CREATE INDEX IF NOT EXISTS resources_newest_first ON resources (service, owner, collection, seq);
CREATE TABLE IF NOT EXISTS idempotency (
  caller TEXT NOT NULL,
  key TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  expires_at INTEGER NOT NULL,
  response TEXT NOT NULL,
  PRIMARY KEY (caller, key)
);
CREATE INDEX IF NOT EXISTS idempotency_by_expiry ON idempotency (expires_at);
`;

export interface SqliteStoreOptions {
  file: string;
  /** Which driver (the store suite runs both); default: node:sqlite when this Node has it. */
  driver?: SqliteDriverName;
  idempotency?: MemoryIdempotencyOptions;
}

const isBusy = (error: unknown) => {
  const { code, errcode, message } = error as { code?: string; errcode?: number; message?: string };
  return code === 'SQLITE_BUSY' || errcode === 5 || /database is locked/.test(message ?? '');
};

/** The statements the engine runs, prepared once. */
function statements(db: SqliteDatabase) {
  const prepare = (sql: string): SqliteStatement => db.prepare(sql);
  return {
    begin: prepare('BEGIN'),
    commit: prepare('COMMIT'),
    rollback: prepare('ROLLBACK'),
    spaceExists: prepare('SELECT 1 AS found FROM spaces WHERE service = ? AND owner = ?'),
    createSpace: prepare('INSERT OR IGNORE INTO spaces (service, owner) VALUES (?, ?)'),
    countSpaces: prepare('SELECT count(*) AS count FROM spaces'),
    get: prepare('SELECT value FROM resources WHERE service = ? AND owner = ? AND collection = ? AND id = ?'),
    seqOf: prepare('SELECT seq FROM resources WHERE service = ? AND owner = ? AND collection = ? AND id = ?'),
    put: prepare(
      'INSERT INTO resources (service, owner, collection, id, value) VALUES (?, ?, ?, ?, ?) ' +
        'ON CONFLICT (service, owner, collection, id) DO UPDATE SET value = excluded.value',
    ),
    page: prepare('SELECT seq, id, value FROM resources WHERE service = ? AND owner = ? AND collection = ? AND seq < ? ORDER BY seq DESC LIMIT ?'),
    count: prepare('SELECT count(*) AS count FROM resources WHERE service = ? AND owner = ? AND collection = ?'),
    resetOwnerSpaces: prepare('DELETE FROM spaces WHERE owner = ?'),
    resetOwnerResources: prepare('DELETE FROM resources WHERE owner = ?'),
    resetSpaces: prepare('DELETE FROM spaces'),
    resetResources: prepare('DELETE FROM resources'),
    answer: prepare('SELECT fingerprint, expires_at, response FROM idempotency WHERE caller = ? AND key = ?'),
    record: prepare('INSERT OR REPLACE INTO idempotency (caller, key, fingerprint, expires_at, response) VALUES (?, ?, ?, ?, ?)'),
    forgetExpired: prepare('DELETE FROM idempotency WHERE expires_at <= ?'),
    forgetOldest: prepare('DELETE FROM idempotency WHERE rowid IN (SELECT rowid FROM idempotency ORDER BY expires_at DESC LIMIT -1 OFFSET ?)'),
    resetCaller: prepare('DELETE FROM idempotency WHERE caller = ?'),
    resetAnswers: prepare('DELETE FROM idempotency'),
  };
}

type Statements = ReturnType<typeof statements>;

/** Sets the database up (or checks it is one of this mock's) and takes its lock; throws StorageError when another mock holds it. */
export function prepareDatabase(db: SqliteDatabase, file: string): void {
  try {
    // EXCLUSIVE before WAL: the WAL index then lives in this process's memory (no -shm file), and
    // the first write transaction takes a lock that is held until the database is closed.
    db.exec('PRAGMA locking_mode = EXCLUSIVE');
    db.exec('PRAGMA journal_mode = WAL');
    // FULL: each commit is synced to disk before the answer, so even a power loss keeps it.
    db.exec('PRAGMA synchronous = FULL');
    db.exec('BEGIN EXCLUSIVE');
  } catch (error) {
    db.close();
    if (isBusy(error)) {
      throw new StorageError(`${file} is in use by another mock: one mock per state file (to share state between mocks, give each --store postgres://...)`);
    }
    throw new StorageError(`${file}: cannot open the state file (${(error as Error).message})`);
  }
  try {
    const { application_id: applicationId } = db.prepare('PRAGMA application_id').get() as { application_id: number };
    const tables = (db.prepare("SELECT count(*) AS count FROM sqlite_master WHERE type = 'table'").get() as { count: number }).count;
    if (tables > 0 && applicationId !== APPLICATION_ID) throw new StorageError(`${file} is an SQLite database of another program, not a state file of this mock`);
    const { user_version: version } = db.prepare('PRAGMA user_version').get() as { user_version: number };
    if (version > SCHEMA_VERSION) throw new StorageError(`${file} was written by a newer version of this mock (state file version ${version}; this one reads ${SCHEMA_VERSION})`);
    db.exec(SCHEMA);
    db.exec(`PRAGMA application_id = ${APPLICATION_ID}`);
    db.exec(`PRAGMA user_version = ${SCHEMA_VERSION}`);
    db.exec('COMMIT');
  } catch (error) {
    db.exec('ROLLBACK');
    db.close();
    throw error;
  }
}

/** A space inside the one open transaction of the connection. */
class SqliteSpace implements StoredSpace {
  constructor(
    private readonly sql: Statements,
    private readonly key: SpaceKey,
  ) {}

  async exists() {
    return this.sql.spaceExists.get(this.key.service, this.key.owner) !== undefined;
  }

  async create(initial: Record<string, Array<[id: string, value: unknown]>>) {
    this.sql.createSpace.run(this.key.service, this.key.owner);
    for (const [collection, items] of Object.entries(initial)) {
      for (const [id, value] of items) this.sql.put.run(this.key.service, this.key.owner, collection, id, toStored(value));
    }
  }

  async get(collection: string, id: string) {
    const row = this.sql.get.get(this.key.service, this.key.owner, collection, id) as { value: string } | undefined;
    return row === undefined ? undefined : fromStored(row.value);
  }

  async put(collection: string, id: string, value: unknown) {
    // A write makes the space exist, with or without create().
    this.sql.createSpace.run(this.key.service, this.key.owner);
    this.sql.put.run(this.key.service, this.key.owner, collection, id, toStored(value));
  }

  /** Keyset-paged: one query per SCAN_BATCH rows, so a consumer that stops early reads no more. */
  async *scan(collection: string, options: { after?: string } = {}) {
    const { service, owner } = this.key;
    let below = Number.MAX_SAFE_INTEGER;
    if (options.after !== undefined) {
      const row = this.sql.seqOf.get(service, owner, collection, options.after) as { seq: number } | undefined;
      if (row) below = row.seq;
    }
    for (;;) {
      const rows = this.sql.page.all(service, owner, collection, below, SCAN_BATCH) as Array<{ seq: number; id: string; value: string }>;
      for (const row of rows) yield { id: row.id, value: fromStored(row.value) };
      if (rows.length < SCAN_BATCH) return;
      below = rows[rows.length - 1].seq;
    }
  }

  async count(collection: string) {
    return (this.sql.count.get(this.key.service, this.key.owner, collection) as { count: number }).count;
  }

  async countSpaces() {
    // Every transaction of the connection runs alone, so no other space is created meanwhile.
    return (this.sql.countSpaces.get() as { count: number }).count;
  }
}

export class SqliteStore implements ResourceStore {
  readonly idempotency: IdempotencyStore;
  /** One connection runs one transaction at a time: everything that touches it takes this lock. */
  private readonly locks = new Locks();
  private readonly sql: Statements;
  private closed = false;

  constructor(
    private readonly db: SqliteDatabase,
    readonly driver: SqliteDriverName,
    idempotency: MemoryIdempotencyOptions = {},
  ) {
    this.sql = statements(db);
    this.idempotency = new SqliteIdempotency(this, answerLimits(idempotency));
  }

  /** Runs `work` alone on the connection, as one transaction: committed when it returns, rolled back when it throws. */
  exclusive<T>(work: () => Promise<T> | T): Promise<T> {
    return this.locks.with('connection', async () => {
      if (this.closed) throw new Error('The state file is closed.');
      this.sql.begin.run();
      let result: T;
      try {
        result = await work();
      } catch (error) {
        this.sql.rollback.run();
        throw error;
      }
      try {
        this.sql.commit.run();
      } catch (error) {
        // A commit that fails (a full disk) may leave the transaction open: end it, keeping nothing.
        try {
          this.sql.rollback.run();
        } catch {
          // Already rolled back by SQLite.
        }
        throw error;
      }
      return result;
    });
  }

  statements(): Statements {
    return this.sql;
  }

  transaction<T>(key: SpaceKey, work: (space: StoredSpace) => Promise<T>): Promise<T> {
    return this.exclusive(() => work(new SqliteSpace(this.sql, key)));
  }

  async reset(owner?: string): Promise<void> {
    await this.exclusive(() => {
      if (owner === undefined) {
        this.sql.resetResources.run();
        this.sql.resetSpaces.run();
      } else {
        this.sql.resetOwnerResources.run(owner);
        this.sql.resetOwnerSpaces.run(owner);
      }
    });
  }

  async close(): Promise<void> {
    await this.locks.with('connection', async () => {
      if (this.closed) return;
      this.closed = true;
      // Closing checkpoints the WAL into the file and deletes it: a stopped mock leaves one file.
      this.db.close();
    });
  }
}

/**
 * Idempotency-Key answers in the same file. Only this process uses the file, so a request still
 * running is known here alone: a concurrent duplicate waits on it in memory, and only answers are stored.
 */
class SqliteIdempotency implements IdempotencyStore {
  private readonly running = new Map<string, { fingerprint: RequestFingerprint; done: Promise<void> }>();
  private claimsMade = 0;

  constructor(
    private readonly store: SqliteStore,
    private readonly limits: AnswerLimits,
  ) {}

  async claim(caller: string, key: string, fingerprint: RequestFingerprint, now: number): Promise<Claim> {
    const id = `${caller}\u0000${key}`;
    const running = this.running.get(id);
    if (running) {
      if (!sameFingerprint(running.fingerprint, fingerprint)) return { kind: 'mismatch', recorded: running.fingerprint };
      await running.done;
      return this.claim(caller, key, fingerprint, now);
    }
    const sql = this.store.statements();
    const recorded = await this.store.exclusive(() => {
      if (++this.claimsMade % this.limits.pruneEvery === 0) {
        sql.forgetExpired.run(now);
        sql.forgetOldest.run(this.limits.maxEntries);
      }
      return sql.answer.get(caller, key) as { fingerprint: string; expires_at: number; response: string } | undefined;
    });
    if (recorded && recorded.expires_at > now) {
      const first = JSON.parse(recorded.fingerprint) as RequestFingerprint;
      if (!sameFingerprint(first, fingerprint)) return { kind: 'mismatch', recorded: first };
      return { kind: 'replay', response: answerJson.read(recorded.response) };
    }
    // Someone may have claimed the key while the database was read.
    if (this.running.has(id)) return this.claim(caller, key, fingerprint, now);
    let finish!: () => void;
    this.running.set(id, { fingerprint, done: new Promise<void>((resolve) => (finish = resolve)) });
    let done = false;
    const end = () => {
      done = true;
      this.running.delete(id);
      finish();
    };
    return {
      kind: 'first',
      record: async (response: MockResponse) => {
        if (done) return;
        try {
          await this.store.exclusive(() => sql.record.run(caller, key, JSON.stringify(fingerprint), now + this.limits.ttlMs, answerJson.write(response)));
        } finally {
          end();
        }
      },
      release: async () => {
        if (!done) end();
      },
    };
  }

  async reset(caller?: string): Promise<void> {
    const sql = this.store.statements();
    await this.store.exclusive(() => (caller === undefined ? sql.resetAnswers.run() : sql.resetCaller.run(caller)));
  }
}

/** Opens (creating) the state file; throws StorageError when it is locked or not a state file. */
export function openSqliteStore(options: SqliteStoreOptions): SqliteStore {
  const driver = sqliteDriver(options.driver);
  let db: SqliteDatabase;
  try {
    db = driver.open(options.file);
  } catch (error) {
    throw new StorageError(`${options.file}: cannot open the state file (${(error as Error).message})`);
  }
  prepareDatabase(db, options.file);
  return new SqliteStore(db, driver.name, options.idempotency);
}

export function sqliteEngine(store: SqliteStore, file: string): StorageEngine {
  return { resources: store, idempotency: store.idempotency, where: `in ${file} (SQLite, ${store.driver})`, close: () => store.close() };
}
