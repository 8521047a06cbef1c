// Every operation and every documented response example, answered by the mock as the spec says.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleRequest, specOperations, readBundle, bundledSpecPath, authFor } from './spec.js';
import { startTestMock, type TestMock } from './server.js';

// The cases are listed from the spec at collection time, so that each gets its own test name.
const operations = specOperations(readBundle(bundledSpecPath()));

let mock: TestMock;
beforeAll(async () => {
  mock = await startTestMock();
});
afterAll(() => mock?.close());

describe('every documented response example', () => {
  const cases = operations.flatMap(operation =>
    operation.responses.flatMap(response =>
      Object.keys(response.examples).map(example => ({ operation, status: Number(response.status), example })),
    ),
  );

  it.each(cases.map(c => [`${c.operation.operationId} ${c.status} "${c.example}"`, c] as const))('%s', async (_name, { operation, status, example }) => {
    const request = exampleRequest(operation);
    const answer = await mock.call(request.method, request.path, {
      headers: { ...authFor(operation.auth), ...request.headers, prefer: `code=${status}, example=${example}` },
      ...(request.body !== undefined ? { body: request.body } : {}),
    });
    expect(answer.status, answer.text).toBe(status);
    expect(mock.conformance.response(operation, answer.status, answer.json)).toEqual([]);
    const documented = operation.responses.find(r => r.status === String(status))!.examples[example] as Record<string, unknown>;
    const expected = documented && typeof documented === 'object' && 'request_id' in documented
      ? { ...documented, request_id: answer.headers['x-request-id'] }
      : documented;
    expect(answer.json).toEqual(expected);
  });
});

describe('every operation', () => {
  it.each(operations.map(operation => [operation.operationId, operation] as const))(
    '%s answers its first documented success to a documented request',
    async (_name, operation) => {
      const request = exampleRequest(operation);
      const answer = await mock.call(request.method, request.path, {
        headers: { ...authFor(operation.auth), ...request.headers },
        ...(request.body !== undefined ? { body: request.body } : {}),
      });
      const success = operation.responses.map(r => Number(r.status)).filter(s => s >= 200 && s < 300).sort()[0];
      expect(answer.status, answer.text).toBe(success);
      expect(mock.conformance.response(operation, answer.status, answer.json)).toEqual([]);
    },
  );

  const requestExamples = operations.flatMap(operation =>
    Object.keys(operation.requestBody?.examples ?? {}).map(example => ({ operation, example })),
  );
  it.each(requestExamples.map(c => [`${c.operation.operationId} "${c.example}"`, c] as const))(
    'accepts the documented request example %s',
    async (_name, { operation, example }) => {
      const request = exampleRequest(operation, example);
      const answer = await mock.call(request.method, request.path, {
        headers: { ...authFor(operation.auth), ...request.headers },
        body: request.body,
      });
      expect(answer.status, answer.text).toBeGreaterThanOrEqual(200);
      expect(answer.status, answer.text).toBeLessThan(300);
    },
  );

  it.each(operations.map(operation => [operation.operationId, operation] as const))(
    '%s answers a dynamic (Prefer: dynamic=true) body that conforms to the spec',
    async (_name, operation) => {
      const request = exampleRequest(operation);
      for (let i = 0; i < 5; i++) {
        const answer = await mock.call(request.method, request.path, {
          headers: { ...authFor(operation.auth), ...request.headers, prefer: 'dynamic=true' },
          ...(request.body !== undefined ? { body: request.body } : {}),
        });
        expect(answer.status, answer.text).toBeLessThan(300);
        expect(mock.conformance.response(operation, answer.status, answer.json), answer.text).toEqual([]);
      }
    },
  );
});
