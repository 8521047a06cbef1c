// One caller's space as the handlers see it: the stored resources, or, until its first change, the
// seed (the contract's own examples). Reading never creates a space; the first write stores the seed
// and the change together, in the same transaction. Writes past the store's bounds are refused here.
import { boundErrors, DEFAULT_BOUNDS, storedBytes, type StoreBounds } from './bounds.js';
import type { StoredSpace } from './store.js';

/** A new space's resources, by collection, oldest first. */
export type SpaceSeed = Record<string, Array<[id: string, value: unknown]>>;

export interface SpaceOptions {
  bounds?: StoreBounds;
  /** Whose space this is, in the refusals' words: `organization`, `bearer token`. */
  owner?: string;
}

export class Space {
  private stored: boolean | undefined;
  private readonly bounds: StoreBounds;
  private readonly owner: string;

  constructor(
    private readonly space: StoredSpace,
    private readonly seed: SpaceSeed,
    options: SpaceOptions = {},
  ) {
    this.bounds = options.bounds ?? DEFAULT_BOUNDS;
    this.owner = options.owner ?? 'caller space';
  }

  private async exists(): Promise<boolean> {
    return (this.stored ??= await this.space.exists());
  }

  async get<T>(collection: string, id: string): Promise<T | undefined> {
    if (await this.exists()) return (await this.space.get(collection, id)) as T | undefined;
    const found = this.seed[collection]?.find(([seeded]) => seeded === id);
    return found ? (structuredClone(found[1]) as T) : undefined;
  }

  /** Stores `value` under `id`; throws BoundExceeded (and the transaction keeps nothing) past a bound. */
  async put<T>(collection: string, id: string, value: T): Promise<void> {
    const bytes = storedBytes(value);
    if (bytes > this.bounds.maxResourceBytes) throw boundErrors.resourceTooLarge(collection, bytes, this.bounds.maxResourceBytes);
    if (!(await this.exists())) {
      if ((await this.space.countSpaces()) >= this.bounds.maxSpaces) throw boundErrors.tooManySpaces(this.bounds.maxSpaces);
      await this.space.create(this.seed);
      this.stored = true;
    }
    const isNew = (await this.space.get(collection, id)) === undefined;
    if (isNew && (await this.space.count(collection)) >= this.bounds.maxResources) {
      throw boundErrors.tooManyResources(collection, this.owner, this.bounds.maxResources);
    }
    await this.space.put(collection, id, value);
  }

  /** Newest first, starting after `after`. */
  async *scan<T>(collection: string, after?: string): AsyncIterable<{ id: string; value: T }> {
    if (await this.exists()) {
      for await (const item of this.space.scan(collection, after === undefined ? {} : { after })) yield item as { id: string; value: T };
      return;
    }
    const items = [...(this.seed[collection] ?? [])].reverse();
    const start = after === undefined ? 0 : items.findIndex(([id]) => id === after) + 1;
    for (const [id, value] of items.slice(start)) yield { id, value: structuredClone(value) as T };
  }

  async count(collection: string): Promise<number> {
    return (await this.exists()) ? this.space.count(collection) : (this.seed[collection]?.length ?? 0);
  }
}
