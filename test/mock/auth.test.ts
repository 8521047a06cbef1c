// The auth matrix: for each Rules operation, who gets 401, 403 or an answer, read from x-permission.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiKey, KeyRing, PermissionEntry } from '../../src/core/keys.js';
import { resolvePointer } from '../../src/core/json-pointer.js';
import { bundledSpecPath, exampleRequest, readBundle, specOperations, type SpecOperation } from './spec.js';
import { startTestMock, type TestMock } from './server.js';

const UNAUTHORIZED = { error: { code: 'unauthorized', message: 'Missing or invalid API key.' } };
const FORBIDDEN = { error: { code: 'forbidden', message: 'This API key does not have the required permission.' } };

const bundle = readBundle(bundledSpecPath());
const operations = specOperations(bundle);
const scopes: Array<{ scope: string; resources: string }> = bundle['x-scopes'];
const kindOf = (scope: string) => scopes.find(s => s.scope === scope)!.resources;
const rulesOperations = operations.filter(op => op.auth === 'apiKey' && op.permission);
const bearerOperations = operations.filter(op => op.auth === 'bearer');

/** Every key the matrix needs, made from the scope table: each is named after what it can do. */
function matrixKeys(): KeyRing {
  const ring: KeyRing = new Map();
  const add = (key: string, permissions: PermissionEntry[]) => ring.set(key, { key, organization: 'org_test', permissions } satisfies ApiKey);
  const everything = (scope: string): PermissionEntry => (kindOf(scope) === 'none' ? { scope } : { scope, resources: '*' });
  for (const { scope } of scopes) {
    add(`all_but_${scope}`, scopes.filter(s => s.scope !== scope).map(s => everything(s.scope)));
    add(`star_${scope}`, [everything(scope)]);
    if (kindOf(scope) === 'transfer_set') {
      add(`other_${scope}`, [{ scope, resources: [{ source: 'acc_OTHER', target: 'acc_OTHER2' }] }]);
    } else if (kindOf(scope) !== 'none') {
      add(`other_${scope}`, [{ scope, resources: ['id_OTHER'] }]);
    }
  }
  return ring;
}

/** The id this operation's example request (or example answer) guards, and a key allowed exactly that. */
function exactGrant(operation: SpecOperation): { id: string } | undefined {
  const resource = operation.permission?.resource;
  if (!resource || resource.in === 'body') return undefined;
  const request = exampleRequest(operation);
  if (resource.in === 'path') {
    const param = operation.parameters.find(p => p.in === 'path' && p.name === resource.name)!;
    return { id: String(param.example) };
  }
  if (resource.in === 'query') {
    return { id: new URL(request.path, 'http://x').searchParams.get(resource.name)! };
  }
  const success = operation.responses.find(r => r.status.startsWith('2'))!;
  const example = Object.values(success.examples)[0];
  return { id: String(resource.pointers.map((p: string) => resolvePointer(example, p)).find((v: unknown) => typeof v === 'string')) };
}

let mock: TestMock;
beforeAll(async () => {
  mock = await startTestMock({ keys: matrixKeys() });
});
afterAll(() => mock?.close());

async function send(operation: SpecOperation, authorization: string | undefined, body?: unknown) {
  const request = exampleRequest(operation);
  return mock.call(request.method, request.path, {
    headers: { ...request.headers, ...(authorization ? { authorization } : {}) },
    ...(body !== undefined ? { body } : request.body !== undefined ? { body: request.body } : {}),
  });
}

describe.each(rulesOperations.map(op => [`${op.operationId} (${op.permission!.scope})`, op] as const))('%s', (_name, operation) => {
  const scope = operation.permission!.scope;
  const kind = kindOf(scope);

  it('answers 401 with the seeds body without a key', async () => {
    const answer = await send(operation, undefined);
    expect(answer.status).toBe(401);
    expect(answer.json).toEqual(UNAUTHORIZED);
    expect(answer.headers['www-authenticate']).toBe('ApiKey');
  });

  it('answers 401 to an unknown key, and to a bearer token', async () => {
    for (const authorization of ['ApiKey no_such_key', 'Bearer star_READ_RULES', 'ApiKey', `apikey star_${scope} extra`]) {
      const answer = await send(operation, authorization);
      expect(answer.status, authorization).toBe(401);
      expect(answer.json).toEqual(UNAUTHORIZED);
    }
  });

  it(`answers 403 with the seeds body when the key lacks ${scope}`, async () => {
    const answer = await send(operation, `ApiKey all_but_${scope}`);
    expect(answer.status).toBe(403);
    expect(answer.json).toEqual(FORBIDDEN);
    expect(answer.headers['x-mock-reason']).toContain(scope);
  });

  it(`answers with the key holding ${scope} on every resource`, async () => {
    const answer = await send(operation, `ApiKey star_${scope}`);
    expect(answer.status, answer.text).toBeGreaterThanOrEqual(200);
    expect(answer.status).toBeLessThan(300);
    expect(mock.conformance.response(operation, answer.status, answer.json)).toEqual([]);
  });

  if (kind !== 'none') {
    it(`answers 403 when the key holds ${scope} for another resource only`, async () => {
      const answer = await send(operation, `ApiKey other_${scope}`);
      expect(answer.status, answer.text).toBe(403);
      expect(answer.json).toEqual(FORBIDDEN);
    });
  }

  const exact = exactGrant(operation);
  if (exact) {
    it(`answers when the key holds ${scope} for exactly the requested resource`, async () => {
      const key = `exact_${operation.operationId}`;
      mock.server.keys.set(key, { key, organization: 'org_test', permissions: [{ scope, resources: ['id_OTHER', exact.id] }] });
      const answer = await send(operation, `ApiKey ${key}`);
      expect(answer.status, answer.text).toBeLessThan(300);
    });
  }
});

describe.each(rulesOperations.filter(op => op.permission!.resource?.in === 'body').map(op => [op.operationId, op] as const))(
  '%s (MANUAL_TRANSFER sets)',
  (_name, operation) => {
    const resource = operation.permission!.resource!;
    const body = exampleRequest(operation).body;
    const source = resolvePointer(body, resource.source) as string;
    const target = resolvePointer(body, resource.target) as string;
    const amount = resolvePointer(body, resource.amount) as number;
    const grant = (name: string, sets: Array<{ source: string; target: string; max_amount?: number }>) => {
      mock.server.keys.set(name, { key: name, organization: 'org_test', permissions: [{ scope: operation.permission!.scope, resources: sets }] });
      return `ApiKey ${name}`;
    };

    it('answers when the amount is within max_amount', async () => {
      const answer = await send(operation, grant('transfer_within', [{ source, target, max_amount: amount }]));
      expect(answer.status, answer.text).toBeLessThan(300);
    });

    it('answers when the set has no max_amount', async () => {
      const answer = await send(operation, grant('transfer_uncapped', [{ source, target }]));
      expect(answer.status, answer.text).toBeLessThan(300);
    });

    it('answers 403 when the amount is above max_amount', async () => {
      const answer = await send(operation, grant('transfer_above', [{ source, target, max_amount: amount - 1 }]));
      expect(answer.status).toBe(403);
      expect(answer.json).toEqual(FORBIDDEN);
      expect(answer.headers['x-mock-reason']).toContain(String(amount - 1));
    });

    it('answers 403 when source and target are swapped, or only one matches', async () => {
      for (const sets of [[{ source: target, target: source }], [{ source, target: 'acc_ELSEWHERE' }], [{ source: 'acc_ELSEWHERE', target }]]) {
        const answer = await send(operation, grant(`transfer_${sets[0].source}_${sets[0].target}`, sets));
        expect(answer.status, JSON.stringify(sets)).toBe(403);
      }
    });

    it('answers when any one of several sets allows the transfer', async () => {
      const key = grant('transfer_many', [{ source, target, max_amount: 1 }, { source: 'acc_X', target }, { source, target, max_amount: amount + 1 }]);
      const answer = await send(operation, key);
      expect(answer.status, answer.text).toBeLessThan(300);
    });
  },
);

describe.each(bearerOperations.map(op => [op.operationId, op] as const))('%s (bearer)', (_name, operation) => {
  it('answers 401 in its own service envelope without a bearer token', async () => {
    for (const authorization of [undefined, 'ApiKey star_READ_RULES', 'Bearer', 'Basic dXNlcjpwYXNz']) {
      const answer = await send(operation, authorization);
      expect(answer.status, String(authorization)).toBe(401);
      expect(answer.headers['www-authenticate']).toBe('Bearer');
      expect(mock.conformance.response(operation, 401, answer.json)).toEqual([]);
      expect(answer.json).toEqual(Object.values(operation.responses.find(r => r.status === '401')!.examples)[0]);
    }
  });

  it('answers with any bearer token', async () => {
    const answer = await send(operation, 'Bearer any_token_at_all');
    expect(answer.status, answer.text).toBeLessThan(300);
  });
});
