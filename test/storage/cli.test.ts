// The storage options of `platform-contract mock`: --store's banner shows the URL without its password,
// and nothing the mock prints (banner, request log, errors) ever holds it; mistakes are one line; the
// bound options take effect.
import { afterEach, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { createClient } from '../mock/client.js';
import { ALPHA, STATEFUL_KEYS, seedValue } from '../stateful/harness.js';
import { killRunningMocks, spawnMock } from '../support/mock-cli.js';
import { startPostgres } from '../support/embedded-postgres.js';
import { usePostgres, type SharedPostgres } from '../support/postgres.js';

const RULE = seedValue('000_createRule_request.json');
afterEach(killRunningMocks);

async function fails(args: string[], code: number): Promise<string> {
  const run = spawnMock([...args, '--port', '0']);
  expect(await run.exited).toBe(code);
  const lines = run.stderr().trimEnd().split('\n');
  expect(lines, run.stderr()).toHaveLength(1);
  return lines[0];
}

describe('--store postgres://...', () => {
  const postgres = usePostgres();
  let database: SharedPostgres;
  let url: string;
  beforeAll(async () => {
    database = postgres.server();
    url = await database.createDatabase('cli');
  });

  it('prints where the state lives without the password, and never prints the password', async () => {
    const run = spawnMock(['--store', url, '--port', '0', '--log', '--keys', STATEFUL_KEYS]);
    const client = createClient(await run.url());
    expect(run.stdout()).toContain(`and bearer token, in PostgreSQL postgres://mock@127.0.0.1:${database.port}/cli\n`);
    expect((await client.call('POST', '/api/v1/rules', { headers: ALPHA, body: RULE })).status).toBe(201);
    expect((await client.call('GET', '/api/v1/rules/rule_missing', { headers: ALPHA })).status).toBe(404);
    client.close();
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    expect(run.stdout()).toMatch(/POST \/api\/v1\/rules 201/);
    expect(`${run.stdout()}${run.stderr()}`).not.toContain(database.password);
  });

  it('that cannot be used stops the mock in one line without the password', async () => {
    const wrong = url.replace(database.password, 'wrong-secret-4711');
    const line = await fails(['--store', wrong], 1);
    expect(line).toBe(`mock: cannot use the PostgreSQL store postgres://mock@127.0.0.1:${database.port}/cli: password authentication failed for user "mock"`);
    expect(line).not.toContain('wrong-secret-4711');
  });

  it('reports a server that goes away while it runs (500, and a line on stderr) without the password', async () => {
    const leaving = await startPostgres();
    onTestFinished(() => leaving.stop());
    const run = spawnMock(['--store', await leaving.createDatabase('leaving'), '--port', '0', '--keys', STATEFUL_KEYS]);
    const client = createClient(await run.url());
    expect((await client.call('POST', '/api/v1/rules', { headers: ALPHA, body: RULE })).status).toBe(201);
    await leaving.stop();
    const failed = await client.call('POST', '/api/v1/rules', { headers: ALPHA, body: RULE });
    expect(failed.status).toBe(500);
    expect(failed.json.error.code).toBe('internal_error');
    client.close();
    await run.printed('Ctrl+C');
    expect(run.stderr()).toMatch(/^mock: /);
    expect(`${run.stdout()}${run.stderr()}`).not.toContain(leaving.password);
  });

  it('takes its password from PGPASSWORD when the URL has none, keeping it off the command line', async () => {
    const run = spawnMock(['--store', `postgres://mock@127.0.0.1:${database.port}/cli`, '--port', '0'], { PGPASSWORD: database.password });
    await run.url();
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
  });
});

describe('storage options', () => {
  it('refuse a URL that is not PostgreSQL, and --state-file with --store, in one line', async () => {
    expect(await fails(['--store', 'mysql://root:hunter2@db/x'], 1)).toBe('mock: --store supports postgres:// (or postgresql://) URLs, not mysql://');
    expect(await fails(['--store', 'postgres://a@b/c', '--state-file', 'x.db'], 2)).toBe('mock: give --state-file or --store, not both (see --help)');
    expect(await fails(['--stateful', '--max-resources', '0'], 2)).toBe('mock: --max-resources must be a whole number of at least 1, not "0"');
  });

  it('apply the bounds given on the command line', async () => {
    const run = spawnMock(['--stateful', '--max-resources', '2', '--port', '0', '--keys', STATEFUL_KEYS]);
    const client = createClient(await run.url());
    // The seeded rule and one more are two.
    expect((await client.call('POST', '/api/v1/rules', { headers: ALPHA, body: RULE })).status).toBe(201);
    const refused = await client.call('POST', '/api/v1/rules', { headers: ALPHA, body: RULE });
    expect(refused.status).toBe(507);
    expect(refused.json.error.message).toMatch(/at most 2 rules per organization/);
    client.close();
  });
});
