// Where stateful mode keeps what clients create: spaces of resources (one per Rules organization, one
// per bearer token of Sequences and Comms), each a few collections of JSON resources by id. The
// engine is injected: memory here; an embedded database or PostgreSQL in Node (src/adapters/storage/).
import type { ServiceName } from '../services.js';
import { Locks } from './locks.js';

export interface SpaceKey {
  service: ServiceName;
  /** The organization (Rules) or `bearer:<token>`. */
  owner: string;
}

/** A space's resources as one transaction sees them. Lists are newest first (by creation). */
export interface StoredSpace {
  /** Whether the space was ever written: an untouched space reads as its seed and stores nothing. */
  exists(): Promise<boolean>;
  /** Writes a new space's first resources, oldest first, before its first change. */
  create(initial: Record<string, Array<[id: string, value: unknown]>>): Promise<void>;
  get(collection: string, id: string): Promise<unknown>;
  /** Inserts (as the newest) or replaces (keeping its place) the resource stored under `id`. */
  put(collection: string, id: string, value: unknown): Promise<void>;
  /** The collection's resources, newest first, starting after the one stored under `after`. */
  scan(collection: string, options?: { after?: string }): AsyncIterable<{ id: string; value: unknown }>;
  count(collection: string): Promise<number>;
  /**
   * How many spaces the store holds (for the bound on caller spaces). Until this transaction ends, no
   * other transaction creates a space, so a count followed by `create` never lets two past the bound.
   */
  countSpaces(): Promise<number>;
}

export interface TransactionOptions {
  /**
   * The transaction only reads: an engine may run it beside the others of its space (PostgreSQL does,
   * on a snapshot of what was committed when it began); it must not write.
   */
  readOnly?: boolean;
}

export interface ResourceStore {
  /**
   * Runs `work` as one transaction on one space: its reads see its writes, and it is committed (and
   * durable, for a durable engine) before the returned promise resolves, so an answer that says a
   * change was made is only sent after the change is kept. Transactions that write to one space do
   * not interleave; a read-only one sees the space as one committed state, never half of a change.
   */
  transaction<T>(space: SpaceKey, work: (space: StoredSpace) => Promise<T>, options?: TransactionOptions): Promise<T>;
  /** Forgets the spaces of `owner` (in every service), or every space. */
  reset(owner?: string): Promise<void>;
  close(): Promise<void>;
}

type Collections = Map<string, Map<string, unknown>>;

/** The lock `countSpaces` holds: no name of a space contains NUL twice. */
const SPACE_COUNT_LOCK = '\u0000spaces\u0000';

/** The in-memory engine: the default of stateful mode and of the in-browser handlers. */
export class MemoryStore implements ResourceStore {
  private readonly spaces = new Map<string, Collections>();
  private readonly locks = new Locks();

  async transaction<T>(key: SpaceKey, work: (space: StoredSpace) => Promise<T>): Promise<T> {
    const id = `${key.service}\u0000${key.owner}`;
    const release = await this.locks.acquire(id);
    const transaction = new MemoryTransaction(this.spaces.get(id), () => this.locks.acquire(SPACE_COUNT_LOCK), () => this.spaces.size);
    try {
      const result = await work(transaction);
      // Only a transaction that succeeded changes the space: a failing one leaves nothing half-written.
      const committed = transaction.commit();
      if (committed) this.spaces.set(id, committed);
      return result;
    } finally {
      transaction.end();
      release();
    }
  }

  async reset(owner?: string): Promise<void> {
    for (const id of [...this.spaces.keys()]) if (owner === undefined || id.endsWith(`\u0000${owner}`)) this.spaces.delete(id);
  }

  async close(): Promise<void> {}
}

/** One transaction's view: the stored space with this transaction's writes laid over it. */
class MemoryTransaction implements StoredSpace {
  private created: Collections | undefined;
  private readonly writes = new Map<string, Map<string, unknown>>();

  private releaseCount: (() => void) | undefined;

  constructor(
    private readonly stored: Collections | undefined,
    private readonly lockCount: () => Promise<() => void>,
    private readonly spaceCount: () => number,
  ) {}

  async exists() {
    return this.stored !== undefined || this.created !== undefined || this.writes.size > 0;
  }

  async create(initial: Record<string, Array<[id: string, value: unknown]>>) {
    this.created = new Map(Object.entries(initial).map(([name, items]) => [name, new Map(items.map(([id, value]) => [id, structuredClone(value)]))]));
  }

  private base(name: string): Map<string, unknown> {
    return (this.stored ?? this.created)?.get(name) ?? new Map();
  }

  async get(name: string, id: string) {
    const value = this.writes.get(name)?.get(id) ?? this.base(name).get(id);
    return value === undefined ? undefined : structuredClone(value);
  }

  async put(name: string, id: string, value: unknown) {
    if (!this.writes.has(name)) this.writes.set(name, new Map());
    this.writes.get(name)!.set(id, structuredClone(value));
  }

  async *scan(name: string, options: { after?: string } = {}) {
    const base = this.base(name);
    const written = this.writes.get(name) ?? new Map<string, unknown>();
    // New resources are the newest; replaced ones keep their place.
    const ids = [...[...written.keys()].filter((id) => !base.has(id)).reverse(), ...[...base.keys()].reverse()];
    const start = options.after === undefined ? 0 : ids.indexOf(options.after) + 1;
    for (let i = start; i < ids.length; i++) yield { id: ids[i], value: structuredClone(written.get(ids[i]) ?? base.get(ids[i])) };
  }

  async count(name: string) {
    const base = this.base(name);
    return base.size + [...(this.writes.get(name)?.keys() ?? [])].filter((id) => !base.has(id)).length;
  }

  async countSpaces() {
    this.releaseCount ??= await this.lockCount();
    return this.spaceCount();
  }

  /** Lets other transactions count spaces again (once this one's space, if new, is stored). */
  end(): void {
    this.releaseCount?.();
  }

  /** The space as it is once this transaction's writes are applied (Map.set keeps a replaced entry's place). */
  commit(): Collections | undefined {
    const space = this.stored ?? this.created;
    if (this.writes.size === 0) return space;
    const target = space ?? new Map();
    for (const [name, records] of this.writes) {
      const collection = target.get(name) ?? new Map<string, unknown>();
      for (const [id, value] of records) collection.set(id, value);
      target.set(name, collection);
    }
    return target;
  }
}
