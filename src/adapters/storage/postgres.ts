// The shared engine of `--store postgres://...`: any number of mock instances on one PostgreSQL
// database share resources and Idempotency-Key answers. Each transaction of a space holds that
// space's advisory lock, so two instances never interleave on one space; a reset of everything
// waits for running transactions. An Idempotency-Key is claimed by inserting its row in a
// transaction that stays open until the answer is recorded: a duplicate on any instance waits on that
// row, then replays the answer, or runs as the first if the request failed (or its instance died).
import pg from 'pg';
import { sameFingerprint, type Claim, type IdempotencyStore, type MemoryIdempotencyOptions, type RequestFingerprint } from '../../core/idempotency.js';
import type { MockResponse } from '../../core/http.js';
import { SERVICE_NAMES } from '../../core/services.js';
import type { ResourceStore, SpaceKey, StoredSpace, TransactionOptions } from '../../core/state/store.js';
import { answerJson, answerLimits, type AnswerLimits, type StorageEngine } from './engine.js';
import { StorageError } from './errors.js';
import { parsePostgresUrl, scrubError, type PostgresUrl } from './postgres-url.js';
import { fromStored, SCAN_BATCH, SCHEMA_VERSION, toStored } from './schema.js';

/** Advisory lock namespaces (the first of the two 32-bit keys). */
const LOCK = {
  /** One per space; the second key is a hash of its service and owner. */
  space: 1,
  /** Store-wide: second key 0 serialises creating spaces (their count is bounded), 1 is the reset barrier. */
  store: 2,
  /** Held while the schema is created, so that instances starting together do not race. */
  migration: 3,
};
const SPACE_COUNT = 0;
/** Whether an upsert inserted its row (a row it updated has the updating transaction's xmax). */
const INSERTED = '(xmax = 0) AS inserted';
const RESET_BARRIER = 1;

const SCHEMA = [
  `CREATE TABLE IF NOT EXISTS mock_schema (version integer NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS mock_spaces (
    service text NOT NULL,
    owner text NOT NULL,
    PRIMARY KEY (service, owner))`,
  `CREATE TABLE IF NOT EXISTS mock_resources (
    seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    service text NOT NULL,
    owner text NOT NULL,
    collection text NOT NULL,
    id text NOT NULL,
    value text NOT NULL,
    UNIQUE (service, owner, collection, id))`,
  `CREATE INDEX IF NOT EXISTS mock_resources_newest_first ON mock_resources (service, owner, collection, seq)`,
  // Kept with each insert: count(*) over a growing space would make every create slower than the last.
  `CREATE TABLE IF NOT EXISTS mock_counts (
    service text NOT NULL,
    owner text NOT NULL,
    collection text NOT NULL,
    count integer NOT NULL,
    PRIMARY KEY (service, owner, collection))`,
  `CREATE TABLE IF NOT EXISTS mock_idempotency (
    caller text NOT NULL,
    key text NOT NULL,
    fingerprint text NOT NULL,
    expires_at bigint NOT NULL,
    response text,
    PRIMARY KEY (caller, key))`,
  `CREATE INDEX IF NOT EXISTS mock_idempotency_by_expiry ON mock_idempotency (expires_at)`,
];

/** A space's lock key: FNV-1a of its service and owner, as a signed 32-bit integer (a collision only serialises two spaces). */
export function spaceLockKey(key: SpaceKey): number {
  let hash = 0x811c9dc5;
  for (const char of `${key.service}\u0000${key.owner}`) {
    hash ^= char.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193);
  }
  return hash | 0;
}

export interface PostgresStoreOptions {
  url: string;
  idempotency?: MemoryIdempotencyOptions;
  /** Connections per pool (one for transactions, one for open Idempotency-Key claims); default 10. */
  poolSize?: number;
}

class PostgresSpace implements StoredSpace {
  constructor(
    private readonly client: pg.PoolClient,
    private readonly key: SpaceKey,
    /** Read when the transaction began (the space's lock, if any, already held); true once written. */
    private existed: boolean,
  ) {}

  private query(sql: string, parameters: unknown[] = []) {
    return this.client.query(sql, [this.key.service, this.key.owner, ...parameters]);
  }

  async exists() {
    return this.existed;
  }

  async create(initial: Record<string, Array<[id: string, value: unknown]>>) {
    await this.query('INSERT INTO mock_spaces (service, owner) VALUES ($1, $2) ON CONFLICT DO NOTHING');
    this.existed = true;
    for (const [collection, items] of Object.entries(initial)) {
      if (items.length === 0) continue;
      // One statement per collection, oldest first (so the identity column keeps their order), counting the new ones.
      await this.query(
        'WITH stored AS (INSERT INTO mock_resources (service, owner, collection, id, value) SELECT $1, $2, $3, item.id, item.value ' +
          'FROM unnest($4::text[], $5::text[]) WITH ORDINALITY AS item (id, value, position) ORDER BY item.position ' +
          `ON CONFLICT (service, owner, collection, id) DO UPDATE SET value = EXCLUDED.value RETURNING ${INSERTED}) ` +
          'INSERT INTO mock_counts (service, owner, collection, count) SELECT $1, $2, $3, count(*)::integer FROM stored WHERE inserted HAVING count(*) > 0 ' +
          'ON CONFLICT (service, owner, collection) DO UPDATE SET count = mock_counts.count + EXCLUDED.count',
        [collection, items.map(([id]) => id), items.map(([, value]) => toStored(value))],
      );
    }
  }

  async get(collection: string, id: string) {
    const { rows } = await this.query('SELECT value FROM mock_resources WHERE service = $1 AND owner = $2 AND collection = $3 AND id = $4', [collection, id]);
    return rows.length === 0 ? undefined : fromStored(rows[0].value);
  }

  async put(collection: string, id: string, value: unknown) {
    // One statement: the space exists from its first write (with or without create()), the resource
    // is inserted or replaced, and a new one is counted.
    await this.query(
      'WITH space AS (INSERT INTO mock_spaces (service, owner) VALUES ($1, $2) ON CONFLICT DO NOTHING), ' +
        'stored AS (INSERT INTO mock_resources (service, owner, collection, id, value) VALUES ($1, $2, $3, $4, $5) ' +
        `ON CONFLICT (service, owner, collection, id) DO UPDATE SET value = EXCLUDED.value RETURNING ${INSERTED}) ` +
        'INSERT INTO mock_counts (service, owner, collection, count) SELECT $1, $2, $3, 1 FROM stored WHERE inserted ' +
        'ON CONFLICT (service, owner, collection) DO UPDATE SET count = mock_counts.count + 1',
      [collection, id, toStored(value)],
    );
    this.existed = true;
  }

  /** Keyset-paged: one query per SCAN_BATCH rows, so a consumer that stops early reads no more. */
  async *scan(collection: string, options: { after?: string } = {}) {
    let below = '9223372036854775807';
    if (options.after !== undefined) {
      const { rows } = await this.query('SELECT seq FROM mock_resources WHERE service = $1 AND owner = $2 AND collection = $3 AND id = $4', [collection, options.after]);
      if (rows.length > 0) below = rows[0].seq;
    }
    for (;;) {
      const { rows } = await this.query(
        'SELECT seq, id, value FROM mock_resources WHERE service = $1 AND owner = $2 AND collection = $3 AND seq < $4 ORDER BY seq DESC LIMIT $5',
        [collection, below, SCAN_BATCH],
      );
      for (const row of rows) yield { id: row.id as string, value: fromStored(row.value) };
      if (rows.length < SCAN_BATCH) return;
      below = rows[rows.length - 1].seq;
    }
  }

  async count(collection: string) {
    const { rows } = await this.query('SELECT count FROM mock_counts WHERE service = $1 AND owner = $2 AND collection = $3', [collection]);
    return rows.length === 0 ? 0 : (rows[0].count as number);
  }

  async countSpaces() {
    // Held until this transaction ends: another instance creating a space waits, then counts this one.
    await this.client.query(`SELECT pg_advisory_xact_lock(${LOCK.store}, ${SPACE_COUNT})`);
    const { rows } = await this.client.query('SELECT count(*)::integer AS count FROM mock_spaces');
    return rows[0].count as number;
  }
}

export class PostgresStore implements ResourceStore {
  readonly idempotency: IdempotencyStore;

  private constructor(
    readonly url: PostgresUrl,
    private readonly pool: pg.Pool,
    readonly claims: pg.Pool,
    idempotency: MemoryIdempotencyOptions,
  ) {
    this.idempotency = new PostgresIdempotency(this, answerLimits(idempotency));
  }

  /** Connects, creates the schema if needed (idempotent), and checks its version. */
  static async open(options: PostgresStoreOptions): Promise<PostgresStore> {
    const url = parsePostgresUrl(options.url);
    const max = options.poolSize ?? 10;
    const report = (error: Error) => process.stderr.write(`mock: PostgreSQL connection lost (${url.display}): ${url.scrub(error.message)}\n`);
    const pool = new pg.Pool({ connectionString: url.connectionString, max });
    const claims = new pg.Pool({ connectionString: url.connectionString, max });
    // An idle connection that breaks (the server restarted) is dropped by the pool; without a listener it would stop the process.
    pool.on('error', report);
    claims.on('error', report);
    const store = new PostgresStore(url, pool, claims, options.idempotency ?? {});
    try {
      await store.migrate();
    } catch (error) {
      await store.close();
      if (error instanceof StorageError) throw error;
      const { message, code } = scrubError(error, url) as NodeJS.ErrnoException;
      throw new StorageError(`cannot use the PostgreSQL store ${url.display}: ${message || code}`);
    }
    return store;
  }

  private async migrate(): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query(`SELECT pg_advisory_lock(${LOCK.migration}, 0)`);
      try {
        for (const statement of SCHEMA) await client.query(statement);
        const { rows } = await client.query('SELECT max(version) AS version FROM mock_schema');
        const version = rows[0].version as number | null;
        if (version === null) await client.query('INSERT INTO mock_schema (version) VALUES ($1)', [SCHEMA_VERSION]);
        else if (version > SCHEMA_VERSION) {
          throw new StorageError(`${this.url.display} holds the tables of a newer version of this mock (schema ${version}; this one reads ${SCHEMA_VERSION})`);
        }
      } finally {
        await client.query(`SELECT pg_advisory_unlock(${LOCK.migration}, 0)`);
      }
    } finally {
      client.release();
    }
  }

  /**
   * Runs `work` in one transaction on one pooled connection. `opening` is the SQL that follows BEGIN
   * in the same round trip (its locks, its first read), built by `open` from the client; its results
   * are handed to `work`.
   */
  private async inTransaction<T>(open: (client: pg.PoolClient) => string, work: (client: pg.PoolClient, opened: pg.QueryResult[]) => Promise<T>): Promise<T> {
    let client: pg.PoolClient | undefined;
    try {
      client = await this.pool.connect();
      const opened = (await client.query(`BEGIN; ${open(client)}`)) as unknown as pg.QueryResult[];
      const result = await work(client, opened);
      await client.query('COMMIT');
      client.release();
      return result;
    } catch (error) {
      if (client) {
        const broken = await client.query('ROLLBACK').then(() => undefined, (rollbackError: Error) => rollbackError);
        client.release(broken);
      }
      throw scrubError(error, this.url);
    }
  }

  transaction<T>(key: SpaceKey, work: (space: StoredSpace) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
    // A read takes no lock: one snapshot of what was committed, so it never waits and is never half of a change.
    const locks = options.readOnly
      ? 'SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY'
      : `SELECT pg_advisory_xact_lock_shared(${LOCK.store}, ${RESET_BARRIER}), pg_advisory_xact_lock(${LOCK.space}, ${spaceLockKey(key)})`;
    // Whether the space exists is asked in the same round trip as BEGIN and the locks (after them),
    // with the key as escaped literals, since a multi-statement query takes no parameters.
    const exists = (client: pg.PoolClient) =>
      `SELECT 1 FROM mock_spaces WHERE service = ${client.escapeLiteral(key.service)} AND owner = ${client.escapeLiteral(key.owner)}`;
    return this.inTransaction(
      (client) => `${locks}; ${exists(client)}`,
      (client, opened) => work(new PostgresSpace(client, key, opened[opened.length - 1].rowCount === 1)),
    );
  }

  async reset(owner?: string): Promise<void> {
    if (owner === undefined) {
      // The barrier exclusively: every running transaction ends first, and none starts meanwhile.
      await this.inTransaction(() => `SELECT pg_advisory_xact_lock(${LOCK.store}, ${RESET_BARRIER})`, async (client) => {
        await client.query('DELETE FROM mock_resources; DELETE FROM mock_counts; DELETE FROM mock_spaces');
      });
      return;
    }
    // The owner's spaces, locked in one order (by key) so that two resets never wait on each other.
    const keys = [...new Set(SERVICE_NAMES.map((service) => spaceLockKey({ service, owner })))].sort((a, b) => a - b);
    const locks = [`SELECT pg_advisory_xact_lock_shared(${LOCK.store}, ${RESET_BARRIER})`, ...keys.map((key) => `SELECT pg_advisory_xact_lock(${LOCK.space}, ${key})`)].join('; ');
    await this.inTransaction(() => locks, async (client) => {
      for (const table of ['mock_resources', 'mock_counts', 'mock_spaces']) await client.query(`DELETE FROM ${table} WHERE owner = $1`, [owner]);
    });
  }

  /** A statement outside any transaction (the Idempotency-Key memory's pruning and resets). */
  async run(sql: string, parameters: unknown[]): Promise<void> {
    try {
      await this.pool.query(sql, parameters);
    } catch (error) {
      throw scrubError(error, this.url);
    }
  }

  async close(): Promise<void> {
    await Promise.all([this.pool.end(), this.claims.end()]);
  }
}

class PostgresIdempotency implements IdempotencyStore {
  private claimsMade = 0;

  constructor(
    private readonly store: PostgresStore,
    private readonly limits: AnswerLimits,
  ) {}

  async claim(caller: string, key: string, fingerprint: RequestFingerprint, now: number): Promise<Claim> {
    if (++this.claimsMade % this.limits.pruneEvery === 0) await this.prune(now);
    let client: pg.PoolClient | undefined;
    let claimed = false;
    try {
      client = await this.store.claims.connect();
      await client.query('BEGIN');
      for (;;) {
        // Waits while another transaction (on any instance) holds an uncommitted row for this key.
        const inserted = await client.query(
          'INSERT INTO mock_idempotency (caller, key, fingerprint, expires_at, response) VALUES ($1, $2, $3, $4, NULL) ON CONFLICT (caller, key) DO NOTHING',
          [caller, key, JSON.stringify(fingerprint), now + this.limits.ttlMs],
        );
        if (inserted.rowCount === 1) {
          claimed = true;
          return this.first(client, caller, key);
        }
        const { rows } = await client.query('SELECT fingerprint, expires_at, response FROM mock_idempotency WHERE caller = $1 AND key = $2', [caller, key]);
        if (rows.length === 0) continue;
        const [row] = rows;
        if (Number(row.expires_at) <= now || row.response === null) {
          await client.query('DELETE FROM mock_idempotency WHERE caller = $1 AND key = $2', [caller, key]);
          continue;
        }
        const recorded = JSON.parse(row.fingerprint) as RequestFingerprint;
        if (!sameFingerprint(recorded, fingerprint)) return { kind: 'mismatch', recorded };
        return { kind: 'replay', response: answerJson.read(row.response) };
      }
    } catch (error) {
      throw scrubError(error, this.store.url);
    } finally {
      if (client && !claimed) {
        const broken = await client.query('ROLLBACK').then(() => undefined, (rollbackError: Error) => rollbackError);
        client.release(broken);
      }
    }
  }

  /** The first use of a key: its row stays uncommitted (and duplicates wait) until the answer is recorded or the claim released. */
  private first(client: pg.PoolClient, caller: string, key: string): Claim {
    let done = false;
    const finish = async (what: string, statements: Array<[string, unknown[]]>) => {
      if (done) return;
      done = true;
      let broken: Error | undefined;
      try {
        for (const [sql, parameters] of statements) await client.query(sql, parameters);
      } catch (error) {
        // The request's change is already committed and its answer is about to be sent: a lost
        // connection only means the key is not remembered (the duplicates waiting on it run), which
        // is said here rather than turned into a 500 for a change that was made.
        broken = error as Error;
        await client.query('ROLLBACK').catch(() => undefined);
        process.stderr.write(`mock: could not ${what} an Idempotency-Key in ${this.store.url.display}: ${this.store.url.scrub(broken.message)}\n`);
      } finally {
        client.release(broken);
      }
    };
    return {
      kind: 'first',
      record: (response: MockResponse) =>
        finish('record the answer of', [
          ['UPDATE mock_idempotency SET response = $3 WHERE caller = $1 AND key = $2', [caller, key, answerJson.write(response)]],
          ['COMMIT', []],
        ]),
      release: () => finish('release', [['ROLLBACK', []]]),
    };
  }

  private async prune(now: number): Promise<void> {
    await this.store.run('DELETE FROM mock_idempotency WHERE expires_at <= $1', [now]);
    await this.store.run(
      'DELETE FROM mock_idempotency WHERE ctid IN (SELECT ctid FROM mock_idempotency WHERE response IS NOT NULL ORDER BY expires_at DESC OFFSET $1)',
      [this.limits.maxEntries],
    );
  }

  async reset(caller?: string): Promise<void> {
    // A claim still running holds an uncommitted row, which no other transaction sees or deletes.
    if (caller === undefined) await this.store.run('DELETE FROM mock_idempotency', []);
    else await this.store.run('DELETE FROM mock_idempotency WHERE caller = $1', [caller]);
  }
}

export function postgresEngine(store: PostgresStore): StorageEngine {
  return { resources: store, idempotency: store.idempotency, where: `in PostgreSQL ${store.url.display}`, close: () => store.close() };
}
