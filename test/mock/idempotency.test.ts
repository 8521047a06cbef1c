// The Idempotency-Key memory: replay, mismatch, per caller, expiry and a size cap.
import { describe, expect, it } from 'vitest';
import { IdempotencyStore, requestFingerprint, type RecordedResponse } from '../../src/mock/idempotency.js';

const answer = (body: string): RecordedResponse => ({ status: 201, headers: { 'X-Request-ID': 'req_1' }, body });

async function remember(store: IdempotencyStore, caller: string, key: string, fingerprint: string, body: string) {
  const claim = await store.claim(caller, key, fingerprint);
  if (claim.kind !== 'first') throw new Error(`expected a first use, got ${claim.kind}`);
  claim.record(answer(body));
}

describe('IdempotencyStore', () => {
  it('replays the recorded answer for the same fingerprint, refuses another', async () => {
    const store = new IdempotencyStore();
    await remember(store, 'a', 'k', 'f1', 'one');
    expect(await store.claim('a', 'k', 'f1')).toEqual({ kind: 'replay', response: answer('one') });
    expect(await store.claim('a', 'k', 'f2')).toEqual({ kind: 'mismatch' });
  });

  it('keeps callers apart', async () => {
    const store = new IdempotencyStore();
    await remember(store, 'a', 'k', 'f1', 'one');
    expect((await store.claim('b', 'k', 'f2')).kind).toBe('first');
  });

  it('forgets a key after its time to live', async () => {
    let now = 0;
    const store = new IdempotencyStore({ ttlMs: 1000, now: () => now });
    await remember(store, 'a', 'k', 'f1', 'one');
    now = 999;
    expect((await store.claim('a', 'k', 'f1')).kind).toBe('replay');
    now = 1000;
    expect((await store.claim('a', 'k', 'f2')).kind).toBe('first');
  });

  it('holds at most maxEntries keys, forgetting the oldest first', async () => {
    const store = new IdempotencyStore({ maxEntries: 100 });
    for (let i = 0; i < 250; i++) await remember(store, 'a', `k${i}`, 'f', String(i));
    expect(store.size).toBe(100);
    expect((await store.claim('a', 'k0', 'other')).kind).toBe('first');
    expect((await store.claim('a', 'k249', 'f')).kind).toBe('replay');
  });

  it('lets a released key be used again, and a waiting duplicate run as the first', async () => {
    const store = new IdempotencyStore();
    const first = await store.claim('a', 'k', 'f');
    const waiting = store.claim('a', 'k', 'f');
    if (first.kind !== 'first') throw new Error('expected first');
    first.release();
    expect((await waiting).kind).toBe('first');
  });

  it('fingerprints JSON by value, not by property order', () => {
    expect(requestFingerprint('POST', '/x', { a: 1, b: [1, { c: 2, d: 3 }] })).toBe(requestFingerprint('POST', '/x', { b: [1, { d: 3, c: 2 }], a: 1 }));
    expect(requestFingerprint('POST', '/x', { a: 1 })).not.toBe(requestFingerprint('POST', '/y', { a: 1 }));
    expect(requestFingerprint('POST', '/x', { a: 1 })).not.toBe(requestFingerprint('POST', '/x', { a: '1' }));
  });
});
