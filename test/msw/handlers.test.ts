// The MSW door itself, through msw's setupServer as a Node test suite uses it: which requests the
// handlers take and which they leave to MSW, the base URL, the keys, reset(), the typed override,
// and the one documented difference from the Node server (no body generator in the page).
import { getResponse, http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../src/adapters/msw/index.js';
import { createHandlers as createRulesHandlers } from '../../src/adapters/msw/rules.js';
import type { RuleExecutionResponse, RuleResponse } from '../../generated/types.js';
import { jsonContent, readContract } from '../../src/core/contract.js';
import { bundledSpecPath, readBundle } from '../mock/spec.js';

const contract = readContract(readBundle(bundledSpecPath()));
/** The first example the contract documents for an answer. */
function documentedExample(operationId: string, status: string): unknown {
  const operation = contract.operations.find((candidate) => candidate.operationId === operationId)!;
  return jsonContent(operation.responses.find((response) => response.status === status)!.contents)!.examples[0].value;
}

const ADMIN = { authorization: 'ApiKey demo_admin' };
const READER = { authorization: 'ApiKey demo_reader' };
const RULE = 'http://api.test/api/v1/rules/rule_01HXYZ1234';

const handlers = createHandlers({ stateful: true });
const server = setupServer(...handlers);
const unhandled: string[] = [];

beforeAll(() => server.listen({ onUnhandledRequest: (request) => void unhandled.push(`${request.method} ${new URL(request.url).pathname}`) }));
afterEach(async () => {
  server.resetHandlers();
  await handlers.reset();
  unhandled.length = 0;
});
afterAll(() => server.close());

const newRule = {
  nickname: 'Round-up savings',
  status: 'enabled',
  trigger: { type: 'MANUAL' },
  steps: [{ conditions: null, actions: [{ type: 'fixed_amount', amount_in_cents: 2500, source: { id: 'acc_01HABC4567', type: 'income_source' }, destination: { id: 'acc_01HDEF0123', type: 'pod' } }] }],
};
const post = (url: string, body: unknown, headers: Record<string, string> = ADMIN) =>
  fetch(url, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('which requests the handlers take', () => {
  it('answers the contract’s paths on any origin', async () => {
    for (const origin of ['http://api.test', 'https://rules.example.com', 'http://localhost:5173']) {
      expect((await fetch(`${origin}/api/v1/rules/rule_01HXYZ1234`, { headers: ADMIN })).status, origin).toBe(200);
    }
  });

  it('answers 404 and 405 in the owning envelope below a service’s collections, as the server does', async () => {
    const unknown = await fetch('http://api.test/v1/sequences/seq_1/unknown', { headers: { authorization: 'Bearer t' } });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ error: 'route_not_found', message: 'No operation is documented at GET /v1/sequences/seq_1/unknown.' });
    const wrongMethod = await fetch('http://api.test/api/v1/rules', { method: 'PATCH', headers: ADMIN });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('GET, POST');
  });

  it('leaves every other path to MSW (the next handler, then onUnhandledRequest)', async () => {
    server.use(http.get('http://api.test/api/v1/profile', () => HttpResponse.json({ mine: true })));
    expect(await (await fetch('http://api.test/api/v1/profile')).json()).toEqual({ mine: true });
    await fetch('http://api.test/assets/logo.svg').catch(() => undefined);
    await fetch('http://api.test/api/v1/rulesets').catch(() => undefined);
    expect(unhandled).toEqual(['GET /assets/logo.svg', 'GET /api/v1/rulesets']);
  });

  it('with a base URL, answers only there, and routes the path below its prefix', async () => {
    const scoped = setupServer(...createHandlers({ baseUrl: 'https://gateway.test/platform' }));
    server.close();
    const missed: string[] = [];
    scoped.listen({ onUnhandledRequest: (request) => void missed.push(request.url) });
    try {
      expect((await fetch('https://gateway.test/platform/api/v1/rules/rule_01HXYZ1234', { headers: ADMIN })).status).toBe(200);
      await fetch('https://other.test/platform/api/v1/rules/rule_01HXYZ1234', { headers: ADMIN }).catch(() => undefined);
      await fetch('https://gateway.test/api/v1/rules/rule_01HXYZ1234', { headers: ADMIN }).catch(() => undefined);
      expect(missed).toEqual(['https://other.test/platform/api/v1/rules/rule_01HXYZ1234', 'https://gateway.test/api/v1/rules/rule_01HXYZ1234']);
    } finally {
      scoped.close();
      server.listen({ onUnhandledRequest: (request) => void unhandled.push(`${request.method} ${new URL(request.url).pathname}`) });
    }
  });

  it('of one service, leaves the other services’ paths alone', async () => {
    const rulesOnly = createRulesHandlers();
    expect((await getResponse(rulesOnly, new Request(RULE, { headers: ADMIN })))?.status).toBe(200);
    expect(await getResponse(rulesOnly, new Request('http://api.test/v1/sequences/seq_1', { headers: { authorization: 'Bearer t' } }))).toBeUndefined();
    expect(await getResponse(rulesOnly, new Request('http://api.test/api/v1/sequences', { headers: { authorization: 'Bearer t' } }))).toBeUndefined();
  });
});

describe('the keys', () => {
  it('are the demo keys by default', async () => {
    expect((await fetch(RULE, { headers: READER })).status).toBe(200);
    expect((await fetch('http://api.test/api/v1/rules/rule_OTHER', { headers: READER })).status).toBe(403);
  });

  it('can be given in the keys-file structure', async () => {
    const own = createHandlers({ keys: { keys: [{ key: 'team_key', permissions: [{ scope: 'READ_RULES', resources: ['rule_01HXYZ1234'] }] }] } });
    server.use(...own);
    expect((await fetch(RULE, { headers: { authorization: 'ApiKey team_key' } })).status).toBe(200);
    expect((await fetch(RULE, { headers: ADMIN })).status).toBe(401);
  });

  it('are checked like a keys file: a bad one is an error naming its JSON pointer', () => {
    expect(() => createHandlers({ keys: { keys: [{ key: 'k', permissions: [{ scope: 'READ_RULEZ' }] }] } })).toThrow(/^createHandlers: keys\/keys\/0\/permissions\/0\/scope: .*READ_RULEZ/);
  });
});

describe('stateful handlers', () => {
  it('remember what is created, per handler set, until reset()', async () => {
    const created = await (await post('http://api.test/api/v1/rules', newRule)).json();
    const read = await fetch(`http://api.test/api/v1/rules/${created.data.id}`, { headers: ADMIN });
    expect(read.status).toBe(200);
    expect((await read.json()).data.status).toBe('disabled');
    server.use(...createHandlers({ stateful: true }));
    expect((await fetch(`http://api.test/api/v1/rules/${created.data.id}`, { headers: ADMIN })).status).toBe(404);
    server.resetHandlers();
    expect((await fetch(`http://api.test/api/v1/rules/${created.data.id}`, { headers: ADMIN })).status).toBe(200);
    await handlers.reset();
    expect((await fetch(`http://api.test/api/v1/rules/${created.data.id}`, { headers: ADMIN })).status).toBe(404);
  });

  it('forget Idempotency-Key answers on reset()', async () => {
    const headers = { ...ADMIN, 'idempotency-key': 'reset-test' };
    await post('http://api.test/api/v1/rules', newRule, headers);
    expect((await post('http://api.test/api/v1/rules', newRule, headers)).headers.get('idempotent-replayed')).toBe('true');
    await handlers.reset();
    expect((await post('http://api.test/api/v1/rules', newRule, headers)).headers.get('idempotent-replayed')).toBeNull();
  });
});

describe('the typed override', () => {
  const missingRule = { error: { code: 'resource_not_found', message: 'Rule with id rule_01HXYZ1234 was not found.' } };

  it('answers one operation with the given status and body, in the contract’s media type', async () => {
    server.use(handlers.override('getRule', { status: 404, body: missingRule }));
    const answer = await fetch(RULE, { headers: ADMIN });
    expect(answer.status).toBe(404);
    expect(answer.headers.get('content-type')).toBe('application/json');
    expect(await answer.json()).toEqual(missingRule);
    // Every other operation still answers from the contract.
    expect((await fetch('http://api.test/api/v1/rules', { headers: ADMIN })).status).toBe(200);
  });

  it('keeps the contract around the answer: 401 without a key, X-Request-ID, and the Rules request_id', async () => {
    const documented = documentedExample('getRule', '200') as RuleResponse;
    server.use(handlers.override('getRule', { status: 200, body: { ...documented, data: { ...documented.data, nickname: 'Overridden' } } }));
    expect((await fetch(RULE)).status).toBe(401);
    const answer = await fetch(RULE, { headers: { ...ADMIN, 'x-request-id': 'req_test_1' } });
    expect(answer.headers.get('x-request-id')).toBe('req_test_1');
    expect(await answer.json()).toMatchObject({ request_id: 'req_test_1', data: { nickname: 'Overridden' } });
  });

  it('judges a resource only the answer names by the overridden answer (x-permission in: response)', async () => {
    const execution = documentedExample('getRuleExecution', '200') as RuleExecutionResponse;
    const url = `http://api.test/api/v1/rule-executions/${execution.data.id}`;
    server.use(handlers.override('getRuleExecution', { status: 200, body: { ...execution, data: { ...execution.data, rule_id: 'rule_OTHER' } } }));
    expect((await fetch(url, { headers: READER })).status).toBe(403);
    server.resetHandlers();
    server.use(handlers.override('getRuleExecution', { status: 200, body: { ...execution, data: { ...execution.data, rule_id: 'rule_01HXYZ1234' } } }));
    expect((await fetch(url, { headers: READER })).status).toBe(200);
  });

  it('answers once when asked, then steps aside', async () => {
    server.use(handlers.override('getRule', { status: 404, body: missingRule }, { once: true }));
    expect((await fetch(RULE, { headers: ADMIN })).status).toBe(404);
    expect((await fetch(RULE, { headers: ADMIN })).status).toBe(200);
  });

  it('answers a 204 without a body', async () => {
    server.use(handlers.override('deleteRule', { status: 204 }));
    const answer = await fetch(RULE, { method: 'DELETE', headers: ADMIN });
    expect(answer.status).toBe(204);
    expect(await answer.text()).toBe('');
  });

  it('refuses, for untyped callers, an operation or status the contract does not document', () => {
    expect(() => handlers.override('getRules' as never, { status: 200 } as never)).toThrow("override('getRules'): not an operation these handlers answer");
    expect(() => handlers.override('getRule', { status: 418 } as never)).toThrow(/^override\('getRule'\): 418 is not a status it documents \(200, 400, 401, 403, 404\)$/);
  });
});

describe('what the page cannot do as Node does', () => {
  it('answers Prefer: dynamic=true with the documented example, and says why in X-Mock-Reason', async () => {
    const answer = await fetch(RULE, { headers: { ...ADMIN, prefer: 'dynamic=true' } });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('x-mock-reason')).toBe('this mock generates no bodies (no generator); answered the documented example');
    expect((await answer.json()).data.id).toBe('rule_01HXYZ1234');
  });
});
