// The Rules service in stateful mode, over HTTP: the rule life cycle of seeds 000-002, rule executions
// recorded by triggering, manual transfers, organizations kept apart, and scopes on stored resources.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  ALPHA,
  ALPHA_ONE_RULE,
  BETA,
  SEEDED_RULE,
  TIMESTAMP,
  exampleValue,
  idPattern,
  seedValue,
  startStatefulMock,
  type StatefulTestMock,
} from './harness.js';

const CREATE = seedValue('000_createRule_request.json');
const REPLACE = seedValue('001_updateRule_request.json');
const TRANSFER = exampleValue('rules/transfer-create-request.yaml');
const FORBIDDEN = { error: { code: 'forbidden', message: 'This API key does not have the required permission.' } };
const ruleNotFound = (id: string) => ({ error: { code: 'resource_not_found', message: `Rule with id '${id}' was not found.` } });

let mock: StatefulTestMock;
const START = new Date('2025-01-01T09:00:00Z');
let clock = START;
/** Moves the mock's clock on, so that each change has its own time. */
const tick = () => (clock = new Date(clock.getTime() + 60_000));

beforeAll(async () => {
  mock = await startStatefulMock({ clock: () => clock.getTime() });
});
afterAll(() => mock?.close());
// Every test starts from the seed, at the same time.
beforeEach(async () => {
  clock = START;
  await mock.reset();
});

async function createRule(body: unknown = CREATE, headers: Record<string, string> = ALPHA) {
  tick();
  const created = await mock.api('createRule', 'POST', '/api/v1/rules', { headers, body });
  expect(created.status).toBe(201);
  return created.json.data;
}

const listRules = async (headers: Record<string, string> = ALPHA, query = '') =>
  (await mock.api('listRules', 'GET', `/api/v1/rules${query}`, { headers })).json.data as Array<{ id: string; status: string }>;

describe('the rule life cycle', () => {
  it('stores a created rule disabled, whatever its status says (seed 000), with a rule_ id and real timestamps', async () => {
    expect(CREATE.status).toBe('enabled');
    const rule = await createRule();
    expect(rule.id).toMatch(idPattern('rule_'));
    expect(rule.status).toBe('disabled');
    expect(rule.created_at).toBe('2025-01-01T09:01:00Z');
    expect(rule.updated_at).toBe(rule.created_at);
    expect(rule.created_at).toMatch(TIMESTAMP);
    // The rest is what was sent, with the read-only is_direct_deposit added to each action.
    expect(rule).toMatchObject({ nickname: CREATE.nickname, description: CREATE.description, trigger: CREATE.trigger });
    expect(rule.steps[0].actions[0]).toEqual({ ...CREATE.steps[0].actions[0], is_direct_deposit: false });

    const read = await mock.api('getRule', 'GET', `/api/v1/rules/${rule.id}`, { headers: ALPHA });
    expect(read.status).toBe(200);
    expect(read.json.data).toEqual(rule);
  });

  it('lists the stored rules newest first, each with its source account, and filters them by source_id', async () => {
    const first = await createRule();
    const second = await createRule({ ...CREATE, nickname: 'Scheduled', trigger: REPLACE.trigger });
    const listed = await listRules();
    expect(listed.map(rule => rule.id)).toEqual([second.id, first.id, SEEDED_RULE]);
    expect(listed[0]).toEqual({
      id: second.id,
      nickname: 'Scheduled',
      description: CREATE.description,
      status: 'disabled',
      trigger_type: 'SCHEDULED',
      source: { id: 'acc_01HABC4567', type: 'income_source', name: 'Chase Checking ••4567' },
      created_at: second.created_at,
    });
    expect(await listRules(ALPHA, '?source_id=acc_01HABC4567')).toHaveLength(3);
    expect(await listRules(ALPHA, '?source_id=acc_01HOTHER000')).toEqual([]);
  });

  it('replaces a rule with PUT, keeping its id and created_at, and sets an enabled rule to disabled (seed 001)', async () => {
    const before = (await mock.api('getRule', 'GET', `/api/v1/rules/${SEEDED_RULE}`, { headers: ALPHA })).json.data;
    expect(before.status).toBe('enabled');
    tick();
    const replaced = await mock.api('updateRule', 'PUT', `/api/v1/rules/${SEEDED_RULE}`, { headers: ALPHA, body: REPLACE });
    expect(replaced.status).toBe(200);
    expect(replaced.json.data).toMatchObject({
      id: SEEDED_RULE,
      nickname: REPLACE.nickname,
      description: null,
      status: 'disabled',
      trigger: REPLACE.trigger,
      created_at: before.created_at,
      updated_at: clock.toISOString().replace('.000', ''),
    });
    const read = await mock.api('getRule', 'GET', `/api/v1/rules/${SEEDED_RULE}`, { headers: ALPHA });
    expect(read.json.data).toEqual(replaced.json.data);
    expect((await listRules()).find(rule => rule.id === SEEDED_RULE)?.status).toBe('disabled');
  });

  it('soft-deletes a rule (204, no body); it is then not found, with the seeds\' body, and not listed (seed 002)', async () => {
    const rule = await createRule();
    const deleted = await mock.api('deleteRule', 'DELETE', `/api/v1/rules/${rule.id}`, { headers: ALPHA });
    expect(deleted.status).toBe(204);
    expect(deleted.text).toBe('');
    const read = await mock.api('getRule', 'GET', `/api/v1/rules/${rule.id}`, { headers: ALPHA });
    expect(read.status).toBe(404);
    expect(read.json).toEqual(ruleNotFound(rule.id));
    expect((await listRules()).map(r => r.id)).toEqual([SEEDED_RULE]);
    expect((await mock.api('updateRule', 'PUT', `/api/v1/rules/${rule.id}`, { headers: ALPHA, body: REPLACE })).json).toEqual(ruleNotFound(rule.id));
    expect((await mock.api('deleteRule', 'DELETE', `/api/v1/rules/${rule.id}`, { headers: ALPHA })).status).toBe(404);
    expect((await mock.api('triggerRule', 'POST', `/api/v1/rules/${rule.id}/trigger`, { headers: ALPHA })).status).toBe(404);
  });

  it('answers 404 with the seeds\' body for a rule id that was never stored', async () => {
    for (const [operationId, method] of [['getRule', 'GET'], ['updateRule', 'PUT'], ['deleteRule', 'DELETE']] as const) {
      const answer = await mock.api(operationId, method, '/api/v1/rules/rule_123', { headers: ALPHA, ...(method === 'PUT' ? { body: REPLACE } : {}) });
      expect(answer.status, operationId).toBe(404);
      expect(answer.json, operationId).toEqual(ruleNotFound('rule_123'));
    }
  });

  it('answers a Prefer\'d example as before, storing nothing', async () => {
    const example = await mock.api('createRule', 'POST', '/api/v1/rules', { headers: { ...ALPHA, prefer: 'code=201' }, body: CREATE });
    expect(example.json.data.id).toBe(SEEDED_RULE);
    expect(await listRules()).toHaveLength(1);
  });

  it('refuses an invalid rule as before, storing nothing', async () => {
    const invalid = await mock.api('createRule', 'POST', '/api/v1/rules', { headers: ALPHA, body: { ...CREATE, trigger: { type: 'BOGUS' } } });
    expect(invalid.status).toBe(400);
    expect(invalid.json.error.code).toBe('validation_error');
    expect(await listRules()).toHaveLength(1);
  });
});

describe('rule executions', () => {
  it('records one when a rule is triggered (202), read back by id and listed for its rule', async () => {
    tick();
    const triggered = await mock.api('triggerRule', 'POST', `/api/v1/rules/${SEEDED_RULE}/trigger`, {
      headers: ALPHA,
      body: { manual_execute_amount: 25000 },
    });
    expect(triggered.status).toBe(202);
    const { execution_id, rule_id, status } = triggered.json.data;
    expect(execution_id).toMatch(idPattern('rex_'));
    expect({ rule_id, status }).toEqual({ rule_id: SEEDED_RULE, status: 'in_progress' });

    const read = await mock.api('getRuleExecution', 'GET', `/api/v1/rule-executions/${execution_id}`, { headers: ALPHA });
    expect(read.status).toBe(200);
    // The mock finishes the run at once: the first poll sees how it ended.
    expect(read.json.data).toEqual({
      id: execution_id,
      rule_id: SEEDED_RULE,
      rule_name: 'Auto-save on deposit',
      trigger_type: 'manual',
      status: 'executed',
      created_at: '2025-01-01T09:01:00Z',
      trigger_details: { type: 'manual', manual_execute_amount: 25000 },
      outcome: { step_index: 0, message: expect.any(String) },
      transfer_ids: [],
    });

    const listed = await mock.api('listRuleExecutions', 'GET', `/api/v1/rule-executions?rule_id=${SEEDED_RULE}`, { headers: ALPHA });
    // Newest first, before the two seeded executions of the same rule.
    expect(listed.json.data.map((e: { id: string }) => e.id)).toEqual([execution_id, 'rex_01HABC4999', 'rex_01HABC4567']);
    const manual = await mock.api('listRuleExecutions', 'GET', `/api/v1/rule-executions?rule_id=${SEEDED_RULE}&trigger_type=manual&status=executed`, { headers: ALPHA });
    expect(manual.json.data.map((e: { id: string }) => e.id)).toEqual([execution_id]);
  });

  it('pages a rule\'s executions with first and after', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      tick();
      ids.unshift((await mock.api('triggerRule', 'POST', `/api/v1/rules/${SEEDED_RULE}/trigger`, { headers: ALPHA })).json.data.execution_id);
    }
    const all = [...ids, 'rex_01HABC4999', 'rex_01HABC4567'];
    const seen: string[] = [];
    let after = '';
    for (;;) {
      const page = await mock.api('listRuleExecutions', 'GET', `/api/v1/rule-executions?rule_id=${SEEDED_RULE}&first=2${after}`, { headers: ALPHA });
      seen.push(...page.json.data.map((e: { id: string }) => e.id));
      if (!page.json.page_info.has_next_page) break;
      after = `&after=${page.json.page_info.end_cursor}`;
    }
    expect(seen).toEqual(all);
    const bad = await mock.api('listRuleExecutions', 'GET', `/api/v1/rule-executions?rule_id=${SEEDED_RULE}&after=bm90LWEtY3Vyc29y`, { headers: ALPHA });
    expect(bad.status).toBe(400);
    expect(bad.json.error.details).toEqual([{ in: 'query', pointer: '/after', message: expect.stringContaining('cursor') }]);
  });

  it('records a failed run for a disabled rule: a person must enable it first (seed 000)', async () => {
    const rule = await createRule();
    const { execution_id } = (await mock.api('triggerRule', 'POST', `/api/v1/rules/${rule.id}/trigger`, { headers: ALPHA })).json.data;
    const read = await mock.api('getRuleExecution', 'GET', `/api/v1/rule-executions/${execution_id}`, { headers: ALPHA });
    expect(read.json.data).toMatchObject({ status: 'failed', outcome: { step_index: null, message: expect.stringMatching(/disabled/) } });
  });

  it('answers 404 for an unknown execution', async () => {
    const answer = await mock.api('getRuleExecution', 'GET', '/api/v1/rule-executions/rex_123', { headers: ALPHA });
    expect(answer.status).toBe(404);
    expect(answer.json).toEqual({ error: { code: 'resource_not_found', message: "Rule execution with id 'rex_123' was not found." } });
  });
});

describe('manual transfers', () => {
  it('records a transfer (202, processing), read back by id and listed for both its accounts', async () => {
    tick();
    const created = await mock.api('createTransfer', 'POST', '/api/v1/transfers', { headers: ALPHA, body: TRANSFER });
    expect(created.status).toBe(202);
    const transfer = created.json.data;
    expect(transfer).toEqual({
      id: expect.stringMatching(idPattern('txr_')),
      amount_in_cents: TRANSFER.amount_in_cents,
      direction: 'internal',
      origin: 'user',
      status: 'processing',
      source: { id: 'acc_01HDEF0123', name: 'Emergency Fund', type: 'pod' },
      destination: { id: 'acc_01HSAV9999', name: 'Vacation', type: 'pod' },
      rule_execution_id: null,
      created_at: '2025-01-01T09:01:00Z',
      updated_at: '2025-01-01T09:01:00Z',
    });
    expect((await mock.api('getTransfer', 'GET', `/api/v1/transfers/${transfer.id}`, { headers: ALPHA })).json.data).toEqual(transfer);

    const listed = (query: string) => mock.api('listTransfers', 'GET', `/api/v1/transfers?${query}`, { headers: ALPHA }).then(a => a.json.data.map((t: { id: string }) => t.id));
    expect(await listed('account_id=acc_01HSAV9999')).toEqual([transfer.id, 'txr_01HABC3333']);
    expect((await listed('account_id=acc_01HDEF0123'))[0]).toBe(transfer.id);
    expect(await listed('account_id=acc_01HSAV9999&account_role=source')).toEqual([]);
    expect(await listed('account_id=acc_01HDEF0123&account_role=source&origin=user')).toEqual([transfer.id, 'txr_01HABC3333']);
  });

  it('refuses a transfer to the same account, or with an account the organization does not have (400)', async () => {
    const same = await mock.api('createTransfer', 'POST', '/api/v1/transfers', { headers: ALPHA, body: { ...TRANSFER, destination_account_id: TRANSFER.source_account_id } });
    expect(same.status).toBe(400);
    expect(same.json.error.details).toEqual([{ pointer: '/destination_account_id', message: 'Must differ from source_account_id.' }]);
    const unknown = await mock.api('createTransfer', 'POST', '/api/v1/transfers', { headers: ALPHA, body: { ...TRANSFER, source_account_id: 'acc_nowhere' } });
    expect(unknown.status).toBe(400);
    expect(unknown.json.error.details[0].pointer).toBe('/source_account_id');
  });

  it('answers 404 for an unknown transfer', async () => {
    const answer = await mock.api('getTransfer', 'GET', '/api/v1/transfers/txr_123', { headers: ALPHA });
    expect(answer.json).toEqual({ error: { code: 'resource_not_found', message: "Transfer with id 'txr_123' was not found." } });
  });
});

describe('organizations and scopes on stored resources', () => {
  it('keeps each organization\'s resources to itself', async () => {
    const rule = await createRule();
    const read = await mock.api('getRule', 'GET', `/api/v1/rules/${rule.id}`, { headers: BETA });
    expect(read.status).toBe(404);
    expect((await listRules(BETA)).map(r => r.id)).toEqual([SEEDED_RULE]);
    // Each organization starts from the seed: org_beta's seeded rule is its own.
    await mock.api('deleteRule', 'DELETE', `/api/v1/rules/${SEEDED_RULE}`, { headers: BETA });
    expect((await mock.api('getRule', 'GET', `/api/v1/rules/${SEEDED_RULE}`, { headers: ALPHA })).status).toBe(200);
  });

  it('lets a key with READ_RULES for one rule read that rule as stored, and no other', async () => {
    await mock.api('updateRule', 'PUT', `/api/v1/rules/${SEEDED_RULE}`, { headers: ALPHA, body: REPLACE });
    const own = await mock.api('getRule', 'GET', `/api/v1/rules/${SEEDED_RULE}`, { headers: ALPHA_ONE_RULE });
    expect(own.status).toBe(200);
    expect(own.json.data.nickname).toBe(REPLACE.nickname);
    const rule = await createRule();
    const other = await mock.api('getRule', 'GET', `/api/v1/rules/${rule.id}`, { headers: ALPHA_ONE_RULE });
    expect(other.status).toBe(403);
    expect(other.json).toEqual(FORBIDDEN);
    // A rule id that does not exist is refused the same way: the key learns nothing about other rules.
    expect((await mock.api('getRule', 'GET', '/api/v1/rules/rule_123', { headers: ALPHA_ONE_RULE })).status).toBe(403);
  });

  it('lets a key read executions and transfers only through its own rules and accounts', async () => {
    const rule = await createRule();
    const { execution_id } = (await mock.api('triggerRule', 'POST', `/api/v1/rules/${rule.id}/trigger`, { headers: ALPHA })).json.data;
    expect((await mock.api('getRuleExecution', 'GET', `/api/v1/rule-executions/${execution_id}`, { headers: ALPHA_ONE_RULE })).status).toBe(403);

    const outside = (await mock.api('createTransfer', 'POST', '/api/v1/transfers', { headers: ALPHA, body: { ...TRANSFER, source_account_id: 'acc_01HABC4567' } })).json.data;
    expect((await mock.api('getTransfer', 'GET', `/api/v1/transfers/${outside.id}`, { headers: ALPHA_ONE_RULE })).status).toBe(403);
    const inside = (await mock.api('createTransfer', 'POST', '/api/v1/transfers', { headers: ALPHA, body: TRANSFER })).json.data;
    expect((await mock.api('getTransfer', 'GET', `/api/v1/transfers/${inside.id}`, { headers: ALPHA_ONE_RULE })).status).toBe(200);
  });

  it('stores nothing for a request it refuses with 403', async () => {
    const rule = await createRule();
    const trigger = await mock.api('triggerRule', 'POST', `/api/v1/rules/${rule.id}/trigger`, { headers: ALPHA_ONE_RULE });
    expect(trigger.status).toBe(403);
    const executions = await mock.api('listRuleExecutions', 'GET', `/api/v1/rule-executions?rule_id=${rule.id}`, { headers: ALPHA });
    expect(executions.json.data).toEqual([]);

    const aboveCap = await mock.api('createTransfer', 'POST', '/api/v1/transfers', { headers: ALPHA_ONE_RULE, body: { ...TRANSFER, amount_in_cents: 50001 } });
    expect(aboveCap.status).toBe(403);
    const withinCap = await mock.api('createTransfer', 'POST', '/api/v1/transfers', { headers: ALPHA_ONE_RULE, body: TRANSFER });
    expect(withinCap.status).toBe(202);
    const transfers = await mock.api('listTransfers', 'GET', '/api/v1/transfers?account_id=acc_01HSAV9999&origin=user', { headers: ALPHA });
    expect(transfers.json.data.map((t: { id: string }) => t.id)).toEqual([withinCap.json.data.id, 'txr_01HABC3333']);
  });
});
