// Property-based: thousands of valid and mutated requests across every operation never break the mock:
// no 5xx, every body conforms to the spec, every error is in its service's envelope.
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Operation } from '../../src/core/contract.js';
import { Router } from '../../src/core/router.js';
import { exampleRequest, type Service, type SpecOperation, authFor } from './spec.js';
import { startTestMock, type TestMock } from './server.js';

const RUNS = 2_500;

let mock: TestMock;
let router: Router;
let byCore: Map<Operation, SpecOperation>;
beforeAll(async () => {
  mock = await startTestMock();
  router = new Router(mock.operations.map(operation => operation.core));
  byCore = new Map(mock.operations.map(operation => [operation.core, operation]));
});
afterAll(() => mock?.close());

type Path = Array<string | number>;

/**
 * What an answer is judged by: the operation the request was generated from, while the mutation kept
 * its method and path; once it moved them, what the mock's own router (src/core/router.ts) makes of
 * the path the client sends: another documented operation, or only the service that owns the path.
 */
function judgedBy(operation: SpecOperation, request: { method: string; path: string; moved: boolean }): { target?: SpecOperation; service: Service } {
  if (!request.moved) return { target: operation, service: operation.service };
  const route = router.route(request.method, sentPath(request.path));
  if (route.kind === 'operation' || route.kind === 'malformed') {
    const target = byCore.get(route.operation)!;
    return { target, service: target.service };
  }
  return { service: route.service };
}

/** The path without its query, as node:http sends it (dot segments resolved, as any URL's). */
const sentPath = (pathAndQuery: string) => new URL(pathAndQuery, 'http://mock').pathname;

/** Every location in a JSON value, the root included. */
function locations(value: unknown, at: Path = []): Path[] {
  const found: Path[] = [at];
  if (Array.isArray(value)) value.forEach((item, i) => found.push(...locations(item, [...at, i])));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) found.push(...locations(v, [...at, k]));
  return found;
}

function edit(body: unknown, path: Path, change: (parent: any, key: string | number) => void): unknown {
  if (path.length === 0) return body;
  const copy = structuredClone(body);
  const parent = path.slice(0, -1).reduce((node: any, key) => node[key], copy);
  change(parent, path[path.length - 1]);
  return copy;
}

type Mutation =
  | { kind: 'none' }
  | { kind: 'replace-value'; at: number; value: unknown }
  | { kind: 'delete-value'; at: number }
  | { kind: 'add-property'; at: number; name: string; value: unknown }
  | { kind: 'replace-body'; value: unknown }
  | { kind: 'raw-body'; text: string; contentType: string }
  | { kind: 'path-segment'; value: string }
  | { kind: 'query'; name: string; value: string }
  | { kind: 'drop-query' }
  | { kind: 'method'; method: string }
  | { kind: 'header'; name: string; value: string }
  /** A path segment that is not valid percent-encoding (`%ZZ`): once a 500 inside Prism. */
  | { kind: 'malformed-escape'; value: string }
  /** Arrays nested `depth` deep, sent with an Idempotency-Key: once a 500 while fingerprinting. */
  | { kind: 'deep-body'; depth: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 4, arbitrary: fc.constant<Mutation>({ kind: 'none' }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('replace-value' as const), at: fc.nat(), value: fc.jsonValue({ maxDepth: 2 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete-value' as const), at: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('add-property' as const), at: fc.nat(), name: fc.string({ minLength: 1, maxLength: 12 }), value: fc.jsonValue({ maxDepth: 1 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('replace-body' as const), value: fc.jsonValue({ maxDepth: 2 }) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('raw-body' as const),
      text: fc.oneof(fc.string({ maxLength: 40 }), fc.constant('{"a":'), fc.constant('[1,2')),
      contentType: fc.constantFrom('application/json', 'text/plain', 'application/xml', 'application/merge-patch+json'),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('path-segment' as const), value: fc.string({ maxLength: 20 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('query' as const), name: fc.constantFrom('account_id', 'rule_id', 'type', 'status', 'first', 'after', 'from', 'limit', 'zzz'), value: fc.string({ maxLength: 12 }) }) },
  { weight: 1, arbitrary: fc.constant<Mutation>({ kind: 'drop-query' }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('method' as const), method: fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD') }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('header' as const),
      name: fc.constantFrom('x-request-id', 'idempotency-key', 'prefer', 'accept'),
      value: fc.oneof(fc.string({ minLength: 1, maxLength: 30 }).map(s => s.replace(/[^\x20-\x7e]/g, 'x')), fc.constantFrom('code=404', 'code=201', 'code=999', 'dynamic=true', 'example=nope', 'text/html')),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('malformed-escape' as const), value: fc.constantFrom('%ZZ', '%', '%E0%A4%A', 'a%2', '%C0%AF') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('deep-body' as const), depth: fc.constantFrom(65, 1_000, 100_000) }) },
);

const authorization = fc.constantFrom('valid', 'valid', 'valid', 'none', 'unknown', 'reader', 'no-access');

function buildRequest(operation: SpecOperation, change: Mutation, auth: string) {
  const base = exampleRequest(operation);
  let { method, path } = base;
  const headers: Record<string, string> = { ...base.headers };
  if (auth === 'valid') Object.assign(headers, authFor(operation.auth));
  else if (auth === 'unknown') headers.authorization = 'ApiKey nobody';
  else if (auth === 'reader') headers.authorization = 'ApiKey demo_reader';
  else if (auth === 'no-access') headers.authorization = 'ApiKey demo_no_access';
  let body: unknown = base.body;
  let rawBody: string | undefined;
  const spots = locations(body);
  switch (change.kind) {
    case 'replace-value':
      body = edit(body, spots[change.at % spots.length], (parent, key) => (parent[key] = change.value));
      if (spots.length === 1) body = change.value;
      break;
    case 'delete-value':
      body = edit(body, spots[change.at % spots.length], (parent, key) => (Array.isArray(parent) ? parent.splice(Number(key), 1) : delete parent[key]));
      break;
    case 'add-property': {
      const objects = spots.filter(p => {
        const node = p.reduce((n: any, k) => n?.[k], body);
        return node !== null && typeof node === 'object' && !Array.isArray(node);
      });
      if (objects.length > 0) {
        const target = objects[change.at % objects.length];
        body = structuredClone(body);
        const node = target.reduce((n: any, k) => n[k], body);
        node[change.name] = change.value;
      }
      break;
    }
    case 'replace-body':
      body = change.value;
      headers['content-type'] ??= 'application/json';
      break;
    case 'raw-body':
      rawBody = change.text;
      headers['content-type'] = change.contentType;
      break;
    case 'path-segment': {
      const segments = path.split('?')[0].split('/');
      segments[segments.length - 1] = encodeURIComponent(change.value);
      path = segments.join('/') + (path.includes('?') ? `?${path.split('?')[1]}` : '');
      break;
    }
    case 'query':
      path += `${path.includes('?') ? '&' : '?'}${encodeURIComponent(change.name)}=${encodeURIComponent(change.value)}`;
      break;
    case 'drop-query':
      path = path.split('?')[0];
      break;
    case 'method':
      method = change.method;
      break;
    case 'header':
      headers[change.name] = change.value;
      break;
    case 'malformed-escape': {
      const segments = path.split('?')[0].split('/');
      segments[segments.length - 1] = change.value;
      path = segments.join('/') + (path.includes('?') ? `?${path.split('?')[1]}` : '');
      break;
    }
    case 'deep-body':
      rawBody = '['.repeat(change.depth) + ']'.repeat(change.depth);
      headers['content-type'] = 'application/json';
      headers['idempotency-key'] = `deep-${change.depth}`;
      break;
  }
  const moved = method !== base.method || sentPath(path) !== sentPath(base.path);
  return { method, path, moved, headers, body, rawBody };
}

it(`answers ${RUNS} valid and mutated requests across all operations without a 5xx, in the spec and in envelopes`, async () => {
  const statuses = new Map<number, number>();
  await fc.assert(
    fc.asyncProperty(fc.nat({ max: mock.operations.length - 1 }), mutation, authorization, async (index, change, auth) => {
      const operation = mock.operations[index];
      const request = buildRequest(operation, change, auth);
      const answer = await mock.call(request.method, request.path, {
        headers: request.headers,
        ...(request.rawBody !== undefined ? { rawBody: request.rawBody } : request.body !== undefined ? { body: request.body } : {}),
      });
      statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
      const context = `${request.method} ${request.path} (${operation.operationId}, ${change.kind}) -> ${answer.status} ${answer.text.slice(0, 300)}`;
      expect(answer.status, context).toBeLessThan(500);
      expect(answer.headers['x-request-id'], context).toBeTruthy();
      if (request.method === 'HEAD') return;
      // A changed method or path may name another documented operation: judge the answer by that one.
      const { target, service } = judgedBy(operation, request);
      const documented = target?.responses.some(r => r.status === String(answer.status));
      if (target && documented) expect(mock.conformance.response(target, answer.status, answer.json), context).toEqual([]);
      else expect([404, 405, 406, 413, 415], context).toContain(answer.status);
      if (answer.status >= 400) {
        expect(answer.headers['content-type'], context).toMatch(/^application\/json/);
        expect(mock.conformance.serviceError(service, answer.json), context).toEqual([]);
      }
    }),
    { numRuns: RUNS },
  );
  // Both sides of the contract were exercised: answers and refusals.
  const count = (from: number, to: number) => [...statuses].filter(([s]) => s >= from && s < to).reduce((n, [, c]) => n + c, 0);
  expect(count(200, 300)).toBeGreaterThan(RUNS / 5);
  expect(count(400, 500)).toBeGreaterThan(RUNS / 5);

  // And the server still answers afterwards.
  const after = await mock.call('GET', '/api/v1/rules', { headers: { authorization: 'ApiKey demo_admin' } });
  expect(after.status).toBe(200);
});
