// Many clients at once, and clients that retry: parallel creates each store one resource, and a
// replayed Idempotency-Key stores nothing more, in stateful mode as without it.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ALPHA, exampleValue, seedValue, startStatefulMock, type StatefulTestMock } from './harness.js';

const RULE = seedValue('000_createRule_request.json');
const EMAIL_SEQUENCE = seedValue('003_createEmailSequence_request_2.json');
const COMMS_SEQUENCE = exampleValue('comms/create-sequence-request-minimal.yaml');
const TRANSFER = exampleValue('rules/transfer-create-request.yaml');
const BEARER = { authorization: 'Bearer concurrency_test' };
const PARALLEL = 200;

let mock: StatefulTestMock;
beforeAll(async () => {
  mock = await startStatefulMock();
});
afterAll(() => mock?.close());
beforeEach(() => mock.reset());

const times = <T>(count: number, make: (index: number) => Promise<T>) => Promise.all(Array.from({ length: count }, (_, index) => make(index)));

describe(`${PARALLEL} parallel creates`, () => {
  it('store as many distinct rules, all listed', async () => {
    const created = await times(PARALLEL, i => mock.api('createRule', 'POST', '/api/v1/rules', { headers: ALPHA, body: { ...RULE, nickname: `Rule ${i}` } }));
    expect(created.every(answer => answer.status === 201)).toBe(true);
    const ids = new Set(created.map(answer => answer.json.data.id));
    expect(ids.size).toBe(PARALLEL);
    const listed = (await mock.api('listRules', 'GET', '/api/v1/rules', { headers: ALPHA })).json.data.map((rule: { id: string }) => rule.id);
    expect(listed).toHaveLength(PARALLEL + 1);
    expect(listed).toEqual(expect.arrayContaining([...ids]));
  });

  it('store as many distinct email sequences, all listed page by page', async () => {
    const created = await times(PARALLEL, i => mock.api('createEmailSequence', 'POST', '/api/v1/sequences', { headers: BEARER, body: { ...EMAIL_SEQUENCE, name: `Sequence ${i}` } }));
    const ids = new Set(created.map(answer => answer.json.sequence.id));
    expect(ids.size).toBe(PARALLEL);
    const listed: string[] = [];
    for (let offset = 0; ; offset += 100) {
      const page = (await mock.api('listEmailSequences', 'GET', `/api/v1/sequences?limit=100&offset=${offset}`, { headers: BEARER })).json;
      listed.push(...page.sequences.map((sequence: { id: string }) => sequence.id));
      if (!page.pagination.hasMore) break;
    }
    expect(new Set(listed).size).toBe(PARALLEL + 2);
    expect(listed).toEqual(expect.arrayContaining([...ids]));
  });

  it('store as many distinct comms sequences, each read back', async () => {
    const created = await times(PARALLEL, () => mock.api('createCommsSequence', 'POST', '/v1/sequences', { headers: BEARER, body: COMMS_SEQUENCE }));
    const ids = [...new Set(created.map(answer => answer.json.id))];
    expect(ids).toHaveLength(PARALLEL);
    const read = await times(PARALLEL, i => mock.api('getCommsSequence', 'GET', `/v1/sequences/${ids[i]}`, { headers: BEARER }));
    expect(read.map(answer => answer.json.id)).toEqual(ids);
  });
});

describe('a replayed Idempotency-Key', () => {
  it('creates one rule, and replays the first answer', async () => {
    const headers = { ...ALPHA, 'idempotency-key': 'idem-rule-1' };
    const first = await mock.api('createRule', 'POST', '/api/v1/rules', { headers, body: RULE });
    const again = await mock.api('createRule', 'POST', '/api/v1/rules', { headers, body: RULE });
    expect(again.text).toBe(first.text);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect((await mock.api('listRules', 'GET', '/api/v1/rules', { headers: ALPHA })).json.data).toHaveLength(2);
  });

  it('creates one resource when the same request arrives many times at once', async () => {
    const headers = { ...ALPHA, 'idempotency-key': 'idem-transfer-1' };
    const answers = await times(20, () => mock.api('createTransfer', 'POST', '/api/v1/transfers', { headers, body: TRANSFER }));
    expect(new Set(answers.map(answer => answer.text)).size).toBe(1);
    const listed = await mock.api('listTransfers', 'GET', '/api/v1/transfers?account_id=acc_01HSAV9999&origin=user', { headers: ALPHA });
    expect(listed.json.data.map((transfer: { id: string }) => transfer.id)).toEqual([answers[0].json.data.id, 'txr_01HABC3333']);
  });

  it('creates one rule execution when a trigger is retried', async () => {
    const headers = { ...ALPHA, 'idempotency-key': 'idem-trigger-1' };
    await mock.api('triggerRule', 'POST', '/api/v1/rules/rule_01HXYZ1234/trigger', { headers });
    await mock.api('triggerRule', 'POST', '/api/v1/rules/rule_01HXYZ1234/trigger', { headers });
    const listed = await mock.api('listRuleExecutions', 'GET', '/api/v1/rule-executions?rule_id=rule_01HXYZ1234&trigger_type=manual&status=executed', { headers: ALPHA });
    expect(listed.json.data).toHaveLength(1);
  });

  it('with a different body is refused, and stores nothing', async () => {
    const headers = { ...ALPHA, 'idempotency-key': 'idem-rule-2' };
    await mock.api('createRule', 'POST', '/api/v1/rules', { headers, body: RULE });
    const other = await mock.api('createRule', 'POST', '/api/v1/rules', { headers, body: { ...RULE, nickname: 'Another' } });
    expect(other.status).toBe(400);
    expect(other.json.error.code).toBe('idempotency_key_mismatch');
    expect((await mock.api('listRules', 'GET', '/api/v1/rules', { headers: ALPHA })).json.data).toHaveLength(2);
  });

  it('is forgotten by a reset, with the state it created', async () => {
    const headers = { ...ALPHA, 'idempotency-key': 'idem-rule-3' };
    const first = await mock.api('createRule', 'POST', '/api/v1/rules', { headers, body: RULE });
    const reset = await mock.call('POST', '/__mock/reset', { headers: ALPHA });
    expect(reset.status).toBe(204);
    const after = await mock.api('createRule', 'POST', '/api/v1/rules', { headers, body: RULE });
    expect(after.headers['idempotent-replayed']).toBeUndefined();
    expect(after.json.data.id).not.toBe(first.json.data.id);
    const ids = (await mock.api('listRules', 'GET', '/api/v1/rules', { headers: ALPHA })).json.data.map((rule: { id: string }) => rule.id);
    expect(ids).toEqual([after.json.data.id, 'rule_01HXYZ1234']);
  });
});
