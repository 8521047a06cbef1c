// `--state-file FILE` as a user meets it: state kept across restarts, one mock per file (the second
// refused in one line), the JSON state file of earlier versions migrated on first start (or refused
// in one line when it cannot be), and a hostile body that leaves the mock able to reset and to stop.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createClient } from '../mock/client.js';
import { ALPHA, STATEFUL_KEYS, seedValue } from '../stateful/harness.js';
import { killRunningMocks, spawnMock } from '../support/mock-cli.js';

const LEGACY_FIXTURE = join(import.meta.dirname, '../fixtures/stateful/state.json');
const RULE = seedValue('000_createRule_request.json');
const DEMO = { authorization: 'ApiKey demo_admin' };
afterEach(killRunningMocks);

const scratches: string[] = [];
const scratch = () => {
  const directory = mkdtempSync(join(tmpdir(), 'state-file-'));
  scratches.push(directory);
  return directory;
};
afterAll(() => scratches.forEach((directory) => rmSync(directory, { recursive: true, force: true })));

async function started(args: string[]) {
  const run = spawnMock([...args, '--port', '0']);
  const url = await run.url();
  return { run, url, client: createClient(url) };
}

async function stopped(mock: Awaited<ReturnType<typeof started>>) {
  mock.client.close();
  mock.run.child.kill('SIGTERM');
  expect(await mock.run.exited).toBe(0);
}

describe('--state-file', () => {
  it('says where the state lives, and keeps it across a restart', async () => {
    const file = join(scratch(), 'state.db');
    const first = await started(['--state-file', file, '--keys', STATEFUL_KEYS]);
    expect(first.run.stdout()).toMatch(new RegExp(`State +per API key organization \\(Rules\\) and bearer token, in ${file} \\(SQLite, (better-sqlite3|node:sqlite)\\)`));
    const created = await first.client.call('POST', '/api/v1/rules', { headers: ALPHA, body: RULE });
    expect(created.status).toBe(201);
    await stopped(first);
    const second = await started(['--state-file', file, '--keys', STATEFUL_KEYS]);
    const read = await second.client.call('GET', `/api/v1/rules/${created.json.data.id}`, { headers: ALPHA });
    expect(read.json.data).toEqual(created.json.data);
    await stopped(second);
  });

  it('refuses a second mock on the same file in one line, while the first keeps serving', async () => {
    const file = join(scratch(), 'state.db');
    const first = await started(['--state-file', file]);
    const second = spawnMock(['--state-file', file, '--port', '0']);
    expect(await second.exited).toBe(1);
    expect(second.stderr()).toBe(`mock: ${file} is in use by another mock: one mock per state file (to share state between mocks, give each --store postgres://...)\n`);
    expect((await first.client.call('GET', '/api/v1/rules', { headers: DEMO })).status).toBe(200);
    await stopped(first);
  });

  it('forgets everything on SIGHUP, as the banner says, and keeps serving', async () => {
    const mock = await started(['--state-file', join(scratch(), 'state.db'), '--keys', STATEFUL_KEYS]);
    expect(mock.run.stdout()).toContain(`POST /__mock/reset with a key or token resets the caller's own; kill -HUP ${mock.run.child.pid} resets everything`);
    const created = await mock.client.call('POST', '/api/v1/rules', { headers: ALPHA, body: RULE });
    mock.run.child.kill('SIGHUP');
    await mock.run.printed('State reset (SIGHUP).');
    expect((await mock.client.call('GET', `/api/v1/rules/${created.json.data.id}`, { headers: ALPHA })).status).toBe(404);
    await stopped(mock);
  });

  it('refuses a file that is not a state file, in one line', async () => {
    const file = join(scratch(), 'notes.txt');
    writeFileSync(file, 'not a database\n');
    const run = spawnMock(['--state-file', file, '--port', '0']);
    expect(await run.exited).toBe(1);
    expect(run.stderr()).toBe(`mock: invalid state file: ${file}: not a state file of this mock (neither an SQLite database nor the JSON format of earlier versions)\n`);
  });

  it('after a 6 KB body nested 3,000 deep is refused, still resets, and stops within a second of SIGTERM', async () => {
    const mock = await started(['--state-file', join(scratch(), 'state.db')]);
    const token = { authorization: 'Bearer deep_body' };
    const deep = `{"name":"Deep","trigger":"contact_added","steps":[{"subject":"Deep","blocks":${'['.repeat(3000)}${']'.repeat(3000)}}]}`;
    const refused = await mock.client.call('POST', '/api/v1/sequences', { headers: { ...token, 'content-type': 'application/json' }, rawBody: deep });
    expect(refused.status).toBe(400);
    const created = await mock.client.call('POST', '/v1/sequences', { headers: token, body: { brand_id: 'b', name: 'n', steps: [] } });
    expect(created.status).toBe(201);
    expect((await mock.client.call('POST', '/__mock/reset', { headers: token })).status).toBe(204);
    expect((await mock.client.call('GET', `/v1/sequences/${created.json.id}`, { headers: token })).status).toBe(404);
    mock.client.close();
    const stopping = Date.now();
    mock.run.child.kill('SIGTERM');
    expect(await mock.run.exited).toBe(0);
    expect(Date.now() - stopping).toBeLessThan(1000);
  });
});

describe('a JSON state file of earlier versions', () => {
  /** The fixture (a version 1 file holding the seed) with one rule a client created and a paused email sequence. */
  function legacyFile(directory: string, change: (document: any) => void = () => {}): string {
    const document = JSON.parse(readFileSync(LEGACY_FIXTURE, 'utf8'));
    const seeded = document.rules.org_demo.rules.rule_01HXYZ1234;
    const id = 'rule_01MIGRATED0000000000000000';
    document.rules.org_demo.rules[id] = { rule: { ...seeded.rule, id, nickname: 'Created before the upgrade', status: 'disabled' }, deleted_at: null };
    document.sequences['bearer:demo_token'].sequences.seq_abc123.status = 'paused';
    change(document);
    const file = join(directory, 'state.json');
    writeFileSync(file, JSON.stringify(document, null, 2));
    return file;
  }

  it('is migrated on first start, the old file kept beside it, and every resource reads back', async () => {
    const directory = scratch();
    const file = legacyFile(directory);
    const original = readFileSync(file, 'utf8');
    const mock = await started(['--state-file', file]);
    expect(mock.run.stdout()).toContain(`Migrated ${file} from the JSON format of earlier versions to SQLite (the JSON file is kept as ${file}.v1.json)`);
    const rules = await mock.client.call('GET', '/api/v1/rules', { headers: DEMO });
    expect(rules.json.data.map((rule: { id: string }) => rule.id)).toEqual(['rule_01MIGRATED0000000000000000', 'rule_01HXYZ1234']);
    const sequence = await mock.client.call('GET', '/api/v1/sequences/seq_abc123', { headers: { authorization: 'Bearer demo_token' } });
    expect(sequence.json.sequence.status).toBe('paused');
    const enrollment = await mock.client.call('POST', '/v1/sequences/enrollments/enr_01JQ9A2C4E6G8J0M2P4R6T8V0X/cancel', { headers: { authorization: 'Bearer demo_token' } });
    expect(enrollment.status).toBe(200);
    await stopped(mock);
    expect(readFileSync(`${file}.v1.json`, 'utf8')).toBe(original);
    expect(readFileSync(file).subarray(0, 15).toString()).toBe('SQLite format 3');
    expect(readdirSync(directory).sort()).toEqual(['state.json', 'state.json.v1.json']);
    // Once migrated, it is a state file like any other.
    const again = await started(['--state-file', file]);
    expect(again.run.stdout()).not.toContain('Migrated');
    expect((await again.client.call('GET', '/api/v1/rules/rule_01MIGRATED0000000000000000', { headers: DEMO })).status).toBe(200);
    await stopped(again);
  });

  it('that the old writer damaged is refused in one line naming the resource and the pointer, and left as it was', async () => {
    const directory = scratch();
    // What the old writer made of amount_in_cents: 1e400.
    const file = legacyFile(directory, (document) => (document.rules.org_demo.transfers.txr_01HABC1111.amount_in_cents = null));
    const original = readFileSync(file, 'utf8');
    const run = spawnMock(['--state-file', file, '--port', '0']);
    expect(await run.exited).toBe(1);
    const lines = run.stderr().trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^mock: invalid state file: ${file}: /rules/org_demo/transfers/txr_01HABC1111/amount_in_cents: not a valid Transfer: .*\\(edit the file, or move it away to start afresh\\)$`));
    expect(readFileSync(file, 'utf8')).toBe(original);
    expect(readdirSync(directory)).toEqual(['state.json']);
    expect(existsSync(`${file}.v1.json`)).toBe(false);
  });
});

