// Without `stateful`, the mock answers from the spec's examples exactly as before: nothing is stored,
// and the mock-only reset endpoint does not exist.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestMock, type TestMock } from '../mock/server.js';
import { ALPHA, STATEFUL_KEYS, seedValue } from './harness.js';

let mock: TestMock;
beforeAll(async () => {
  mock = await startTestMock({ keys: STATEFUL_KEYS });
});
afterAll(() => mock?.close());

it('stores nothing: a created rule is the example, and lists and reads stay the examples', async () => {
  expect(mock.server.stateful).toBe(false);
  const created = await mock.call('POST', '/api/v1/rules', { headers: ALPHA, body: seedValue('000_createRule_request.json') });
  expect(created.status).toBe(201);
  expect(created.json.data.id).toBe('rule_01HXYZ1234');
  const listed = await mock.call('GET', '/api/v1/rules', { headers: ALPHA });
  expect(listed.json.data.map((rule: { id: string }) => rule.id)).toEqual(['rule_01HXYZ1234']);
  const deleted = await mock.call('DELETE', '/api/v1/rules/rule_01HXYZ1234', { headers: ALPHA });
  expect(deleted.status).toBe(204);
  expect((await mock.call('GET', '/api/v1/rules/rule_01HXYZ1234', { headers: ALPHA })).status).toBe(200);
});

it('has no reset endpoint', async () => {
  const reset = await mock.call('POST', '/__mock/reset');
  expect(reset.status).toBe(404);
  expect(reset.json.error.code).toBe('route_not_found');
});
