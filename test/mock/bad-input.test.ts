// Hostile and careless input gets a clear 4xx in the owning service's envelope, never a 5xx: broken
// escapes, bodies nested beyond the limit, numbers JSON cannot mean, empty or oversized headers and
// query values, and an Idempotency-Key reused for another request.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, BEARER, exampleRequest, type SpecOperation } from './spec.js';
import { startTestMock, type TestMock } from './server.js';

let mock: TestMock;
beforeAll(async () => {
  mock = await startTestMock();
});
afterAll(() => mock?.close());

const op = (operationId: string): SpecOperation => mock.operations.find((candidate) => candidate.operationId === operationId)!;
const transfer = () => exampleRequest(op('createTransfer')).body as Record<string, unknown>;

describe('paths', () => {
  it('answers 404 in the Rules envelope for a path that is not valid percent-encoding', async () => {
    const answer = await mock.call('GET', '/api/v1/rules/%ZZ', { headers: ADMIN });
    expect(answer.status).toBe(404);
    expect(answer.json).toEqual({ error: { code: 'route_not_found', message: 'The path /api/v1/rules/%ZZ is not valid percent-encoding ("%ZZ"), so it names no resource.' } });
  });
});

describe('bodies', () => {
  it('refuses a body nested 100,000 deep with an Idempotency-Key: 400, not a stack overflow', async () => {
    const answer = await mock.call('POST', '/api/v1/transfers', {
      headers: { ...ADMIN, 'content-type': 'application/json', 'idempotency-key': 'deep-1' },
      rawBody: '['.repeat(100_000) + ']'.repeat(100_000),
    });
    expect(answer.status).toBe(400);
    expect(answer.json.error.details).toEqual([{ pointer: '', message: 'Arrays and objects may nest at most 64 levels deep.' }]);
  });

  it('refuses in its own envelope a number no client can mean (1e400 parses as Infinity)', async () => {
    const raw = JSON.stringify(transfer()).replace(/"amount_in_cents":\d+/, '"amount_in_cents":1e400');
    const rules = await mock.call('POST', '/api/v1/transfers', { headers: { ...ADMIN, 'content-type': 'application/json' }, rawBody: raw });
    expect(rules.status).toBe(400);
    expect(rules.json.error.details).toEqual([{ pointer: '/amount_in_cents', message: 'Must be a finite number: this one is too large to represent.' }]);
    const comms = await mock.call('POST', '/v1/sequences', { headers: { ...BEARER, 'content-type': 'application/json' }, rawBody: '{"brand_id":"b","name":"n","steps":[{"position":-1e999,"channel":"sms","template_key":"t","delay_minutes":0}]}' });
    expect(comms.status).toBe(422);
    expect(comms.json.details).toEqual([{ pointer: '/steps/0/position', message: 'Must be a finite number: this one is too large to represent.' }]);
  });
});

describe('headers and query values the contract bounds', () => {
  it.each([
    ['an empty X-Request-ID', { 'x-request-id': '' }, '/X-Request-ID'],
    ['an X-Request-ID of 201 characters', { 'x-request-id': 'r'.repeat(201) }, '/X-Request-ID'],
  ])('refuses %s: 400 naming the header, answered with a request id of its own', async (_name, headers, pointer) => {
    const answer = await mock.call('GET', '/api/v1/rules', { headers: { ...ADMIN, ...headers } });
    expect(answer.status).toBe(400);
    expect(answer.json.error.details).toEqual([expect.objectContaining({ in: 'header', pointer })]);
    expect(answer.headers['x-request-id']).toMatch(/^req_[0-9A-HJKMNP-TV-Z]{26}$/);
  });

  it('echoes an X-Request-ID of 200 characters in the header and in request_id', async () => {
    const id = 'r'.repeat(200);
    const answer = await mock.call('GET', '/api/v1/rules', { headers: { ...ADMIN, 'x-request-id': id } });
    expect(answer.status).toBe(200);
    expect(answer.headers['x-request-id']).toBe(id);
    expect(answer.json.request_id).toBe(id);
  });

  it('refuses an empty Idempotency-Key instead of silently turning idempotency off', async () => {
    const answer = await mock.call('POST', '/api/v1/transfers', { headers: { ...ADMIN, 'idempotency-key': '' }, body: transfer() });
    expect(answer.status).toBe(400);
    expect(answer.json.error.details).toEqual([expect.objectContaining({ in: 'header', pointer: '/Idempotency-Key' })]);
  });

  it.each([
    ['/api/v1/transfers?account_id=acc_01HDEF0123&after=', ADMIN, '/after'],
    ['/api/v1/sequences?search=', BEARER, '/search'],
  ])('refuses an empty query value: %s', async (path, headers, pointer) => {
    const answer = await mock.call('GET', path, { headers });
    expect(answer.status).toBe(400);
    const details = path.startsWith('/api/v1/sequences') ? answer.json.details : answer.json.error.details;
    expect(details).toEqual([expect.objectContaining({ in: 'query', pointer })]);
  });
});

describe('Idempotency-Key reused for another request', () => {
  it('says that the path differs when only the path does', async () => {
    const body = exampleRequest(op('updateRule')).body;
    const headers = { ...ADMIN, 'idempotency-key': 'reused-on-two-rules' };
    expect((await mock.call('PUT', '/api/v1/rules/rule_01HXYZ1234', { headers, body })).status).toBe(200);
    const other = await mock.call('PUT', '/api/v1/rules/rule_01HOTHER000', { headers, body });
    expect(other.status).toBe(400);
    expect(other.json).toEqual({ error: { code: 'idempotency_key_mismatch', message: 'This Idempotency-Key was already used with a different path.' } });
  });
});
