// The stateful mode's pure parts: what a new space is seeded with, cursors, and the small decisions
// the life cycles take (a run's outcome, a transfer's direction, a rule's source account).
import { beforeAll, describe, expect, it } from 'vitest';
import { readContract } from '../../src/core/contract.js';
import { cursorOf, cursorPage, offsetPage } from '../../src/core/state/pages.js';
import { ruleSource, runOutcome, transferDirection, type StoredRule } from '../../src/core/state/rules.js';
import { seedFrom, type Seed } from '../../src/core/state/seed.js';
import { Space, type SpaceSeed } from '../../src/core/state/space.js';
import { MemoryStore } from '../../src/core/state/store.js';
import { bundledSpecPath, readBundle } from '../mock/spec.js';

let seed: Seed;
beforeAll(() => {
  seed = seedFrom(readContract(readBundle(bundledSpecPath())));
});

const ids = (seeded: SpaceSeed, collection: string) => seeded[collection].map(([id]) => id);
const seededRule = () => (seed.spaces.rules.rules.find(([id]) => id === 'rule_01HXYZ1234')![1] as StoredRule).rule;

/** A space over a fresh memory store, seeded with `items` (oldest first), for the pages. */
async function withItems<T>(items: Array<{ id: string }>, work: (space: Space) => Promise<T>): Promise<T> {
  return new MemoryStore().transaction({ service: 'rules', owner: 'o' }, (stored) => work(new Space(stored, { items: items.map((item) => [item.id, item]) })));
}
const view = (item: { id: string }) => item;

describe('the seed', () => {
  it('holds the resources the read examples show, oldest first', () => {
    const { rules, sequences, comms } = seed.spaces;
    expect(ids(rules, 'rules')).toEqual(['rule_01HXYZ1234']);
    expect((rules.rules[0][1] as StoredRule).deleted_at).toBeNull();
    expect(ids(rules, 'rule_executions')).toEqual(['rex_01HABC4567', 'rex_01HABC4999']);
    expect(ids(rules, 'transfers')).toEqual(['txr_01HABC1111', 'txr_01HABC3333']);
    expect(ids(sequences, 'sequences')).toEqual(['seq_abc123', 'seq_def456']);
    expect(ids(comms, 'sequences')).toEqual(['seq_01JQ8M4ZK7C2V9XW3N5R6T8YBD', 'seq_01JQ8N0B3F5H7K9M1P3R5T7V9X']);
    expect((comms.enrollments[0][1] as { status: string }).status).toBe('active');
  });

  it('names the accounts the examples name, the accounts pages first', () => {
    expect(seed.accounts.get('acc_01HABC4567')).toEqual({ name: 'Chase Checking ••4567', type: 'income_source' });
    expect(seed.accounts.get('acc_01HSAV9999')).toEqual({ name: 'Vacation', type: 'pod' });
    expect(seed.accounts.get('acc_01HGHI7890')?.type).toBe('external_account');
  });
});

describe('pages', () => {
  // Oldest first, as stored: the lists read newest first, e, d, c, b, a.
  const items = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id }));
  const newest = [...items].reverse();

  it('reads the cursors the examples print', async () => {
    const page = await withItems([{ id: 'x' }, { id: 'rex_01HABC4567' }], (space) => cursorPage(space, 'items', view, 5, 'Y3Vyc29yOnJleF8wMUhBQkM0NTY3'));
    expect(page).toMatchObject({ ok: true, items: [{ id: 'x' }] });
  });

  it('walks a list page by page with first and after', async () => {
    await withItems(items, async (space) => {
      expect(await cursorPage(space, 'items', view, 2, undefined)).toEqual({ ok: true, items: newest.slice(0, 2), page_info: { end_cursor: cursorOf('d'), has_next_page: true } });
      expect(await cursorPage(space, 'items', view, 3, cursorOf('d'))).toEqual({ ok: true, items: newest.slice(2), page_info: { end_cursor: cursorOf('a'), has_next_page: false } });
      expect(await cursorPage(space, 'items', view, 3, cursorOf('a'))).toEqual({ ok: true, items: [], page_info: { end_cursor: null, has_next_page: false } });
      expect((await cursorPage(space, 'items', view, 3, cursorOf('zz'))).ok).toBe(false);
      expect((await cursorPage(space, 'items', view, 3, 'not base64 at all!')).ok).toBe(false);
    });
  });

  it('refuses a cursor of an item the filter leaves out', async () => {
    const odd = (item: { id: string }) => (item.id === 'b' ? undefined : item);
    expect((await withItems(items, (space) => cursorPage(space, 'items', odd, 3, cursorOf('b')))).ok).toBe(false);
  });

  it('counts an offset page', async () => {
    expect(await withItems(items, (space) => offsetPage(space, 'items', view, 2, 4))).toEqual({ items: [{ id: 'a' }], pagination: { count: 1, hasMore: false, limit: 2, offset: 4, total: 5 } });
  });
});

describe('life-cycle decisions', () => {
  it('fails a disabled rule\'s run and runs an enabled rule\'s first step', () => {
    const rule = seededRule();
    expect(runOutcome(rule)).toMatchObject({ status: 'executed', outcome: { step_index: 0 } });
    expect(runOutcome({ ...rule, status: 'disabled' })).toMatchObject({ status: 'failed', outcome: { step_index: null } });
  });

  it('calls money between own accounts internal, from or to an external account money in or out', () => {
    expect(transferDirection('income_source', 'pod')).toBe('internal');
    expect(transferDirection('external_account', 'pod')).toBe('money_in');
    expect(transferDirection('pod', 'external_account')).toBe('money_out');
  });

  it('shows a rule\'s trigger account as its source, named from the accounts, and none for a MANUAL rule', () => {
    const rule = seededRule();
    expect(ruleSource(rule, seed.accounts)).toEqual({ id: 'acc_01HABC4567', type: 'income_source', name: 'Chase Checking ••4567' });
    expect(ruleSource({ ...rule, trigger: { type: 'ON_FUNDS_TRANSFERRED', account_id: 'acc_01SEMG8888' } }, seed.accounts)).toEqual({
      id: 'acc_01SEMG8888',
      type: 'pod',
      name: 'acc_01SEMG8888',
    });
    expect(ruleSource({ ...rule, trigger: { type: 'MANUAL' } }, seed.accounts)).toBeNull();
  });
});
