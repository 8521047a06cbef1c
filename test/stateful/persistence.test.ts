// `--state-file`: the state survives a restart, is written atomically, and a corrupt file stops the mock
// with one line naming the file and what is wrong. Resetting (POST /__mock/reset, SIGHUP) clears it.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { readStateFile, StateFileError } from '../../src/state/persistence.js';
import { bundledSpecPath } from '../mock/spec.js';
import { killRunningMocks, spawnMock } from '../support/mock-cli.js';
import { ALPHA, SEEDED_RULE, STATEFUL_KEYS, exampleValue, seedValue, startStatefulMock, type StatefulTestMock } from './harness.js';

const ROOT = resolve(import.meta.dirname, '../..');
const RULE = seedValue('000_createRule_request.json');
const BEARER = { authorization: 'Bearer persistence_test' };
const scratch = mkdtempSync(join(tmpdir(), 'mock-state-'));
let files = 0;
/** A fresh directory, and the state file's path in it. */
const stateFileIn = () => join(mkdtempSync(join(scratch, `case-${++files}-`)), 'state.json');

/** Servers still running, stopped after the tests if a test failed before stopping its own. */
const running = new Set<StatefulTestMock>();
afterAll(async () => {
  for (const mock of running) await mock.close();
});

async function start(stateFile: string) {
  const mock = await startStatefulMock({ stateful: { stateFile } });
  running.add(mock);
  return mock;
}

async function stop(mock: StatefulTestMock) {
  running.delete(mock);
  await mock.close();
}

describe('a state file', () => {
  it('keeps every resource across a restart', async () => {
    const stateFile = stateFileIn();
    const before = await start(stateFile);
    const rule = (await before.api('createRule', 'POST', '/api/v1/rules', { headers: ALPHA, body: RULE })).json.data;
    await before.api('deleteRule', 'DELETE', `/api/v1/rules/${SEEDED_RULE}`, { headers: ALPHA });
    const execution = (await before.api('triggerRule', 'POST', `/api/v1/rules/${rule.id}/trigger`, { headers: ALPHA })).json.data.execution_id;
    const transfer = (await before.api('createTransfer', 'POST', '/api/v1/transfers', { headers: ALPHA, body: exampleValue('rules/transfer-create-request.yaml') })).json.data;
    const sequence = (await before.api('createEmailSequence', 'POST', '/api/v1/sequences', { headers: BEARER, body: seedValue('003_createEmailSequence_request_2.json') })).json.sequence;
    await before.api('enableEmailSequence', 'POST', `/api/v1/sequences/${sequence.id}/enable`, { headers: BEARER });
    const comms = (await before.api('createCommsSequence', 'POST', '/v1/sequences', { headers: BEARER, body: exampleValue('comms/create-sequence-request.yaml') })).json;
    const enrollment = (await before.api('enrollInCommsSequence', 'POST', `/v1/sequences/${comms.id}/enroll`, { headers: BEARER, body: exampleValue('comms/enroll-request.yaml') })).json;
    await stop(before);

    const after = await start(stateFile);
    expect((await after.api('getRule', 'GET', `/api/v1/rules/${rule.id}`, { headers: ALPHA })).json.data).toEqual(rule);
    expect((await after.api('getRule', 'GET', `/api/v1/rules/${SEEDED_RULE}`, { headers: ALPHA })).status).toBe(404);
    expect((await after.api('listRules', 'GET', '/api/v1/rules', { headers: ALPHA })).json.data.map((r: { id: string }) => r.id)).toEqual([rule.id]);
    expect((await after.api('getRuleExecution', 'GET', `/api/v1/rule-executions/${execution}`, { headers: ALPHA })).status).toBe(200);
    expect((await after.api('getTransfer', 'GET', `/api/v1/transfers/${transfer.id}`, { headers: ALPHA })).json.data).toEqual(transfer);
    expect((await after.api('getEmailSequence', 'GET', `/api/v1/sequences/${sequence.id}`, { headers: BEARER })).json.sequence.status).toBe('active');
    expect((await after.api('getCommsSequence', 'GET', `/v1/sequences/${comms.id}`, { headers: BEARER })).json).toEqual(comms);
    const cancelled = await after.api('cancelCommsEnrollment', 'POST', `/v1/sequences/enrollments/${enrollment.id}/cancel`, { headers: BEARER });
    expect(cancelled.json).toMatchObject({ id: enrollment.id, status: 'cancelled' });
  });

  it('is written atomically: after a burst of changes it is one valid document, with no temporary file left', async () => {
    const stateFile = stateFileIn();
    const mock = await start(stateFile);
    await Promise.all(Array.from({ length: 100 }, (_, i) => mock.api('createRule', 'POST', '/api/v1/rules', { headers: ALPHA, body: { ...RULE, nickname: `Rule ${i}` } })));
    await stop(mock);
    expect(readdirSync(resolve(stateFile, '..'))).toEqual(['state.json']);
    const document = JSON.parse(readFileSync(stateFile, 'utf8'));
    expect(Object.keys(document.rules.org_alpha.rules)).toHaveLength(101);
  });

  it('is cleared by POST /__mock/reset, a mock-only endpoint', async () => {
    const stateFile = stateFileIn();
    const mock = await start(stateFile);
    const rule = (await mock.api('createRule', 'POST', '/api/v1/rules', { headers: ALPHA, body: RULE })).json.data;
    expect((await mock.call('POST', '/__mock/reset')).status).toBe(204);
    expect((await mock.api('getRule', 'GET', `/api/v1/rules/${rule.id}`, { headers: ALPHA })).status).toBe(404);
    expect((await mock.api('getRule', 'GET', `/api/v1/rules/${SEEDED_RULE}`, { headers: ALPHA })).status).toBe(200);
    await stop(mock);
    // Reads alone change nothing, so the file holds no space at all after the reset.
    expect(JSON.parse(readFileSync(stateFile, 'utf8'))).toEqual({ version: 1, rules: {}, sequences: {}, comms: {} });
  });
});

describe('a state file that cannot be used', () => {
  /** The StateFileError that reading `text` as a state file raises. */
  async function problem(text: string): Promise<string> {
    const file = stateFileIn();
    writeFileSync(file, text);
    const error = await readStateFile(file).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StateFileError);
    const message = (error as Error).message;
    expect(message.startsWith(`${file}: `)).toBe(true);
    return message.slice(file.length + 2);
  }

  const valid = () => JSON.parse(readFileSync(join(ROOT, 'test/fixtures/stateful/state.json'), 'utf8'));

  it('is refused when it is not JSON, or empty', async () => {
    expect(await problem('{"version": 1,')).toMatch(/^not valid JSON: /);
    expect(await problem('')).toMatch(/^not valid JSON: /);
  });

  it('is refused when it is not a state document of this version', async () => {
    expect(await problem('[]')).toBe('/: must be an object { version, rules, sequences, comms }');
    expect(await problem(JSON.stringify({ ...valid(), version: 2 }))).toBe('/version: must be 1 (the version of state files this mock writes), not 2');
    expect(await problem(JSON.stringify({ ...valid(), accounts: {} }))).toBe('/accounts: unknown property (expected version, rules, sequences, comms)');
  });

  it('is refused, at the offending pointer, when a stored resource breaks the contract', async () => {
    const broken = valid();
    broken.rules.org_demo.rules.rule_01HXYZ1234.rule.status = 'paused';
    expect(await problem(JSON.stringify(broken))).toBe('/rules/org_demo/rules/rule_01HXYZ1234/rule/status: not a valid Rule: The string "paused" is not one of the allowed values: "enabled" or "disabled".',);
    const misfiled = valid();
    misfiled.comms['bearer:demo_token'].sequences.seq_elsewhere = misfiled.comms['bearer:demo_token'].sequences.seq_01JQ8M4ZK7C2V9XW3N5R6T8YBD;
    expect(await problem(JSON.stringify(misfiled))).toBe('/comms/bearer:demo_token/sequences/seq_elsewhere/id: must be "seq_elsewhere", the key it is stored under');
  });

  it('is read when valid, and missing is no problem (the mock starts empty)', async () => {
    const file = stateFileIn();
    expect(await readStateFile(file)).toBeUndefined();
    writeFileSync(file, JSON.stringify(valid()));
    expect(await readStateFile(file)).toEqual(valid());
  });
});

describe('npm start -- --stateful', () => {
  afterEach(killRunningMocks);

  const run = (args: string[]) => spawnMock(['--spec', bundledSpecPath(), '--keys', STATEFUL_KEYS, '--port', '0', ...args]);

  const createRule = (url: string) =>
    fetch(`${url}/api/v1/rules`, { method: 'POST', headers: { ...ALPHA, 'content-type': 'application/json' }, body: JSON.stringify(RULE) }).then(r => r.json());
  const ruleStatus = (url: string, id: string) => fetch(`${url}/api/v1/rules/${id}`, { headers: ALPHA }).then(r => r.status);

  it('keeps what was created across a stop (SIGTERM) and a start with the same --state-file', async () => {
    const stateFile = stateFileIn();
    const first = run(['--state-file', stateFile]);
    const url = await first.url();
    expect(await first.printed('State')).toMatch(/State .*saved in .*state\.json; POST \/__mock\/reset or kill -HUP \d+ resets it/);
    const rule = (await createRule(url)).data;
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);

    const second = run(['--stateful', '--state-file', stateFile]);
    const again = await second.url();
    expect(await ruleStatus(again, rule.id)).toBe(200);
    // SIGHUP forgets it, and the mock keeps running.
    second.child.kill('SIGHUP');
    await second.printed('State reset (SIGHUP).');
    expect(await ruleStatus(again, rule.id)).toBe(404);
    expect(await ruleStatus(again, SEEDED_RULE)).toBe(200);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  });

  it('stops with one line naming the file and what is wrong, and exit code 1, for a corrupt state file', async () => {
    const stateFile = stateFileIn();
    writeFileSync(stateFile, '{"version": 1, "rules": ');
    const failed = run(['--stateful', '--state-file', stateFile]);
    expect(await failed.exited).toBe(1);
    const lines = failed.stderr().trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^mock: invalid state file: ${stateFile.replaceAll('.', '\\.')}: not valid JSON: `));
  });
});
