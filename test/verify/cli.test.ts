// `platform-contract verify` as a provider's CI meets it: exit codes, --only, --read-only (no write
// reaches the server), the JUnit file read back, progress output, and one-line usage errors.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { MockServer } from '../../src/adapters/node/mock-server.js';
import { runVerify, type VerifyIo } from '../../src/cli/verify.js';
import { killRunningMocks, spawnCli } from '../support/mock-cli.js';
import { BEARER, DEMO_KEYS, startFaultyProvider, startProvider, type FaultyProvider } from './provider.js';

const scratch = mkdtempSync(join(tmpdir(), 'verify-cli-'));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function verify(args: string[], io: Partial<VerifyIo> = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await runVerify(args, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), interactive: false, ...io }, {});
  return { code, stdout, stderr };
}

function readJunit(file: string) {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => name === 'testsuite' || name === 'testcase' });
  return parser.parse(readFileSync(file, 'utf8')).testsuites as {
    tests: string;
    failures: string;
    skipped: string;
    testsuite: Array<{ name: string; tests: string; failures: string; testcase: Array<{ name: string; classname: string; failure?: { message: string; '#text': string }; skipped?: { message: string } }> }>;
  };
}

let mock: MockServer;
let relay: FaultyProvider;
beforeAll(async () => {
  mock = await startProvider();
  relay = await startFaultyProvider(mock.url);
});
afterAll(async () => {
  await relay?.close();
  await mock?.close();
});
afterEach(killRunningMocks);

describe('platform-contract verify', () => {
  it('exits 0 for a conforming server, checks only the --only operations, and writes JUnit XML', async () => {
    const junit = join(scratch, 'reports', 'verify.xml');
    const run = await verify(['--base-url', relay.url, '--keys', DEMO_KEYS, '--bearer', BEARER, '--only', 'listRules, getRule', '--junit', junit]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^operationId +checks +passed +failed +skipped$/m);
    expect(run.stdout).toMatch(/^listRules +7 +7 +0 +0$/m);
    expect(run.stdout).toMatch(/^getRule +\d+ +\d+ +0 +1$/m);
    expect(run.stdout).toContain('OK: no violation');
    const report = readJunit(junit);
    expect(report.testsuite.map((suite) => suite.name)).toEqual(['listRules', 'getRule']);
    expect(report.failures).toBe('0');
    const getRule = report.testsuite[1].testcase;
    expect(getRule.map((testcase) => testcase.name)).toContain('scope:missing');
    expect(getRule.find((testcase) => testcase.name === 'scope:resource')?.skipped?.message).toMatch(/lists rule_01HXYZ1234/);
    expect(new Set(relay.received.map((request) => request.url.split('?')[0]))).toEqual(new Set(['/api/v1/rules', '/api/v1/rules/rule_01HXYZ1234']));
  });

  it('exits 1 when a check fails; the JUnit failure carries the request and the reason', async () => {
    const faulty = await startFaultyProvider(mock.url, {
      method: 'GET',
      path: /^\/api\/v1\/rules$/,
      answer: (relayed, incoming, again) => (relayed.status === 403 ? again({ ...incoming, headers: { ...incoming.headers, authorization: 'ApiKey demo_admin' } }) : relayed),
    });
    try {
      const junit = join(scratch, 'failing.xml');
      const run = await verify(['--base-url', faulty.url, '--keys', DEMO_KEYS, '--only', 'listRules', '--junit', junit]);
      expect(run.code).toBe(1);
      expect(run.stdout).toContain('FAIL listRules scope:missing: a key without LIST_RULES (key demo_transfers) gets 403');
      expect(run.stdout).toContain("curl -i 'http://127.0.0.1:");
      expect(run.stdout).toMatch(/expected 403, got 200: x-permission of listRules requires LIST_RULES/);
      const failed = readJunit(junit).testsuite[0].testcase.filter((testcase) => testcase.failure);
      expect(failed.map((testcase) => testcase.name)).toEqual(['scope:missing']);
      expect(failed[0].failure!.message).toMatch(/^expected 403, got 200/);
      expect(failed[0].failure!['#text']).toContain("-H 'authorization: ApiKey demo_transfers'");
    } finally {
      await faulty.close();
    }
  });

  it('sends no POST, PUT, PATCH or DELETE with --read-only, and reports their checks as skipped', async () => {
    const recorder = await startFaultyProvider(mock.url);
    try {
      const junit = join(scratch, 'read-only.xml');
      const run = await verify(['--base-url', recorder.url, '--keys', DEMO_KEYS, '--bearer', BEARER, '--read-only', '--requests', '40', '--seed', '5', '--junit', junit]);
      expect(run.code).toBe(0);
      expect(recorder.received.length).toBeGreaterThan(100);
      expect(recorder.received.filter((request) => request.method !== 'GET')).toEqual([]);
      const createRule = readJunit(junit).testsuite.find((suite) => suite.name === 'createRule')!;
      expect(createRule.testcase.every((testcase) => testcase.skipped?.message === '--read-only: verify sends no POST')).toBe(true);
    } finally {
      await recorder.close();
    }
  });

  it('prints the seed of the generated requests, so that a run can be repeated', async () => {
    const run = await verify(['--base-url', relay.url, '--bearer', BEARER, '--only', 'listEmailSequences', '--requests', '6', '--seed', '11']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Generated requests: 6 of 6 sent, seed 11 (repeat with --seed 11)');
    expect(run.stdout).toMatch(/^listEmailSequences: \d+ checks, \d+ passed, 0 failed, 0 skipped\ngenerated requests: 6 checks, 6 passed, 0 failed, 0 skipped$/m);
  });

  it('skips, with the option to add, what needs credentials it was not given', async () => {
    const run = await verify(['--base-url', relay.url, '--only', 'getRule,getCommsSequence']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/skipped: needs --keys FILE: the API keys the provider was configured with/);
    expect(run.stdout).toMatch(/skipped: needs --bearer TOKEN/);
    expect(run.stdout).toMatch(/^getRule +\d+ +1 +0 +\d+$/m);
  });

  it('shows a progress line on a terminal, and a line per operation otherwise', async () => {
    const terminal = await verify(['--base-url', relay.url, '--bearer', BEARER, '--only', 'getCommsSequence'], { interactive: true });
    expect(terminal.stderr).toMatch(/\r\u001b\[K\[\d+\/\d+\] getCommsSequence /);
    expect(terminal.stdout).not.toContain('getCommsSequence: ');
    const plain = await verify(['--base-url', relay.url, '--bearer', BEARER, '--only', 'getCommsSequence']);
    expect(plain.stderr).toBe('');
    expect(plain.stdout).toMatch(/^getCommsSequence: 2 checks, 2 passed, 0 failed, 0 skipped$/m);
  });

  it('exits 1 with one line when nothing answers at the base URL', async () => {
    const closed = await startFaultyProvider(mock.url);
    await closed.close();
    const run = await verify(['--base-url', closed.url]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(new RegExp(`No answer from ${closed.url}: .*ECONNREFUSED.*Is the provider running there\\?`));
  });

  it.each([
    [[], '--base-url URL is required'],
    [['--base-url', 'ftp://example.com'], '--base-url must be an http:// or https:// URL, not "ftp://example.com"'],
    [['--base-url', 'http://127.0.0.1:1', '--requests', 'many'], '--requests must be a whole number, not "many"'],
    [['--base-url', 'http://127.0.0.1:1', '--seed', '5000000000'], '--seed must be a 32-bit integer (-2147483648 to 2147483647), not 5000000000'],
    [['--base-url', 'http://127.0.0.1:1', '--only', 'getRule,noSuchOperation'], '--only: unknown operationId noSuchOperation (known: listAccounts, getAccount'],
    [['--base-url', 'http://127.0.0.1:1', '--keys', 'missing-keys.yaml'], 'invalid keys file: missing-keys.yaml: keys file not found'],
    [['--base-url', 'http://127.0.0.1:1', '--colour'], "Unknown option '--colour'"],
  ])('exits 2 with one line for a usage error: %j', async (args, message) => {
    const run = await verify(args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain(`verify: `);
    expect(run.stderr).toContain(message);
  });

  it('names the file, line and pointer of a keys file it cannot use', async () => {
    const keys = join(scratch, 'bad-keys.yaml');
    writeFileSync(keys, 'keys:\n  - key: k1\n    permissions:\n      - { scope: READ_EVERYTHING }\n');
    const run = await verify(['--base-url', 'http://127.0.0.1:1', '--keys', keys]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/bad-keys\.yaml:4:\d+: \/keys\/0\/permissions\/0\/scope: unknown scope "READ_EVERYTHING"/);
  });

  it('is a command of platform-contract', async () => {
    const help = spawnCli(['verify', '--help']);
    expect(await help.exited).toBe(0);
    expect(help.stdout()).toContain('Usage: platform-contract verify --base-url URL');
    const usage = spawnCli(['verify', '--base-url']);
    expect(await usage.exited).toBe(2);
    expect(usage.stderr()).toMatch(/^verify: Option '--base-url <value>' argument missing \(see --help\)\n$/);
  });
});
