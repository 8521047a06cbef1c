// The behaviour every storage engine must have, as one suite each engine runs (memory, SQLite through
// either driver, PostgreSQL): transactions, isolation, newest-first scans paged in batches, spaces
// created on first write and counted exactly under the bounds, and the Idempotency-Key memory.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MockResponse } from '../../src/core/http.js';
import { fingerprintOf, type IdempotencyStore } from '../../src/core/idempotency.js';
import { BoundExceeded, DEFAULT_BOUNDS } from '../../src/core/state/bounds.js';
import { Space } from '../../src/core/state/space.js';
import type { ResourceStore, SpaceKey } from '../../src/core/state/store.js';

let spaces = 0;
/** A space no other test of the suite touches. */
const freshSpace = (service: SpaceKey['service'] = 'rules'): SpaceKey => ({ service, owner: `org_suite_${process.pid}_${++spaces}` });
let callers = 0;
const freshCaller = () => `bearer:suite_${process.pid}_${++callers}`;

export interface OpenedStore {
  resources: ResourceStore;
  idempotency: IdempotencyStore;
  close(): Promise<void>;
}

const answer = (body: string): MockResponse => ({ status: 201, headers: { 'Content-Type': 'application/json', 'X-Request-ID': 'req_1' }, body });

export function describeStore(name: string, open: () => Promise<OpenedStore>): void {
  describe(`${name} store`, () => {
    let opened: OpenedStore;
    let store: ResourceStore;
    beforeAll(async () => {
      opened = await open();
      store = opened.resources;
    });
    afterAll(() => opened?.close());

    const scanAll = (space: SpaceKey, collection: string, after?: string) =>
      store.transaction(space, async (tx) => {
        const found: unknown[] = [];
        for await (const item of tx.scan(collection, after === undefined ? {} : { after })) found.push(item.value);
        return found;
      });

    it('has no space until one is written', async () => {
      const space = freshSpace();
      expect(await store.transaction(space, (tx) => tx.exists())).toBe(false);
      await store.transaction(space, (tx) => tx.create({ rules: [['r1', { id: 'r1' }]] }));
      expect(await store.transaction(space, (tx) => tx.exists())).toBe(true);
      expect(await store.transaction(space, (tx) => tx.get('rules', 'r1'))).toEqual({ id: 'r1' });
    });

    it('reads its own writes inside a transaction, and keeps them once committed', async () => {
      const space = freshSpace();
      const seen = await store.transaction(space, async (tx) => {
        await tx.put('rules', 'a', { id: 'a', n: 1 });
        return tx.get('rules', 'a');
      });
      expect(seen).toEqual({ id: 'a', n: 1 });
      expect(await store.transaction(freshSpace(), async (tx) => (await tx.put('rules', 'b', { id: 'b' }), tx.exists()))).toBe(true);
      expect(await store.transaction(space, (tx) => tx.get('rules', 'a'))).toEqual({ id: 'a', n: 1 });
    });

    it('keeps a resource exactly as written: property order, unicode, nesting', async () => {
      const space = freshSpace();
      const value = { z: 1, a: { y: [3, 2, { x: null }], b: 'Chase Checking ••4567 ✓' }, m: -0.5, t: true };
      await store.transaction(space, (tx) => tx.put('rules', 'v', value));
      const read = await store.transaction(space, (tx) => tx.get('rules', 'v'));
      expect(JSON.stringify(read)).toBe(JSON.stringify(value));
    });

    it('writes nothing of a transaction that fails', async () => {
      const space = freshSpace();
      await store.transaction(space, (tx) => tx.put('rules', 'kept', { id: 'kept' }));
      await expect(
        store.transaction(space, async (tx) => {
          await tx.put('rules', 'lost', { id: 'lost' });
          await tx.put('rules', 'kept', { id: 'kept', changed: true });
          throw new Error('the handler failed');
        }),
      ).rejects.toThrow('the handler failed');
      expect(await store.transaction(space, (tx) => tx.get('rules', 'lost'))).toBeUndefined();
      expect(await store.transaction(space, (tx) => tx.get('rules', 'kept'))).toEqual({ id: 'kept' });
    });

    it('scans newest first, a replaced resource keeping its place, from after a given id', async () => {
      const space = freshSpace();
      await store.transaction(space, async (tx) => {
        for (const id of ['a', 'b', 'c']) await tx.put('rules', id, { id });
      });
      await store.transaction(space, (tx) => tx.put('rules', 'a', { id: 'a', replaced: true }));
      await store.transaction(space, (tx) => tx.put('rules', 'd', { id: 'd' }));
      expect(await scanAll(space, 'rules')).toEqual([{ id: 'd' }, { id: 'c' }, { id: 'b' }, { id: 'a', replaced: true }]);
      expect(await scanAll(space, 'rules', 'c')).toEqual([{ id: 'b' }, { id: 'a', replaced: true }]);
      expect(await store.transaction(space, (tx) => tx.count('rules'))).toBe(4);
    });

    it('scans a collection larger than one batch completely, in order, and stops early when asked', async () => {
      const space = freshSpace();
      const total = 250;
      await store.transaction(space, (tx) => tx.create({ items: Array.from({ length: total }, (_, i) => [`i${i}`, { n: i }] as [string, unknown]) }));
      const all = (await scanAll(space, 'items')) as Array<{ n: number }>;
      expect(all.map((item) => item.n)).toEqual(Array.from({ length: total }, (_, i) => total - 1 - i));
      const afterOne = (await scanAll(space, 'items', 'i130')) as Array<{ n: number }>;
      expect(afterOne.map((item) => item.n)).toEqual(Array.from({ length: 130 }, (_, i) => 129 - i));
      const firstThree = await store.transaction(space, async (tx) => {
        const found: unknown[] = [];
        for await (const item of tx.scan('items')) {
          found.push(item.id);
          if (found.length === 3) break;
        }
        return found;
      });
      expect(firstThree).toEqual(['i249', 'i248', 'i247']);
      expect(await store.transaction(space, (tx) => tx.count('items'))).toBe(total);
    });

    it('runs the transactions of one space one after the other', async () => {
      const space = freshSpace();
      await store.transaction(space, (tx) => tx.put('counters', 'c', { id: 'c', value: 0 }));
      await Promise.all(
        Array.from({ length: 20 }, () =>
          store.transaction(space, async (tx) => {
            const counter = (await tx.get('counters', 'c')) as { value: number };
            await new Promise((resolve) => setTimeout(resolve, 1));
            await tx.put('counters', 'c', { id: 'c', value: counter.value + 1 });
          }),
        ),
      );
      expect(await store.transaction(space, (tx) => tx.get('counters', 'c'))).toEqual({ id: 'c', value: 20 });
    });

    it('shows a read-only transaction committed state only, never a change still running (or rolled back)', async () => {
      const space = freshSpace();
      await store.transaction(space, (tx) => tx.put('rules', 'a', { id: 'a', version: 1 }));
      let written!: () => void;
      const writing = new Promise<void>((resolve) => (written = resolve));
      const failing = store.transaction(space, async (tx) => {
        await tx.put('rules', 'a', { id: 'a', version: 2 });
        written();
        await new Promise((resolve) => setTimeout(resolve, 100));
        throw new Error('rolled back');
      });
      await writing;
      const read = await store.transaction(space, (tx) => tx.get('rules', 'a'), { readOnly: true });
      await expect(failing).rejects.toThrow('rolled back');
      expect(read).toEqual({ id: 'a', version: 1 });
    });

    it('keeps spaces apart, by service and by owner, and resets one owner or all', async () => {
      const alpha = freshSpace('rules');
      const alphaComms = { ...alpha, service: 'comms' as const };
      const beta = freshSpace('rules');
      for (const space of [alpha, alphaComms, beta]) await store.transaction(space, (tx) => tx.put('things', 'x', { id: 'x', in: `${space.service}/${space.owner}` }));
      expect(await store.transaction(alphaComms, (tx) => tx.get('things', 'x'))).toEqual({ id: 'x', in: `comms/${alpha.owner}` });
      await store.reset(alpha.owner);
      expect(await store.transaction(alpha, (tx) => tx.exists())).toBe(false);
      expect(await store.transaction(alpha, (tx) => tx.get('things', 'x'))).toBeUndefined();
      expect(await store.transaction(alphaComms, (tx) => tx.exists())).toBe(false);
      expect(await store.transaction(beta, (tx) => tx.exists())).toBe(true);
      await store.reset();
      expect(await store.transaction(beta, (tx) => tx.exists())).toBe(false);
    });

    describe('under the bounds', () => {
      const write = (space: SpaceKey, bounds: Partial<typeof DEFAULT_BOUNDS>, id = 'x', value: unknown = { id }) =>
        store.transaction(space, (tx) => new Space(tx, { things: [['s', { id: 's' }]] }, { bounds: { ...DEFAULT_BOUNDS, ...bounds } }).put('things', id, value));
      const outcome = (promise: Promise<unknown>) => promise.then(() => 'stored', (error) => (error instanceof BoundExceeded ? error.error.code : String(error)));

      it('creates no more spaces than the bound, even when many new callers write at once', async () => {
        await store.reset();
        await write(freshSpace(), {});
        const maxSpaces = 1 + 5;
        const results = await Promise.all(Array.from({ length: 20 }, () => outcome(write(freshSpace(), { maxSpaces }))));
        expect(results.filter((result) => result === 'stored')).toHaveLength(5);
        expect(results.filter((result) => result === 'too_many_spaces')).toHaveLength(15);
        expect(await store.transaction(freshSpace(), (tx) => tx.countSpaces())).toBe(maxSpaces);
      });

      it('refuses a resource past the bound of its kind, keeping nothing of that change, and still replaces one', async () => {
        await store.reset();
        const space = freshSpace();
        // The seed counts: one seeded resource, then one created, is the bound of two.
        expect(await outcome(write(space, { maxResources: 2 }, 'a'))).toBe('stored');
        expect(await outcome(write(space, { maxResources: 2 }, 'b'))).toBe('too_many_resources');
        expect(await store.transaction(space, (tx) => tx.get('things', 'b'))).toBeUndefined();
        expect(await outcome(write(space, { maxResources: 2 }, 'a', { id: 'a', replaced: true }))).toBe('stored');
        expect(await store.transaction(space, (tx) => tx.get('things', 'a'))).toEqual({ id: 'a', replaced: true });
      });

      it('refuses a resource larger than the bound, and a new space with it is not created', async () => {
        const space = freshSpace();
        expect(await outcome(write(space, { maxResourceBytes: 100 }, 'big', { id: 'big', text: 'x'.repeat(100) }))).toBe('resource_too_large');
        expect(await store.transaction(space, (tx) => tx.exists())).toBe(false);
      });

      it('never stores a number JSON cannot write', async () => {
        const space = freshSpace();
        await expect(write(space, {}, 'n', { id: 'n', amount_in_cents: Infinity })).rejects.toThrow(/JSON cannot write/);
        expect(await store.transaction(space, (tx) => tx.exists())).toBe(false);
      });
    });

    describe('Idempotency-Key memory', () => {
      let idempotency: IdempotencyStore;
      beforeAll(() => {
        idempotency = opened.idempotency;
      });
      const print = (body: unknown) => fingerprintOf('POST', '/x', {}, body);

      async function remember(caller: string, key: string, body: unknown, text: string, now = 0) {
        const claim = await idempotency.claim(caller, key, await print(body), now);
        if (claim.kind !== 'first') throw new Error(`expected a first use, got ${claim.kind}`);
        await claim.record(answer(text));
      }

      it('replays the recorded answer byte for byte, and refuses another request naming what was recorded', async () => {
        const caller = freshCaller();
        await remember(caller, 'k', { a: 1 }, '{"one":1}');
        expect(await idempotency.claim(caller, 'k', await print({ a: 1 }), 1)).toEqual({ kind: 'replay', response: answer('{"one":1}') });
        expect(await idempotency.claim(caller, 'k', await print({ a: 2 }), 1)).toEqual({ kind: 'mismatch', recorded: await print({ a: 1 }) });
      });

      it('keeps callers apart', async () => {
        const [a, b] = [freshCaller(), freshCaller()];
        await remember(a, 'k', 1, 'one');
        const claim = await idempotency.claim(b, 'k', await print(2), 0);
        expect(claim.kind).toBe('first');
        if (claim.kind === 'first') await claim.release();
      });

      it('forgets a key after its time to live (24 hours)', async () => {
        const caller = freshCaller();
        await remember(caller, 'k', 1, 'one', 0);
        expect((await idempotency.claim(caller, 'k', await print(1), 24 * 3600_000 - 1)).kind).toBe('replay');
        const later = await idempotency.claim(caller, 'k', await print(2), 24 * 3600_000);
        expect(later.kind).toBe('first');
        if (later.kind === 'first') await later.release();
      });

      it('makes a concurrent duplicate wait for the first answer, then replay it', async () => {
        const caller = freshCaller();
        const first = await idempotency.claim(caller, 'k', await print(1), 0);
        if (first.kind !== 'first') throw new Error('expected first');
        let settled = false;
        const duplicate = idempotency.claim(caller, 'k', await print(1), 0).finally(() => (settled = true));
        await new Promise((resolve) => setTimeout(resolve, 50));
        expect(settled).toBe(false);
        await first.record(answer('first'));
        expect(await duplicate).toEqual({ kind: 'replay', response: answer('first') });
      });

      it('lets a released key be used again, a waiting duplicate running as the first', async () => {
        const caller = freshCaller();
        const first = await idempotency.claim(caller, 'k', await print(1), 0);
        if (first.kind !== 'first') throw new Error('expected first');
        const waiting = idempotency.claim(caller, 'k', await print(1), 0);
        await first.release();
        const second = await waiting;
        expect(second.kind).toBe('first');
        if (second.kind === 'first') await second.record(answer('second'));
        expect(await idempotency.claim(caller, 'k', await print(1), 0)).toEqual({ kind: 'replay', response: answer('second') });
      });

      it('runs many simultaneous uses of one key once', async () => {
        const caller = freshCaller();
        let runs = 0;
        const results = await Promise.all(
          Array.from({ length: 10 }, async () => {
            const claim = await idempotency.claim(caller, 'k', await print(1), 0);
            if (claim.kind !== 'first') return claim.kind === 'replay' ? claim.response.body : claim.kind;
            runs++;
            await claim.record(answer('only'));
            return 'only';
          }),
        );
        expect(runs).toBe(1);
        expect(results).toEqual(Array(10).fill('only'));
      });

      it('forgets one caller on reset, or everyone', async () => {
        const [a, b] = [freshCaller(), freshCaller()];
        await remember(a, 'k', 1, 'one');
        await remember(b, 'k', 1, 'two');
        await idempotency.reset(a);
        const again = await idempotency.claim(a, 'k', await print(1), 0);
        expect(again.kind).toBe('first');
        if (again.kind === 'first') await again.release();
        expect((await idempotency.claim(b, 'k', await print(1), 0)).kind).toBe('replay');
        await idempotency.reset();
        const afterAll = await idempotency.claim(b, 'k', await print(1), 0);
        expect(afterAll.kind).toBe('first');
        if (afterAll.kind === 'first') await afterAll.release();
      });
    });
  });
}
