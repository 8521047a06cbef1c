// The behaviour every stateful store must have, as one suite each engine runs (memory, the embedded
// database, PostgreSQL): transactions, isolation, newest-first scans, spaces created on first write.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResourceStore, SpaceKey } from '../../src/core/state/store.js';

let spaces = 0;
/** A space no other test of the suite touches. */
const freshSpace = (service: SpaceKey['service'] = 'rules'): SpaceKey => ({ service, owner: `org_suite_${process.pid}_${++spaces}` });

export function describeStore(name: string, open: () => Promise<ResourceStore>): void {
  describe(`${name} store`, () => {
    let store: ResourceStore;
    beforeAll(async () => {
      store = await open();
    });
    afterAll(() => store?.close());

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
      expect(await store.transaction(space, (tx) => tx.get('rules', 'a'))).toEqual({ id: 'a', n: 1 });
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
      const scan = (after?: string) =>
        store.transaction(space, async (tx) => {
          const found = [];
          for await (const item of tx.scan('rules', after === undefined ? {} : { after })) found.push(item.value);
          return found;
        });
      expect(await scan()).toEqual([{ id: 'd' }, { id: 'c' }, { id: 'b' }, { id: 'a', replaced: true }]);
      expect(await scan('c')).toEqual([{ id: 'b' }, { id: 'a', replaced: true }]);
      expect(await store.transaction(space, (tx) => tx.count('rules'))).toBe(4);
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

    it('keeps spaces apart, by service and by owner, and resets one owner or all', async () => {
      const alpha = freshSpace('rules');
      const alphaComms = { ...alpha, service: 'comms' as const };
      const beta = freshSpace('rules');
      for (const space of [alpha, alphaComms, beta]) await store.transaction(space, (tx) => tx.put('things', 'x', { id: 'x', in: `${space.service}/${space.owner}` }));
      expect(await store.transaction(alphaComms, (tx) => tx.get('things', 'x'))).toEqual({ id: 'x', in: `comms/${alpha.owner}` });
      await store.reset(alpha.owner);
      expect(await store.transaction(alpha, (tx) => tx.exists())).toBe(false);
      expect(await store.transaction(alphaComms, (tx) => tx.exists())).toBe(false);
      expect(await store.transaction(beta, (tx) => tx.exists())).toBe(true);
      await store.reset();
      expect(await store.transaction(beta, (tx) => tx.exists())).toBe(false);
    });
  });
}
