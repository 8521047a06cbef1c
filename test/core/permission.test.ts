// The permission decision as a pure function: scopes, id lists, `*`, transfer sets, response resources.
import { describe, expect, it } from 'vitest';
import type { PermissionRequirement } from '../../src/core/contract.js';
import type { ApiKey } from '../../src/core/keys.js';
import { decidePermission, needsAnswer, type PermissionFacts } from '../../src/core/permission.js';

const key = (permissions: ApiKey['permissions']): ApiKey => ({ key: 'k', organization: 'org', permissions });
const facts = (over: Partial<PermissionFacts> = {}): PermissionFacts => ({ pathParams: {}, query: {}, body: undefined, ...over });
const decideRequest = decidePermission;
const decideResponse = (apiKey: ApiKey, requirement: PermissionRequirement, answer: unknown) => decidePermission(apiKey, requirement, facts({ answer }));

const getRule: PermissionRequirement = { scope: 'READ_RULES', resource: { in: 'path', name: 'id' } };
const listTransfers: PermissionRequirement = { scope: 'READ_TRANSFERS', resource: { in: 'query', name: 'account_id' } };
const createTransfer: PermissionRequirement = {
  scope: 'MANUAL_TRANSFER',
  resource: { in: 'body', source: '/source_account_id', target: '/destination_account_id', amount: '/amount_in_cents' },
};
const getTransfer: PermissionRequirement = { scope: 'READ_TRANSFERS', resource: { in: 'response', pointers: ['/data/source/id', '/data/destination/id'] } };

describe('the scope', () => {
  it('denies a key without the scope, naming it, whatever the request names', () => {
    const decision = decidePermission(key([{ scope: 'LIST_RULES' }]), getRule, facts({ pathParams: { id: 'rule_1' } }));
    expect(decision).toEqual({ allowed: false, reason: 'key k has no READ_RULES permission' });
    expect(decidePermission(key([{ scope: 'LIST_RULES' }]), getTransfer, facts({ answer: {} })).allowed).toBe(false);
  });
});

describe('resources the request names', () => {
  it('allows a path id in the allowed list and denies another', () => {
    const reader = key([{ scope: 'READ_RULES', resources: ['rule_1', 'rule_2'] }]);
    expect(decideRequest(reader, getRule, facts({ pathParams: { id: 'rule_2' } })).allowed).toBe(true);
    expect(decideRequest(reader, getRule, facts({ pathParams: { id: 'rule_3' } }))).toEqual({
      allowed: false,
      reason: 'key k has READ_RULES for rule_1, rule_2, not rule_3',
    });
  });
  it('allows any id with *', () => {
    expect(decideRequest(key([{ scope: 'READ_RULES', resources: '*' }]), getRule, facts({ pathParams: { id: 'x' } })).allowed).toBe(true);
  });
  it('adds up several entries of the same scope', () => {
    const reader = key([{ scope: 'READ_RULES', resources: ['rule_1'] }, { scope: 'READ_RULES', resources: ['rule_2'] }]);
    expect(decideRequest(reader, getRule, facts({ pathParams: { id: 'rule_2' } })).allowed).toBe(true);
  });
  it('checks a query filter, every value of a repeated one, and denies a missing one', () => {
    const reader = key([{ scope: 'READ_TRANSFERS', resources: ['acc_1'] }]);
    expect(decideRequest(reader, listTransfers, facts({ query: { account_id: 'acc_1' } })).allowed).toBe(true);
    expect(decideRequest(reader, listTransfers, facts({ query: { account_id: ['acc_1', 'acc_2'] } })).allowed).toBe(false);
    expect(decideRequest(reader, listTransfers, facts()).allowed).toBe(false);
  });
  it('allows operations whose scope has no resources on the scope alone', () => {
    expect(decideRequest(key([{ scope: 'LIST_RULES' }]), { scope: 'LIST_RULES' }, facts()).allowed).toBe(true);
  });

  describe('MANUAL_TRANSFER sets', () => {
    const body = { source_account_id: 'acc_1', destination_account_id: 'acc_2', amount_in_cents: 10_000 };
    const sets = (...resources: Array<{ source: string; target: string; max_amount?: number }>) => key([{ scope: 'MANUAL_TRANSFER', resources }]);
    it('allows a transfer at exactly max_amount, denies one cent more', () => {
      expect(decideRequest(sets({ source: 'acc_1', target: 'acc_2', max_amount: 10_000 }), createTransfer, facts({ body })).allowed).toBe(true);
      const above = decideRequest(sets({ source: 'acc_1', target: 'acc_2', max_amount: 9_999 }), createTransfer, facts({ body }));
      expect(above).toEqual({ allowed: false, reason: 'key k may move at most 9999 cents from acc_1 to acc_2, not 10000' });
    });
    it('allows any amount without max_amount', () => {
      expect(decideRequest(sets({ source: 'acc_1', target: 'acc_2' }), createTransfer, facts({ body: { ...body, amount_in_cents: 10 ** 9 } })).allowed).toBe(true);
    });
    it('needs source and target to match the same set, in that direction', () => {
      expect(decideRequest(sets({ source: 'acc_2', target: 'acc_1' }), createTransfer, facts({ body })).allowed).toBe(false);
      expect(decideRequest(sets({ source: 'acc_1', target: 'acc_9' }, { source: 'acc_9', target: 'acc_2' }), createTransfer, facts({ body })).allowed).toBe(false);
    });
    it('allows when any matching set has room', () => {
      expect(decideRequest(sets({ source: 'acc_1', target: 'acc_2', max_amount: 1 }, { source: 'acc_1', target: 'acc_2', max_amount: 20_000 }), createTransfer, facts({ body })).allowed).toBe(true);
    });
  });
});

describe('resources only the answer names', () => {
  const transfer = { data: { source: { id: 'acc_1' }, destination: { id: 'acc_2' } } };
  it('allows when any pointer leads to an allowed id', () => {
    expect(decideResponse(key([{ scope: 'READ_TRANSFERS', resources: ['acc_2'] }]), getTransfer, transfer).allowed).toBe(true);
  });
  it('denies when none does, or when the pointers lead nowhere', () => {
    expect(decideResponse(key([{ scope: 'READ_TRANSFERS', resources: ['acc_3'] }]), getTransfer, transfer).allowed).toBe(false);
    expect(decideResponse(key([{ scope: 'READ_TRANSFERS', resources: ['acc_3'] }]), getTransfer, {}).allowed).toBe(false);
  });
  it('needs the answer only for a key limited to listed resources', () => {
    const star = key([{ scope: 'READ_TRANSFERS', resources: '*' }]);
    expect(needsAnswer(star, getTransfer)).toBe(false);
    expect(needsAnswer(key([{ scope: 'READ_TRANSFERS', resources: ['acc_1'] }]), getTransfer)).toBe(true);
    expect(needsAnswer(key([{ scope: 'READ_RULES', resources: ['r'] }]), getRule)).toBe(false);
    expect(needsAnswer(key([{ scope: 'LIST_RULES' }]), getTransfer)).toBe(false);
  });
});
