// `verify` against this repository's own mock, which follows the contract: plain and stateful, with
// the demo keys and a few hundred generated requests, it finds no violation; what it cannot check
// with the demo keys is reported as skipped, and a fuller keys file leaves nothing skipped.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MockServer } from '../../src/adapters/node/mock-server.js';
import type { VerifyReport } from '../../src/verify/run.js';
import { failedChecks, FULL_KEYS, startProvider, verifyAt } from './provider.js';

const SEED = 20240501;
const REQUESTS = 300;

function skipped(report: VerifyReport): string[] {
  return report.results.filter((result) => result.outcome === 'skipped').map((result) => `${result.operationId} ${result.check}`);
}

describe.each([
  { mode: 'plain', stateful: false },
  { mode: 'stateful', stateful: true },
])('verify against the $mode mock', ({ stateful }) => {
  let server: MockServer;
  let report: VerifyReport;
  beforeAll(async () => {
    server = await startProvider({ stateful });
    report = await verifyAt(server.url, server, { requests: REQUESTS, seed: SEED });
  });
  afterAll(() => server?.close());

  it('finds no violation, generated requests included', () => {
    expect(failedChecks(report)).toEqual([]);
    expect(report.generated).toMatchObject({ requested: REQUESTS, sent: REQUESTS, seed: SEED, exhausted: [] });
    expect(report.results.filter((result) => result.check.startsWith('generated:') && result.outcome === 'passed')).toHaveLength(REQUESTS);
  });

  it('checks every operation: its examples, 401 without credentials, and for Rules the scope model and request ids', () => {
    const passed = (operationId: string) => report.results.filter((result) => result.operationId === operationId && result.outcome === 'passed').map((result) => result.check);
    for (const operation of server.contract.operations.filter((candidate) => !candidate.webhook)) {
      const checks = passed(operation.operationId);
      expect(checks.some((check) => check === 'example' || check.startsWith('example:')), operation.operationId).toBe(true);
      expect(checks, operation.operationId).toContain('auth:no-credentials');
      if (operation.service === 'rules') expect(checks, operation.operationId).toEqual(expect.arrayContaining(['scope:allowed', 'scope:missing', 'request-id:echo', 'request-id:generated']));
    }
    expect(passed('createTransfer')).toEqual(expect.arrayContaining(['scope:outside-sets', 'scope:over-limit']));
    expect(passed('createRule')).toEqual(expect.arrayContaining(['negative:missing-required', 'negative:wrong-type', 'negative:bound']));
  });

  it('reports as skipped, with the reason, the resource checks the demo keys cannot make', () => {
    expect(skipped(report).sort()).toEqual(
      [
        'getCard scope:resource',
        'getRule scope:resource',
        'getRuleExecution scope:resource',
        'getTransfer scope:resource',
        'listCardTransactions scope:resource',
        'listRuleExecutions scope:resource',
        'triggerRule scope:resource',
      ].sort(),
    );
    const reasons = report.results.filter((result) => result.outcome === 'skipped').map((result) => result.reason);
    expect(reasons).toContain('no key in the keys file holds TRIGGER_RULES for listed rule ids only: add one');
    expect(reasons).toContain('every key holding READ_RULES for listed ids lists rule_01HXYZ1234; the keys file names no other rule id');
  });
});

describe('verify with a keys file that has a key for every check', () => {
  let server: MockServer;
  afterAll(() => server?.close());

  it('skips nothing and finds no violation', async () => {
    server = await startProvider({ keys: FULL_KEYS, stateful: true });
    const report = await verifyAt(server.url, server);
    expect(failedChecks(report)).toEqual([]);
    expect(skipped(report)).toEqual([]);
    const resourceChecks = report.results.filter((result) => result.check === 'scope:resource');
    expect(resourceChecks.map((result) => result.operationId)).toEqual(
      server.contract.operations.filter((operation) => operation.permission?.resource && operation.permission.resource.in !== 'body').map((operation) => operation.operationId),
    );
    expect(resourceChecks.every((result) => result.exchange?.answer.status === 403)).toBe(true);
  });
});
