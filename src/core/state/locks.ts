// Named locks inside one process: whoever acquires a name waits until everyone before has released it.
// The in-memory and embedded engines use them to run the transactions of one space one after another.

export class Locks {
  /** The promise each name's next holder waits for: the release of its last holder. */
  private readonly tails = new Map<string, Promise<void>>();

  /** Resolves, once the lock is held, with the function that releases it (call it exactly once). */
  async acquire(name: string): Promise<() => void> {
    const previous = this.tails.get(name) ?? Promise.resolve();
    let release!: () => void;
    const tail = new Promise<void>((resolve) => (release = resolve));
    this.tails.set(name, tail);
    await previous;
    return () => {
      if (this.tails.get(name) === tail) this.tails.delete(name);
      release();
    };
  }

  /** Runs `work` holding `name`. */
  async with<T>(name: string, work: () => Promise<T>): Promise<T> {
    const release = await this.acquire(name);
    try {
      return await work();
    } finally {
      release();
    }
  }
}
