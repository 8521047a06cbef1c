// The stateful mode's pure parts: what a new space is seeded with, cursors, and the small decisions
// the life cycles take (a run's outcome, a transfer's direction, a rule's source account).
import { beforeAll, describe, expect, it } from 'vitest';
import { loadContract } from '../../src/mock/contract.js';
import { cursorOf, cursorPage, offsetPage } from '../../src/state/pages.js';
import { ruleSource, runOutcome, transferDirection } from '../../src/state/rules.js';
import { seedFrom, type Seed } from '../../src/state/seed.js';
import { bundledSpecPath } from '../mock/spec.js';

let seed: Seed;
beforeAll(async () => {
  seed = seedFrom(await loadContract(bundledSpecPath()));
});

describe('the seed', () => {
  it('holds the resources the read examples show, oldest first', () => {
    const { rules, sequences, comms } = seed.spaces;
    expect(Object.keys(rules.rules)).toEqual(['rule_01HXYZ1234']);
    expect(rules.rules.rule_01HXYZ1234.deleted_at).toBeNull();
    expect(Object.keys(rules.rule_executions)).toEqual(['rex_01HABC4567', 'rex_01HABC4999']);
    expect(Object.keys(rules.transfers)).toEqual(['txr_01HABC1111', 'txr_01HABC3333']);
    expect(Object.keys(sequences.sequences)).toEqual(['seq_abc123', 'seq_def456']);
    expect(Object.keys(comms.sequences)).toEqual(['seq_01JQ8M4ZK7C2V9XW3N5R6T8YBD', 'seq_01JQ8N0B3F5H7K9M1P3R5T7V9X']);
    expect(comms.enrollments.enr_01JQ9A2C4E6G8J0M2P4R6T8V0X.status).toBe('active');
  });

  it('names the accounts the examples name, the accounts pages first', () => {
    expect(seed.accounts.get('acc_01HABC4567')).toEqual({ name: 'Chase Checking ••4567', type: 'income_source' });
    expect(seed.accounts.get('acc_01HSAV9999')).toEqual({ name: 'Vacation', type: 'pod' });
    expect(seed.accounts.get('acc_01HGHI7890')?.type).toBe('external_account');
  });
});

describe('pages', () => {
  const items = ['a', 'b', 'c', 'd', 'e'].map(id => ({ id }));

  it('reads the cursors the examples print', () => {
    expect(cursorPage([{ id: 'rex_01HABC4567' }, { id: 'x' }], 5, 'Y3Vyc29yOnJleF8wMUhBQkM0NTY3')).toMatchObject({ ok: true, items: [{ id: 'x' }] });
  });

  it('walks a list page by page with first and after', () => {
    const first = cursorPage(items, 2, undefined);
    expect(first).toEqual({ ok: true, items: items.slice(0, 2), page_info: { end_cursor: cursorOf('b'), has_next_page: true } });
    const last = cursorPage(items, 3, cursorOf('b'));
    expect(last).toEqual({ ok: true, items: items.slice(2), page_info: { end_cursor: cursorOf('e'), has_next_page: false } });
    expect(cursorPage(items, 3, cursorOf('e'))).toEqual({ ok: true, items: [], page_info: { end_cursor: null, has_next_page: false } });
    expect(cursorPage(items, 3, cursorOf('zz')).ok).toBe(false);
  });

  it('counts an offset page', () => {
    expect(offsetPage(items, 2, 4)).toEqual({ items: [{ id: 'e' }], pagination: { count: 1, hasMore: false, limit: 2, offset: 4, total: 5 } });
  });
});

describe('life-cycle decisions', () => {
  it('fails a disabled rule\'s run and runs an enabled rule\'s first step', () => {
    const rule = seed.spaces.rules.rules.rule_01HXYZ1234.rule;
    expect(runOutcome(rule)).toMatchObject({ status: 'executed', outcome: { step_index: 0 } });
    expect(runOutcome({ ...rule, status: 'disabled' })).toMatchObject({ status: 'failed', outcome: { step_index: null } });
  });

  it('calls money between own accounts internal, from or to an external account money in or out', () => {
    expect(transferDirection('income_source', 'pod')).toBe('internal');
    expect(transferDirection('external_account', 'pod')).toBe('money_in');
    expect(transferDirection('pod', 'external_account')).toBe('money_out');
  });

  it('shows a rule\'s trigger account as its source, named from the accounts, and none for a MANUAL rule', () => {
    const rule = seed.spaces.rules.rules.rule_01HXYZ1234.rule;
    expect(ruleSource(rule, seed.accounts)).toEqual({ id: 'acc_01HABC4567', type: 'income_source', name: 'Chase Checking ••4567' });
    expect(ruleSource({ ...rule, trigger: { type: 'ON_FUNDS_TRANSFERRED', account_id: 'acc_01SEMG8888' } }, seed.accounts)).toEqual({
      id: 'acc_01SEMG8888',
      type: 'pod',
      name: 'acc_01SEMG8888',
    });
    expect(ruleSource({ ...rule, trigger: { type: 'MANUAL' } }, seed.accounts)).toBeNull();
  });
});
