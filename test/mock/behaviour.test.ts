// Request ids, idempotent replays, the services' own errors for bad input, CORS and Prefer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleRequest, type Service, type SpecOperation, ADMIN, BEARER, authFor } from './spec.js';
import { startTestMock, type TestMock } from './server.js';

let mock: TestMock;
let now = Date.UTC(2025, 0, 1);
beforeAll(async () => {
  mock = await startTestMock({ clock: () => now });
});
afterAll(() => mock?.close());

const op = (operationId: string): SpecOperation => {
  const found = mock.operations.find(o => o.operationId === operationId);
  if (!found) throw new Error(`the spec has no ${operationId}`);
  return found;
};

/** One operation with a JSON body per service, for the bad-input checks. */
const BODY_OPERATIONS: Record<Service, string> = { rules: 'createRule', sequences: 'createEmailSequence', comms: 'createCommsSequence' };
const VALIDATION_STATUS: Record<Service, number> = { rules: 400, sequences: 400, comms: 422 };

function send(operation: SpecOperation, extra: { headers?: Record<string, string>; body?: unknown; rawBody?: string; path?: string } = {}) {
  const request = exampleRequest(operation);
  return mock.call(request.method, extra.path ?? request.path, {
    headers: { ...authFor(operation.auth), ...request.headers, ...extra.headers },
    ...(extra.rawBody !== undefined ? { rawBody: extra.rawBody } : { body: extra.body ?? request.body }),
  });
}

/** The `details` of an error body in any service's envelope. */
function detailsOf(service: Service, body: any): Array<{ pointer: string; message: string }> {
  return service === 'rules' ? body.error.details : body.details;
}

/** A required property of each body operation's example, to leave out. */
const REQUIRED_PROPERTY: Record<Service, string> = { rules: 'trigger', sequences: 'name', comms: 'brand_id' };

/** The `code` of an error body in any service's envelope. */
function codeOf(service: Service, body: any): string {
  return service === 'rules' ? body.error.code : service === 'sequences' ? body.code : body.error;
}

describe('X-Request-ID', () => {
  it('echoes the client request id in the header and in the Rules request_id', async () => {
    const answer = await send(op('getRule'), { headers: { 'x-request-id': 'req_client_given_1' } });
    expect(answer.status).toBe(200);
    expect(answer.headers['x-request-id']).toBe('req_client_given_1');
    expect(answer.json.request_id).toBe('req_client_given_1');
  });

  it('generates a req_ + ULID id when the client sends none, different for each request', async () => {
    const first = await send(op('getRule'));
    const second = await send(op('getRule'));
    expect(first.headers['x-request-id']).toMatch(/^req_[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(first.json.request_id).toBe(first.headers['x-request-id']);
    expect(second.headers['x-request-id']).not.toBe(first.headers['x-request-id']);
  });

  it('carries the request id on errors, and on the other services', async () => {
    const denied = await mock.call('GET', '/api/v1/rules', { headers: { 'x-request-id': 'req_on_error' } });
    expect(denied.status).toBe(401);
    expect(denied.headers['x-request-id']).toBe('req_on_error');
    const comms = await send(op('getCommsSequence'), { headers: { 'x-request-id': 'req_comms' } });
    expect(comms.headers['x-request-id']).toBe('req_comms');
  });
});

describe('Idempotency-Key', () => {
  it('replays the first answer exactly for the same key and body', async () => {
    const headers = { 'idempotency-key': 'idem-replay-1' };
    const first = await send(op('createTransfer'), { headers });
    const again = await send(op('createTransfer'), { headers: { ...headers, 'x-request-id': 'req_other' } });
    expect(first.status).toBeLessThan(300);
    expect(again.status).toBe(first.status);
    expect(again.text).toBe(first.text);
    for (const name of ['content-type', 'x-request-id', 'content-length']) expect(again.headers[name]).toBe(first.headers[name]);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(first.headers['idempotent-replayed']).toBeUndefined();
  });

  it('treats the same JSON with its properties in another order as the same body', async () => {
    const body = exampleRequest(op('createTransfer')).body as Record<string, unknown>;
    const reversed = Object.fromEntries(Object.entries(body).reverse());
    const first = await send(op('createTransfer'), { headers: { 'idempotency-key': 'idem-order' }, body });
    const again = await send(op('createTransfer'), { headers: { 'idempotency-key': 'idem-order' }, body: reversed });
    expect(again.text).toBe(first.text);
  });

  it('refuses the same key with a different body: 400 idempotency_key_mismatch in the Rules envelope', async () => {
    const body = exampleRequest(op('createTransfer')).body as Record<string, unknown>;
    await send(op('createTransfer'), { headers: { 'idempotency-key': 'idem-mismatch' }, body });
    const changed = await send(op('createTransfer'), { headers: { 'idempotency-key': 'idem-mismatch' }, body: { ...body, amount_in_cents: 1 } });
    expect(changed.status).toBe(400);
    expect(changed.json.error.code).toBe('idempotency_key_mismatch');
    expect(mock.conformance.response(op('createTransfer'), 400, changed.json)).toEqual([]);
  });

  it('keeps keys per API key: another key with the same Idempotency-Key is a new request', async () => {
    const first = await send(op('getRule'), {});
    expect(first.status).toBe(200);
    const a = await send(op('createTransfer'), { headers: { 'idempotency-key': 'idem-per-key' } });
    const b = await send(op('createTransfer'), { headers: { 'idempotency-key': 'idem-per-key', authorization: 'ApiKey demo_transfers' } });
    expect(a.status).toBeLessThan(300);
    expect(b.status).toBeLessThan(300);
    expect(b.headers['idempotent-replayed']).toBeUndefined();
    expect(b.headers['x-request-id']).not.toBe(a.headers['x-request-id']);
  });

  it('does not remember refused requests: a fixed body may reuse the key', async () => {
    const body = exampleRequest(op('createTransfer')).body as Record<string, unknown>;
    const invalid = await send(op('createTransfer'), { headers: { 'idempotency-key': 'idem-after-400' }, body: { ...body, amount_in_cents: 'ten' } });
    expect(invalid.status).toBe(400);
    const valid = await send(op('createTransfer'), { headers: { 'idempotency-key': 'idem-after-400' }, body });
    expect(valid.status).toBeLessThan(300);
  });

  it('replays concurrent duplicates from one execution', async () => {
    const answers = await Promise.all(Array.from({ length: 10 }, () => send(op('createTransfer'), { headers: { 'idempotency-key': 'idem-concurrent' } })));
    expect(new Set(answers.map(a => a.headers['x-request-id'])).size).toBe(1);
    expect(answers.filter(a => a.headers['idempotent-replayed'] !== 'true')).toHaveLength(1);
  });

  it('forgets a key after 24 hours', async () => {
    const first = await send(op('createTransfer'), { headers: { 'idempotency-key': 'idem-expiry' } });
    now += 24 * 60 * 60 * 1000 + 1;
    const later = await send(op('createTransfer'), { headers: { 'idempotency-key': 'idem-expiry' } });
    expect(later.headers['idempotent-replayed']).toBeUndefined();
    expect(later.headers['x-request-id']).not.toBe(first.headers['x-request-id']);
  });

  it('ignores Idempotency-Key on operations that do not declare it', async () => {
    const a = await send(op('getRule'), { headers: { 'idempotency-key': 'idem-get' } });
    const b = await send(op('getRule'), { headers: { 'idempotency-key': 'idem-get' } });
    expect(b.headers['x-request-id']).not.toBe(a.headers['x-request-id']);
  });
});

describe.each(Object.entries(BODY_OPERATIONS) as Array<[Service, string]>)('bad input to the %s service', (service, operationId) => {
  const status = VALIDATION_STATUS[service];

  it(`answers ${status} validation_error with the validators' details for an invalid body`, async () => {
    const body = { ...(exampleRequest(op(operationId)).body as Record<string, unknown>), name: 42, nickname: 42 };
    const answer = await send(op(operationId), { body });
    expect(answer.status, answer.text).toBe(status);
    expect(codeOf(service, answer.json)).toBe('validation_error');
    const property = service === 'rules' ? 'nickname' : 'name';
    expect(detailsOf(service, answer.json)).toContainEqual({ pointer: `/${property}`, message: expect.stringMatching(/^Expected .*, got the integer 42\.$/) });
    expect(mock.conformance.response(op(operationId), status, answer.json)).toEqual([]);
  });

  it(`answers ${status} with the missing property's pointer`, async () => {
    const body = { ...(exampleRequest(op(operationId)).body as Record<string, unknown>) };
    const missing = REQUIRED_PROPERTY[service];
    expect(body).toHaveProperty(missing);
    delete body[missing];
    const answer = await send(op(operationId), { body });
    expect(answer.status).toBe(status);
    expect(detailsOf(service, answer.json)).toContainEqual(expect.objectContaining({ pointer: `/${missing}` }));
  });

  it(`answers ${status} for malformed JSON`, async () => {
    const answer = await send(op(operationId), { rawBody: '{"name": ', headers: { 'content-type': 'application/json' } });
    expect(answer.status).toBe(status);
    expect(codeOf(service, answer.json)).toBe('validation_error');
    expect(detailsOf(service, answer.json)[0].pointer).toBe('');
    expect(mock.conformance.response(op(operationId), status, answer.json)).toEqual([]);
  });

  it('answers 415 in the service envelope for a wrong content type', async () => {
    const answer = await send(op(operationId), { rawBody: 'name=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(answer.status).toBe(415);
    expect(codeOf(service, answer.json)).toBe('unsupported_media_type');
    expect(answer.headers['content-type']).toMatch(/^application\/json/);
    expect(mock.conformance.serviceError(service, answer.json)).toEqual([]);
  });

  it('answers 405 in the service envelope, with Allow, for a method the path does not take', async () => {
    const path = exampleRequest(op(operationId)).path;
    const answer = await mock.call('PATCH', path, { headers: authFor(op(operationId).auth) });
    expect(answer.status).toBe(405);
    expect(codeOf(service, answer.json)).toBe('method_not_allowed');
    expect(answer.headers.allow).toContain(op(operationId).method);
    expect(mock.conformance.serviceError(service, answer.json)).toEqual([]);
  });

  it('answers 404 route_not_found in the envelope of the service owning the path', async () => {
    const path = `${op(operationId).path.split('/{')[0]}/no/such/route`;
    const answer = await mock.call('GET', path, { headers: authFor(op(operationId).auth) });
    expect(answer.status).toBe(404);
    expect(codeOf(service, answer.json)).toBe('route_not_found');
    expect(answer.headers['content-type']).not.toContain('problem');
    expect(mock.conformance.serviceError(service, answer.json)).toEqual([]);
  });
});

describe('bad parameters', () => {
  it('answers 400 pointing at the query parameter when a required filter is missing', async () => {
    const answer = await mock.call('GET', '/api/v1/transfers', { headers: ADMIN });
    expect(answer.status).toBe(400);
    expect(answer.json.error.code).toBe('validation_error');
    expect(answer.json.error.details).toContainEqual({ in: 'query', pointer: '/account_id', message: 'Required query parameter "account_id" is missing.' });
  });

  it('answers 400 pointing at the query parameter for a value outside its enum', async () => {
    const answer = await mock.call('GET', '/api/v1/accounts?type=piggy_bank', { headers: ADMIN });
    expect(answer.status).toBe(400);
    expect(answer.json.error.details).toContainEqual(expect.objectContaining({ in: 'query', pointer: '/type' }));
  });

  it('answers 404 in the Rules envelope for a path outside every service', async () => {
    const answer = await mock.call('GET', '/nothing/here');
    expect(answer.status).toBe(404);
    expect(answer.json.error.code).toBe('route_not_found');
  });

  it('answers 415 to a body on an operation that takes none', async () => {
    const answer = await mock.call('GET', '/api/v1/rules', { headers: ADMIN, body: { a: 1 } });
    expect(answer.status).toBe(415);
    expect(answer.json.error.code).toBe('unsupported_media_type');
  });

  it('answers 413 in the envelope for a body over 1 MB', async () => {
    const answer = await mock.call('POST', '/v1/sequences', { headers: BEARER, rawBody: `{"name":"${'x'.repeat(1_100_000)}"}` });
    expect(answer.status).toBe(413);
    expect(answer.json.error).toBe('payload_too_large');
  });
});

describe('Prefer', () => {
  it('answers the status asked with code=', async () => {
    const answer = await send(op('getRule'), { headers: { prefer: 'code=404' } });
    expect(answer.status).toBe(404);
    expect(answer.json.error.code).toBe('resource_not_found');
  });

  it('answers the named example with example=', async () => {
    const create = op('createCommsSequence');
    const [, second] = Object.keys(create.responses.find(r => r.status === '201')!.examples);
    const answer = await send(create, { headers: { prefer: `example=${second}` } });
    expect(answer.status).toBe(201);
    expect(answer.json).toEqual(create.responses.find(r => r.status === '201')!.examples[second]);
  });

  it('generates a body with dynamic=true', async () => {
    const answer = await send(op('getRule'), { headers: { prefer: 'dynamic=true' } });
    expect(answer.status).toBe(200);
    expect(mock.conformance.response(op('getRule'), 200, answer.json)).toEqual([]);
  });

  it('accepts the __code query parameter like Prism, without it reaching validation', async () => {
    const answer = await mock.call('GET', '/api/v1/rules/rule_01HXYZ1234?__code=404', { headers: ADMIN });
    expect(answer.status).toBe(404);
  });

  it('ignores a Prefer it cannot honour, and says why in X-Mock-Reason', async () => {
    for (const prefer of ['code=418', 'code=abc', 'example=no_such_example', 'dynamic=maybe']) {
      const answer = await send(op('getRule'), { headers: { prefer } });
      expect(answer.status, prefer).toBe(200);
      expect(answer.headers['x-mock-reason'], prefer).toMatch(/^ignored header:Prefer/);
    }
  });
});

describe('CORS', () => {
  it('answers a preflight with the path methods and the requested headers', async () => {
    const answer = await mock.call('OPTIONS', '/api/v1/rules/rule_01HXYZ1234', {
      headers: { origin: 'http://localhost:3000', 'access-control-request-method': 'PUT', 'access-control-request-headers': 'authorization, content-type, idempotency-key' },
    });
    expect(answer.status).toBe(204);
    expect(answer.headers['access-control-allow-origin']).toBe('http://localhost:3000');
    expect(answer.headers['access-control-allow-methods']).toContain('PUT');
    expect(answer.headers['access-control-allow-headers']).toContain('idempotency-key');
  });

  it('lets a browser read X-Request-ID from answers and errors', async () => {
    for (const headers of [{ ...ADMIN, origin: 'http://localhost:3000' }, { origin: 'http://localhost:3000' }]) {
      const answer = await mock.call('GET', '/api/v1/rules', { headers });
      expect(answer.headers['access-control-allow-origin']).toBe('http://localhost:3000');
      expect(answer.headers['access-control-expose-headers']).toContain('X-Request-ID');
    }
  });
});

describe('the server under load', () => {
  it('answers 500 parallel requests across the services', async () => {
    const answers = await Promise.all(
      Array.from({ length: 500 }, (_, i) => {
        const operation = mock.operations[i % mock.operations.length];
        return send(operation);
      }),
    );
    expect(answers.every(a => a.status > 0 && a.status < 500)).toBe(true);
  });
});
