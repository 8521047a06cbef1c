// Two mock instances on one PostgreSQL database, as behind a load balancer: what one creates the other
// reads and lists, an Idempotency-Key answered by one is replayed by the other, and the same request
// sent to both at once runs once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALPHA, SEEDED_RULE, exampleValue, seedValue, startStatefulMock, type StatefulTestMock } from '../stateful/harness.js';
import { usePostgres } from '../support/postgres.js';

const RULE = seedValue('000_createRule_request.json');
const TRANSFER = exampleValue('rules/transfer-create-request.yaml');
const PARALLEL = 200;

const postgres = usePostgres();
let instances: StatefulTestMock[] = [];
beforeAll(async () => {
  const storeUrl = await postgres.server().createDatabase('instances');
  instances = await Promise.all([startStatefulMock({ storeUrl }), startStatefulMock({ storeUrl })]);
});
afterAll(() => Promise.all(instances.map((instance) => instance.close())));

const [a, b] = [0, 1];
const on = (index: number) => instances[index];

describe('two mock instances on one PostgreSQL database', () => {
  it(`store ${PARALLEL} concurrent creates spread over both as ${PARALLEL} distinct rules, each read and listed on both`, async () => {
    const created = await Promise.all(
      Array.from({ length: PARALLEL }, (_, i) => on(i % 2).api('createRule', 'POST', '/api/v1/rules', { headers: ALPHA, body: { ...RULE, nickname: `Rule ${i}` } })),
    );
    expect(created.map((answer) => answer.status)).toEqual(Array(PARALLEL).fill(201));
    const ids = created.map((answer) => answer.json.data.id as string);
    expect(new Set(ids).size).toBe(PARALLEL);
    for (const index of [a, b]) {
      const reads = await Promise.all(ids.map((id) => on(index).api('getRule', 'GET', `/api/v1/rules/${id}`, { headers: ALPHA })));
      expect(reads.map((read) => read.json.data.nickname)).toEqual(created.map((answer) => answer.json.data.nickname));
      const listed = (await on(index).api('listRules', 'GET', '/api/v1/rules', { headers: ALPHA })).json.data.map((rule: { id: string }) => rule.id);
      expect(listed).toHaveLength(PARALLEL + 1);
      expect(new Set(listed)).toEqual(new Set([...ids, SEEDED_RULE]));
    }
  });

  it('replay on one instance the Idempotency-Key answer the other gave', async () => {
    const headers = { ...ALPHA, 'idempotency-key': 'instances-replay-1' };
    const first = await on(a).api('createRule', 'POST', '/api/v1/rules', { headers, body: RULE });
    const replayed = await on(b).api('createRule', 'POST', '/api/v1/rules', { headers, body: RULE });
    expect(replayed.status).toBe(201);
    expect(replayed.text).toBe(first.text);
    expect(replayed.headers['idempotent-replayed']).toBe('true');
    const mismatch = await on(b).call('POST', '/api/v1/rules', { headers, body: { ...RULE, nickname: 'Another' } });
    expect(mismatch.json.error.code).toBe('idempotency_key_mismatch');
  });

  it('run the same request sent to both at once (one Idempotency-Key) once', async () => {
    const headers = { ...ALPHA, 'idempotency-key': 'instances-concurrent-1' };
    const listTransfers = async () =>
      (await on(a).api('listTransfers', 'GET', '/api/v1/transfers?account_id=acc_01HSAV9999&origin=user&first=100', { headers: ALPHA })).json.data.map((transfer: { id: string }) => transfer.id);
    const before = await listTransfers();
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => on(i % 2).api('createTransfer', 'POST', '/api/v1/transfers', { headers, body: TRANSFER })));
    expect(new Set(answers.map((answer) => answer.text)).size).toBe(1);
    expect(answers.filter((answer) => answer.headers['idempotent-replayed'] === 'true')).toHaveLength(19);
    expect(await listTransfers()).toEqual([answers[0].json.data.id, ...before]);
  });

  it("forget, on both, what a reset on one forgets", async () => {
    const rule = (await on(a).api('createRule', 'POST', '/api/v1/rules', { headers: ALPHA, body: RULE })).json.data.id;
    expect((await on(b).call('GET', `/api/v1/rules/${rule}`, { headers: ALPHA })).status).toBe(200);
    expect((await on(b).call('POST', '/__mock/reset', { headers: ALPHA })).status).toBe(204);
    expect((await on(a).call('GET', `/api/v1/rules/${rule}`, { headers: ALPHA })).status).toBe(404);
  });
});
