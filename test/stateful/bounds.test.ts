// The bounds of stateful mode over HTTP: past each one the change is refused whole, in the owning
// service's envelope, with a sentence and an X-Mock-Reason; reads never create a space; and bodies the
// parse stage refuses (nested too deep, a number too large) never reach the store.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ALPHA, SEEDED_RULE, exampleValue, seedValue, startStatefulMock, type StatefulTestMock } from './harness.js';

const RULE = seedValue('000_createRule_request.json');
const EMAIL_SEQUENCE = seedValue('003_createEmailSequence_request_2.json');
const COMMS_SEQUENCE = exampleValue('comms/create-sequence-request-minimal.yaml');
const TRANSFER = exampleValue('rules/transfer-create-request.yaml');
const BOUNDS = { maxSpaces: 3, maxResources: 4, maxResourceBytes: 6000 };
const ADMIN = { authorization: 'Bearer bounds-admin' };
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

let mock: StatefulTestMock;
beforeAll(async () => {
  mock = await startStatefulMock({ bounds: BOUNDS, adminToken: 'bounds-admin' });
});
afterAll(() => mock?.close());
beforeEach(() => mock.reset());

const ruleIds = async () => (await mock.api('listRules', 'GET', '/api/v1/rules', { headers: ALPHA })).json.data.map((rule: { id: string }) => rule.id);

describe('resources per caller space and kind', () => {
  it('refuses the rule past the bound with 507 in the Rules envelope, and stores nothing of it', async () => {
    // The seeded rule counts: three more make four.
    for (let i = 0; i < 3; i++) expect((await mock.api('createRule', 'POST', '/api/v1/rules', { headers: ALPHA, body: RULE })).status).toBe(201);
    const refused = await mock.call('POST', '/api/v1/rules', { headers: ALPHA, body: RULE });
    expect(refused.status).toBe(507);
    expect(refused.json).toEqual({
      error: {
        code: 'too_many_resources',
        message: 'This mock stores at most 4 rules per organization: reset its space (POST /__mock/reset) or start the mock with a larger --max-resources.',
      },
    });
    expect(refused.headers['x-mock-reason']).toBe('mock-only bound: at most 4 rules per caller space (--max-resources)');
    expect(refused.headers['x-request-id']).toMatch(/^req_/);
    expect(await ruleIds()).toHaveLength(4);
    // Replacing a stored rule adds none, so it is still allowed.
    expect((await mock.api('updateRule', 'PUT', `/api/v1/rules/${SEEDED_RULE}`, { headers: ALPHA, body: seedValue('001_updateRule_request.json') })).status).toBe(200);
  });

  it("answers in the Sequences and Comms services' own envelopes", async () => {
    const token = bearer('bounds_envelopes');
    // Two sequences of each kind are seeded.
    for (let i = 0; i < 2; i++) {
      await mock.api('createEmailSequence', 'POST', '/api/v1/sequences', { headers: token, body: EMAIL_SEQUENCE });
      await mock.api('createCommsSequence', 'POST', '/v1/sequences', { headers: token, body: COMMS_SEQUENCE });
    }
    const sequences = await mock.call('POST', '/api/v1/sequences', { headers: token, body: EMAIL_SEQUENCE });
    expect(sequences.status).toBe(507);
    expect(sequences.json).toEqual({ success: false, error: expect.stringMatching(/^This mock stores at most 4 sequences per bearer token: /), code: 'too_many_resources' });
    const comms = await mock.call('POST', '/v1/sequences', { headers: token, body: COMMS_SEQUENCE });
    expect(comms.status).toBe(507);
    expect(comms.json).toEqual({ error: 'too_many_resources', message: expect.stringMatching(/^This mock stores at most 4 sequences per bearer token: /) });
  });
});

describe('the size of a stored resource', () => {
  it('refuses a larger one with 413, naming its size and the bound, and stores nothing', async () => {
    const token = bearer('bounds_size');
    const large = { ...EMAIL_SEQUENCE, steps: [{ subject: 'Large', html: `<p>${'x'.repeat(7000)}</p>` }] };
    const refused = await mock.call('POST', '/api/v1/sequences', { headers: token, body: large });
    expect(refused.status).toBe(413);
    expect(refused.json).toMatchObject({ success: false, code: 'resource_too_large' });
    expect(refused.json.error).toMatch(/^This change would store \d+ bytes in one of the sequences; this mock stores at most 6000 bytes per resource \(--max-resource-bytes\)\.$/);
    expect(refused.headers['x-mock-reason']).toBe('mock-only bound: at most 6000 bytes per stored resource (--max-resource-bytes)');
    const listed = await mock.api('listEmailSequences', 'GET', '/api/v1/sequences', { headers: token });
    expect(listed.json.pagination.total).toBe(2);
  });
});

describe('caller spaces per store', () => {
  it('are created by writes only: many callers reading leave room for the ones that write', async () => {
    for (let i = 0; i < 50; i++) expect((await mock.api('listEmailSequences', 'GET', '/api/v1/sequences', { headers: bearer(`reader_${i}`) })).status).toBe(200);
    for (let i = 0; i < 3; i++) expect((await mock.call('POST', '/v1/sequences', { headers: bearer(`writer_${i}`), body: COMMS_SEQUENCE })).status).toBe(201);
    const refused = await mock.call('POST', '/v1/sequences', { headers: bearer('writer_3'), body: COMMS_SEQUENCE });
    expect(refused.status).toBe(507);
    expect(refused.json).toEqual({ error: 'too_many_spaces', message: expect.stringMatching(/^This mock stores at most 3 caller spaces .*: an admin can reset them \(POST \/__mock\/reset\?all=true\)/) });
    expect(refused.headers['x-mock-reason']).toBe('mock-only bound: at most 3 caller spaces per store (--max-spaces)');
    // A caller whose space exists still writes; after a reset of everything, the new caller does too.
    expect((await mock.call('POST', '/v1/sequences', { headers: bearer('writer_0'), body: COMMS_SEQUENCE })).status).toBe(201);
    expect((await mock.call('POST', '/__mock/reset?all=true', { headers: ADMIN })).status).toBe(204);
    expect((await mock.call('POST', '/v1/sequences', { headers: bearer('writer_3'), body: COMMS_SEQUENCE })).status).toBe(201);
  });
});

describe('bodies the parse stage refuses never reach the store', () => {
  it('a 6 KB body nested 3,000 levels deep: 400 (Sequences) and 422 (Comms), nothing stored', async () => {
    const token = bearer('bounds_deep');
    const deep = `{"name":"Deep","trigger":"contact_added","steps":[{"subject":"Deep","blocks":${'['.repeat(3000)}${']'.repeat(3000)}}]}`;
    expect(deep.length).toBeGreaterThan(6000);
    const sequences = await mock.call('POST', '/api/v1/sequences', { headers: { ...token, 'content-type': 'application/json' }, rawBody: deep });
    expect(sequences.status).toBe(400);
    expect(sequences.json.details).toEqual([{ pointer: '', message: 'Arrays and objects may nest at most 64 levels deep.' }]);
    const comms = await mock.call('POST', '/v1/sequences', { headers: { ...token, 'content-type': 'application/json' }, rawBody: deep });
    expect(comms.status).toBe(422);
    expect((await mock.api('listEmailSequences', 'GET', '/api/v1/sequences', { headers: token })).json.pagination.total).toBe(2);
  });

  it('amount_in_cents: 1e400 is refused as not finite (400), and no transfer is stored', async () => {
    const before = await mock.api('listTransfers', 'GET', '/api/v1/transfers?account_id=acc_01HSAV9999', { headers: ALPHA });
    const body = JSON.stringify(TRANSFER).replace('"amount_in_cents":25000', '"amount_in_cents":1e400');
    const refused = await mock.call('POST', '/api/v1/transfers', { headers: { ...ALPHA, 'content-type': 'application/json' }, rawBody: body });
    expect(refused.status).toBe(400);
    expect(refused.json.error.details).toEqual([{ pointer: '/amount_in_cents', message: 'Must be a finite number: this one is too large to represent.' }]);
    const after = await mock.api('listTransfers', 'GET', '/api/v1/transfers?account_id=acc_01HSAV9999', { headers: ALPHA });
    expect(after.text.replace(/req_\w+/, '')).toBe(before.text.replace(/req_\w+/, ''));
  });
});
