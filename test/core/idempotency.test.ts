// The Idempotency-Key memory: replay, mismatch naming what differs, per caller, expiry and a size cap.
import { describe, expect, it } from 'vitest';
import type { MockResponse } from '../../src/core/http.js';
import { describeDifference, fingerprintOf, MemoryIdempotencyStore, type RequestFingerprint } from '../../src/core/idempotency.js';

const answer = (body: string): MockResponse => ({ status: 201, headers: { 'X-Request-ID': 'req_1' }, body });
const print = (body: unknown, path = '/x', query: Record<string, unknown> = {}, method = 'POST') => fingerprintOf(method, path, query, body);

async function remember(store: MemoryIdempotencyStore, caller: string, key: string, fingerprint: RequestFingerprint, body: string, now = 0) {
  const claim = await store.claim(caller, key, fingerprint, now);
  if (claim.kind !== 'first') throw new Error(`expected a first use, got ${claim.kind}`);
  await claim.record(answer(body));
}

describe('MemoryIdempotencyStore', () => {
  it('replays the recorded answer for the same request, refuses another and hands back what was recorded', async () => {
    const store = new MemoryIdempotencyStore();
    const [f1, f2] = [await print({ a: 1 }), await print({ a: 2 })];
    await remember(store, 'a', 'k', f1, 'one');
    expect(await store.claim('a', 'k', f1, 0)).toEqual({ kind: 'replay', response: answer('one') });
    expect(await store.claim('a', 'k', f2, 0)).toEqual({ kind: 'mismatch', recorded: f1 });
  });

  it('keeps callers apart', async () => {
    const store = new MemoryIdempotencyStore();
    await remember(store, 'a', 'k', await print(1), 'one');
    expect((await store.claim('b', 'k', await print(2), 0)).kind).toBe('first');
  });

  it('forgets a key after its time to live', async () => {
    const store = new MemoryIdempotencyStore({ ttlMs: 1000 });
    const [f1, f2] = [await print(1), await print(2)];
    await remember(store, 'a', 'k', f1, 'one', 0);
    expect((await store.claim('a', 'k', f1, 999)).kind).toBe('replay');
    expect((await store.claim('a', 'k', f2, 1000)).kind).toBe('first');
  });

  it('holds at most maxEntries keys, forgetting the oldest first', async () => {
    const store = new MemoryIdempotencyStore({ maxEntries: 100 });
    const f = await print(1);
    for (let i = 0; i < 250; i++) await remember(store, 'a', `k${i}`, f, String(i));
    expect(store.size).toBe(100);
    expect((await store.claim('a', 'k0', await print(2), 0)).kind).toBe('first');
    expect((await store.claim('a', 'k249', f, 0)).kind).toBe('replay');
  });

  it('lets a released key be used again, and a waiting duplicate run as the first', async () => {
    const store = new MemoryIdempotencyStore();
    const f = await print(1);
    const first = await store.claim('a', 'k', f, 0);
    const waiting = store.claim('a', 'k', f, 0);
    if (first.kind !== 'first') throw new Error('expected first');
    await first.release();
    expect((await waiting).kind).toBe('first');
  });

  it('forgets one caller on reset, or everyone', async () => {
    const store = new MemoryIdempotencyStore();
    const f = await print(1);
    await remember(store, 'a', 'k', f, 'one');
    await remember(store, 'b', 'k', f, 'two');
    await store.reset('a');
    expect((await store.claim('a', 'k', f, 0)).kind).toBe('first');
    expect((await store.claim('b', 'k', f, 0)).kind).toBe('replay');
  });
});

describe('request fingerprints', () => {
  it('compare JSON by value, not by property order', async () => {
    expect(await print({ a: 1, b: [1, { c: 2, d: 3 }] })).toEqual(await print({ b: [1, { d: 3, c: 2 }], a: 1 }));
    expect(await print({ a: 1 })).not.toEqual(await print({ a: '1' }));
  });

  it('say which part of the request differs', async () => {
    const base = await print({ a: 1 }, '/x', { q: '1' });
    expect(describeDifference(base, await print({ a: 2 }, '/x', { q: '1' }))).toBe('a different request body');
    expect(describeDifference(base, await print({ a: 1 }, '/y', { q: '1' }))).toBe('a different path');
    expect(describeDifference(base, await print({ a: 1 }, '/x', { q: '2' }))).toBe('a different query string');
    expect(describeDifference(base, await print({ a: 2 }, '/y', { q: '1' }, 'PUT'))).toBe('a different method, path and request body');
  });
});
