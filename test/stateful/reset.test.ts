// POST /__mock/reset needs credentials and forgets the caller's own: an API key's organization (and
// the Idempotency-Key answers of that organization's keys), a bearer token's spaces (and its
// answers). Forgetting everything needs ?all=true and the admin token given at start.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ALPHA, ALPHA_ONE_RULE, BETA, SEEDED_RULE, exampleValue, seedValue, startStatefulMock, type StatefulTestMock } from './harness.js';

const RULE = seedValue('000_createRule_request.json');
const EMAIL_SEQUENCE = seedValue('003_createEmailSequence_request_2.json');
const COMMS_SEQUENCE = exampleValue('comms/create-sequence-request-minimal.yaml');
const TOKEN_A = { authorization: 'Bearer reset_token_a' };
const TOKEN_B = { authorization: 'Bearer reset_token_b' };
const ADMIN_TOKEN = 'admin-token-for-tests';

let mock: StatefulTestMock;
let withoutAdmin: StatefulTestMock;
beforeAll(async () => {
  [mock, withoutAdmin] = await Promise.all([startStatefulMock({ adminToken: ADMIN_TOKEN }), startStatefulMock()]);
});
afterAll(() => Promise.all([mock?.close(), withoutAdmin?.close()]));
beforeEach(() => mock.reset());

const createRule = async (headers: Record<string, string>) => (await mock.api('createRule', 'POST', '/api/v1/rules', { headers, body: RULE })).json.data.id as string;
const ruleIds = async (headers: Record<string, string>) => (await mock.api('listRules', 'GET', '/api/v1/rules', { headers })).json.data.map((rule: { id: string }) => rule.id);
const createSequences = async (headers: Record<string, string>) => ({
  email: (await mock.api('createEmailSequence', 'POST', '/api/v1/sequences', { headers, body: EMAIL_SEQUENCE })).json.sequence.id as string,
  comms: (await mock.api('createCommsSequence', 'POST', '/v1/sequences', { headers, body: COMMS_SEQUENCE })).json.id as string,
});
const status = async (path: string, headers: Record<string, string>) => (await mock.call('GET', path, { headers })).status;

describe('POST /__mock/reset', () => {
  it('answers 401 without credentials, in the Rules envelope with both challenges, and forgets nothing', async () => {
    const rule = await createRule(ALPHA);
    const refused = await mock.call('POST', '/__mock/reset');
    expect(refused.status).toBe(401);
    expect(refused.json).toEqual({ error: { code: 'unauthorized', message: expect.stringMatching(/^POST \/__mock\/reset needs credentials: Authorization: ApiKey <key> .* Bearer <token> /) } });
    expect(refused.headers['www-authenticate']).toBe('ApiKey, Bearer');
    expect(refused.headers['x-mock-reason']).toMatch(/expected "Authorization: ApiKey <key>" or "Authorization: Bearer <token>"/);
    const unknownKey = await mock.call('POST', '/__mock/reset', { headers: { authorization: 'ApiKey nobody' } });
    expect(unknownKey.status).toBe(401);
    expect(unknownKey.headers['x-mock-reason']).toBe('no key "nobody" in the keys file');
    expect(await ruleIds(ALPHA)).toContain(rule);
  });

  it('can be called from a browser page: its preflight allows POST with Authorization, and the answer carries CORS headers', async () => {
    const origin = 'http://127.0.0.1:5173';
    const preflight = await mock.call('OPTIONS', '/__mock/reset', { headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization' } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-methods']).toContain('POST');
    expect(preflight.headers['access-control-allow-headers']).toBe('authorization');
    const reset = await mock.call('POST', '/__mock/reset', { headers: { ...TOKEN_A, origin } });
    expect(reset.status).toBe(204);
    expect(reset.headers['access-control-allow-origin']).toBe(origin);
  });

  it('with an API key forgets its organization, for every key of it, and no other organization', async () => {
    const [alphaRule, betaRule] = [await createRule(ALPHA), await createRule(BETA)];
    const reset = await mock.call('POST', '/__mock/reset', { headers: ALPHA_ONE_RULE });
    expect(reset.status).toBe(204);
    expect(await ruleIds(ALPHA)).toEqual([SEEDED_RULE]);
    expect(await ruleIds(BETA)).toEqual([betaRule, SEEDED_RULE]);
    expect(alphaRule).not.toBe(betaRule);
  });

  it("with an API key forgets the Idempotency-Key answers of its organization's keys, not of others", async () => {
    const key = { 'idempotency-key': 'reset-idem-1' };
    const alphaFirst = await mock.api('createRule', 'POST', '/api/v1/rules', { headers: { ...ALPHA, ...key }, body: RULE });
    const betaFirst = await mock.api('createRule', 'POST', '/api/v1/rules', { headers: { ...BETA, ...key }, body: RULE });
    await mock.call('POST', '/__mock/reset', { headers: ALPHA_ONE_RULE });
    const alphaAgain = await mock.api('createRule', 'POST', '/api/v1/rules', { headers: { ...ALPHA, ...key }, body: RULE });
    expect(alphaAgain.headers['idempotent-replayed']).toBeUndefined();
    expect(alphaAgain.json.data.id).not.toBe(alphaFirst.json.data.id);
    const betaAgain = await mock.api('createRule', 'POST', '/api/v1/rules', { headers: { ...BETA, ...key }, body: RULE });
    expect(betaAgain.headers['idempotent-replayed']).toBe('true');
    expect(betaAgain.text).toBe(betaFirst.text);
  });

  it("with a bearer token forgets that token's Sequences and Comms spaces, and no other token's", async () => {
    const a = await createSequences(TOKEN_A);
    const b = await createSequences(TOKEN_B);
    expect((await mock.call('POST', '/__mock/reset', { headers: TOKEN_A })).status).toBe(204);
    expect(await status(`/api/v1/sequences/${a.email}`, TOKEN_A)).toBe(404);
    expect(await status(`/v1/sequences/${a.comms}`, TOKEN_A)).toBe(404);
    expect(await status(`/api/v1/sequences/${b.email}`, TOKEN_B)).toBe(200);
    expect(await status(`/v1/sequences/${b.comms}`, TOKEN_B)).toBe(200);
  });

  it('with ?all=true and the admin token forgets every space and every answer', async () => {
    const rule = await createRule(ALPHA);
    const sequences = await createSequences(TOKEN_A);
    const reset = await mock.call('POST', '/__mock/reset?all=true', { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    expect(reset.status).toBe(204);
    expect(await ruleIds(ALPHA)).toEqual([SEEDED_RULE]);
    expect(await ruleIds(ALPHA)).not.toContain(rule);
    expect(await status(`/v1/sequences/${sequences.comms}`, TOKEN_A)).toBe(404);
  });

  it('with ?all=true refuses (403) any other credentials, and a mock started without --admin-token always', async () => {
    const rule = await createRule(ALPHA);
    for (const headers of [ALPHA, { authorization: 'Bearer not-the-admin-token' }]) {
      const refused = await mock.call('POST', '/__mock/reset?all=true', { headers });
      expect(refused.status).toBe(403);
      expect(refused.json.error).toEqual({ code: 'forbidden', message: 'Resetting every space (?all=true) needs Authorization: Bearer <the token given with --admin-token>.' });
      expect(refused.headers['x-mock-reason']).toBe('not the admin token');
    }
    expect(await ruleIds(ALPHA)).toContain(rule);
    const never = await withoutAdmin.call('POST', '/__mock/reset?all=true', { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    expect(never.status).toBe(403);
    expect(never.json.error.message).toMatch(/^This mock was started without --admin-token/);
  });
});
