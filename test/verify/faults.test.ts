// The faulty providers: each forwards to the mock and breaks one thing. verify must flag exactly the
// checks that fault breaks (operationId and check), for the right reason, and nothing else.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MockServer } from '../../src/adapters/node/mock-server.js';
import { loadSpecFile } from '../../src/adapters/node/spec-file.js';
import { Router } from '../../src/core/router.js';
import { exampleParts } from '../../src/verify/requests.js';
import { failedChecks, SPEC, startFaultyProvider, startProvider, verifyAt, type Fault, type Incoming, type Relayed } from './provider.js';

const json = (relayed: Relayed) => JSON.parse(relayed.body);
const withBody = (relayed: Relayed, body: unknown): Relayed => ({ ...relayed, body: JSON.stringify(body) });
const succeeded = (relayed: Relayed) => relayed.status >= 200 && relayed.status < 300;

/** Answers a refused request as the demo admin would be answered: the provider skips its permission check. */
function bypass(reason: RegExp): Fault['answer'] {
  return (relayed, incoming, again) =>
    relayed.status === 403 && reason.test(relayed.headers['x-mock-reason'] ?? '') ? again({ ...incoming, headers: { ...incoming.headers, authorization: 'ApiKey demo_admin' } }) : relayed;
}

interface Case {
  fault: string;
  breaks: Fault;
  /** Every check that must fail, as `operationId check`. */
  flagged: string[];
  /** The violation each flagged check must report (its rule, and for a schema problem the pointer). */
  rule: string;
  pointer?: string;
}

const CASES: Case[] = [
  {
    fault: 'a required field missing',
    breaks: { method: 'GET', path: /^\/api\/v1\/rules\/[^/]+$/, answer: (r) => (succeeded(r) ? withBody(r, { ...json(r), data: { ...json(r).data, trigger: undefined } }) : r) },
    flagged: ['getRule example'],
    rule: 'schema',
    pointer: '/data/trigger',
  },
  {
    fault: 'a wrong type',
    breaks: { method: 'GET', path: /^\/api\/v1\/accounts$/, answer: (r) => (succeeded(r) ? withBody(r, { ...json(r), data: json(r).data.map((account: object, i: number) => (i === 0 ? { ...account, name: 42 } : account)) }) : r) },
    flagged: ['listAccounts example'],
    rule: 'schema',
    pointer: '/data/0/name',
  },
  {
    fault: 'an undocumented status',
    breaks: { method: 'GET', path: /^\/api\/v1\/accounts\/[^/]+$/, answer: (r) => (succeeded(r) ? { ...r, status: 201 } : r) },
    flagged: ['getAccount example'],
    rule: 'undocumented-status',
  },
  {
    fault: 'a 500',
    breaks: {
      method: 'POST',
      path: /^\/api\/v1\/transfers$/,
      answer: (r) => (succeeded(r) ? withBody({ ...r, status: 500 }, { error: { code: 'internal_error', message: 'The ledger is down.' } }) : r),
    },
    // No check passes on a 5xx: here every request the mock would have accepted, the example (and
    // the X-Request-ID it sent), the narrow key within its set, and the request without an X-Request-ID.
    flagged: ['createTransfer example:podToPod', 'createTransfer request-id:echo', 'createTransfer request-id:generated', 'createTransfer scope:allowed'],
    rule: 'server-error',
  },
  {
    fault: 'a missing 401 (answers without credentials)',
    breaks: { method: 'GET', path: /^\/api\/v1\/sequences\/[^/]+$/, request: (i: Incoming) => (i.headers.authorization ? i : { ...i, headers: { ...i.headers, authorization: 'Bearer anyone' } }) },
    flagged: ['getEmailSequence auth:no-credentials'],
    rule: 'expected-401',
  },
  {
    fault: 'a scope bypass (a key without the scope gets 200)',
    breaks: { method: 'GET', path: /^\/api\/v1\/rules$/, answer: bypass(/has no LIST_RULES permission/) },
    flagged: ['listRules scope:missing'],
    rule: 'expected-403',
  },
  {
    fault: 'a resource bypass (a key without that account gets 200)',
    breaks: { method: 'GET', path: /^\/api\/v1\/accounts\/[^/]+$/, answer: bypass(/has READ_ACCOUNTS for/) },
    flagged: ['getAccount scope:resource'],
    rule: 'expected-403',
  },
  {
    fault: 'an over-limit transfer accepted',
    breaks: { method: 'POST', path: /^\/api\/v1\/transfers$/, answer: bypass(/may move at most/) },
    flagged: ['createTransfer scope:over-limit'],
    rule: 'expected-403',
  },
  {
    fault: 'a request id not echoed',
    breaks: { method: 'GET', path: /^\/api\/v1\/transfers$/, request: (i: Incoming) => ({ ...i, headers: Object.fromEntries(Object.entries(i.headers).filter(([name]) => name !== 'x-request-id')) }) },
    flagged: ['listTransfers request-id:echo'],
    rule: 'request-id',
  },
  {
    fault: "another service's envelope",
    breaks: { method: 'GET', path: /^\/api\/v1\/rules\/[^/]+$/, answer: (r) => (r.status === 401 ? withBody(r, { error: 'unauthorized', message: 'Missing or invalid API key.' }) : r) },
    flagged: ['getRule auth:no-credentials'],
    rule: 'envelope',
  },
  {
    fault: 'a wrong Content-Type',
    breaks: { method: 'POST', path: /^\/v1\/sequences$/, answer: (r) => (succeeded(r) ? { ...r, headers: { ...r.headers, 'content-type': 'text/plain' } } : r) },
    flagged: ['createCommsSequence example:minimal', 'createCommsSequence example:onboarding'],
    rule: 'content-type',
  },
];

describe('verify against faulty providers', () => {
  let mock: MockServer;
  let document: unknown;
  beforeAll(async () => {
    mock = await startProvider();
    document = (await loadSpecFile(SPEC)).document;
  });
  afterAll(() => mock?.close());

  it('flags nothing when the provider in front of the mock relays faithfully; writes carry a fresh Idempotency-Key and go to documented ids', async () => {
    const relay = await startFaultyProvider(mock.url);
    try {
      expect(failedChecks(await verifyAt(relay.url, mock, { requests: 150, seed: 3 }))).toEqual([]);
      const router = new Router(mock.contract.operations);
      const writes = relay.received.filter((request) => request.method !== 'GET');
      expect(writes.length).toBeGreaterThan(50);
      const keys = writes.map((request) => request.headers['idempotency-key']).filter((key) => key !== undefined);
      expect(new Set(keys).size).toBe(keys.length);
      for (const request of writes) {
        const route = router.route(request.method, request.url.split('?')[0]);
        if (route.kind !== 'operation') throw new Error(`${request.method} ${request.url} is no operation`);
        if (route.operation.idempotent) expect(request.headers['idempotency-key'], `${request.method} ${request.url}`).toBeDefined();
        expect(route.pathParams, `${request.method} ${request.url}`).toEqual(exampleParts(document, route.operation).pathParams);
      }
    } finally {
      await relay.close();
    }
  });

  it.each(CASES)('flags $fault, and nothing else', async ({ breaks, flagged, rule, pointer }) => {
    const provider = await startFaultyProvider(mock.url, breaks);
    try {
      const report = await verifyAt(provider.url, mock);
      expect(failedChecks(report)).toEqual([...flagged].sort());
      for (const result of report.results.filter((candidate) => candidate.outcome === 'failed')) {
        expect(result.violations.map((violation) => violation.rule), `${result.operationId} ${result.check}`).toContain(rule);
        if (pointer) expect(result.violations.map((violation) => violation.pointer)).toContain(pointer);
      }
    } finally {
      await provider.close();
    }
  });

  it('does not flag a server that, once a rule is deleted, answers 404 before it looks at the key', async () => {
    const stateful = await startProvider({ stateful: true });
    let deleted = false;
    const provider = await startFaultyProvider(stateful.url, {
      method: '*',
      path: /^\/api\/v1\/rules\/rule_01HXYZ1234/,
      answer: (relayed, incoming) => {
        if (deleted && incoming.headers.authorization) return withBody({ ...relayed, status: 404 }, { error: { code: 'resource_not_found', message: 'Rule not found.' } });
        if (incoming.method === 'DELETE' && relayed.status === 204) deleted = true;
        return relayed;
      },
    });
    try {
      expect(failedChecks(await verifyAt(provider.url, stateful))).toEqual([]);
      expect(deleted).toBe(true);
    } finally {
      await provider.close();
      await stateful.close();
    }
  });

  it('keeps generated requests to the faulty operation too', async () => {
    const provider = await startFaultyProvider(mock.url, CASES.find((candidate) => candidate.fault === 'a wrong type')!.breaks);
    try {
      const report = await verifyAt(provider.url, mock, { requests: 60, seed: 7 });
      const failed = report.results.filter((result) => result.outcome === 'failed');
      expect(new Set(failed.map((result) => result.operationId))).toEqual(new Set(['listAccounts']));
      expect(failed.some((result) => result.check.startsWith('generated:'))).toBe(true);
    } finally {
      await provider.close();
    }
  });
});
