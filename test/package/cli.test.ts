// `npx platform-contract` from a project that installed the packed tarball: the mock driven over
// HTTP, verify checking it, and diff on two contracts: the README's promise to teams that never clone this repository.
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../support/contract.js';
import { packedProject, type PackedProject } from '../support/packed.js';

let project: PackedProject;
const running: ChildProcess[] = [];

beforeAll(async () => {
  project = await packedProject();
}, 300_000);

/** Whether any process of `child`'s process group (npx, the `sh -c` it starts, the mock) is left. */
function groupAlive(child: ChildProcess): boolean {
  try {
    process.kill(-child.pid!, 0);
    return true;
  } catch {
    return false;
  }
}

// npx runs the mock under `sh -c`; killed hard, npx would leave both behind, so what a test started is
// killed as a whole process group.
afterAll(() => {
  for (const child of running) if (groupAlive(child)) process.kill(-child.pid!, 'SIGKILL');
});

/** Stops `npx platform-contract mock` as Ctrl+C in a terminal does (a signal to its whole process group) and waits until all of it is gone. */
async function stop(child: ChildProcess): Promise<void> {
  process.kill(-child.pid!, 'SIGINT');
  for (let i = 0; i < 200 && groupAlive(child); i++) await new Promise((resolve) => setTimeout(resolve, 25));
  if (groupAlive(child)) process.kill(-child.pid!, 'SIGKILL');
}

/** `npx platform-contract ...` in the scratch project; resolves with its URL once the banner is printed. */
async function npx(args: string[]): Promise<{ url: string; child: ChildProcess; output: () => string }> {
  const child = spawn('npx', ['--no-install', 'platform-contract', ...args], { cwd: project.dir, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, PORT: '', HOST: '' }, detached: true });
  running.push(child);
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  for (let i = 0; i < 600 && !output.includes('Ctrl+C'); i++) {
    if (child.exitCode !== null) throw new Error(`npx platform-contract ${args.join(' ')} exited: ${output}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  const url = /ready on (http:\/\/\S+)/.exec(output)?.[1];
  if (!url) throw new Error(`no ready line: ${output}`);
  return { url, child, output: () => output };
}

const seedRule = async () => JSON.parse(await readFile(path.join(projectRoot, 'test/fixtures/seeds/000_createRule_request.json'), 'utf8')).value;

describe('the packed package', () => {
  it('ships the compiled CLI, the bundled contract and the demo keys, and no sources, tests or docs build', () => {
    expect(project.files).toEqual(expect.arrayContaining(['dist/cli/main.js', 'generated/openapi.json', 'mock/demo-keys.yaml', 'package.json']));
    expect(project.files.filter((file) => /^(src|test|scripts|bench|paths|schemas|examples|dist\/docs)\//.test(file))).toEqual([]);
  });

  it('answers --help', async () => {
    const child = spawn('npx', ['--no-install', 'platform-contract', '--help'], { cwd: project.dir });
    let out = '';
    child.stdout!.on('data', (chunk) => (out += chunk));
    expect(await new Promise((resolve) => child.on('exit', resolve))).toBe(0);
    expect(out).toMatch(/Usage: platform-contract <command>/);
  });
});

describe('npx platform-contract mock', () => {
  let mock: Awaited<ReturnType<typeof npx>>;
  beforeAll(async () => {
    mock = await npx(['mock', '--port', '0']);
  });
  afterAll(() => mock && stop(mock.child));

  const call = (method: string, pathname: string, headers: Record<string, string> = {}, body?: unknown) =>
    fetch(`${mock.url}${pathname}`, { method, headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers }, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });

  it('serves the bundled contract with the demo keys', () => {
    expect(mock.output()).toMatch(/operations from node_modules\/platform-contract\/generated\/openapi\.json/);
    expect(mock.output()).toContain('demo_admin');
  });

  it('authenticates and applies the scopes', async () => {
    expect((await call('GET', '/api/v1/rules')).status).toBe(401);
    expect((await call('GET', '/api/v1/rules', { authorization: 'ApiKey demo_admin' })).status).toBe(200);
    const denied = await call('GET', '/api/v1/rules/rule_01HXYZ1234', { authorization: 'ApiKey demo_no_access' });
    expect(denied.status).toBe(403);
    expect(await denied.json()).toEqual({ error: { code: 'forbidden', message: 'This API key does not have the required permission.' } });
  });

  it("answers bad input in each service's envelope", async () => {
    const sequences = await call('POST', '/api/v1/sequences', { authorization: 'Bearer t' }, { trigger: 'contact_added' });
    expect(sequences.status).toBe(400);
    expect(await sequences.json()).toMatchObject({ success: false, code: 'validation_error', details: [{ pointer: '/name' }] });
    const comms = await call('POST', '/v1/sequences', { authorization: 'Bearer t' }, { name: 'x' });
    expect(comms.status).toBe(422);
    expect(await comms.json()).toMatchObject({ error: 'validation_error' });
  });

  it('replays an Idempotency-Key', async () => {
    const headers = { authorization: 'ApiKey demo_admin', 'idempotency-key': 'pack-test-1' };
    const first = await call('POST', '/api/v1/rules', headers, await seedRule());
    const again = await call('POST', '/api/v1/rules', headers, await seedRule());
    expect(first.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.headers.get('x-request-id')).toBe(first.headers.get('x-request-id'));
  });
});

describe('npx platform-contract verify', () => {
  it('verifies the packed mock against the contract with its demo keys: exit code 0, a summary and JUnit', async () => {
    const mock = await npx(['mock', '--port', '0']);
    try {
      const child = spawn(
        'npx',
        ['--no-install', 'platform-contract', 'verify', '--base-url', mock.url, '--keys', 'node_modules/platform-contract/mock/demo-keys.yaml', '--bearer', 't', '--only', 'getRule,createCommsSequence', '--junit', 'verify.xml'],
        { cwd: project.dir },
      );
      let out = '';
      child.stdout!.on('data', (chunk) => (out += chunk));
      child.stderr!.on('data', (chunk) => (out += chunk));
      expect(await new Promise((resolve) => child.on('exit', resolve)), out).toBe(0);
      expect(out).toMatch(/^getRule +\d+ +\d+ +0 +\d+$/m);
      expect(out).toContain('OK: no violation');
      expect(await readFile(path.join(project.dir, 'verify.xml'), 'utf8')).toMatch(/<testsuite[^>]+name="createCommsSequence"/);
    } finally {
      await stop(mock.child);
    }
  });
});

describe('npx platform-contract diff', () => {
  it('finds a breaking change between two contracts, with exit code 1, and none in a contract against itself', async () => {
    const base = path.join(project.dir, 'base.json');
    await copyFile(path.join(project.dir, 'node_modules/platform-contract/generated/openapi.json'), base);
    const contract = JSON.parse(await readFile(base, 'utf8'));
    delete contract.paths['/api/v1/cards'];
    await writeFile(path.join(project.dir, 'head.json'), JSON.stringify(contract));
    const diff = (head: string) =>
      new Promise<{ code: number | null; out: string }>((resolve) => {
        const child = spawn('npx', ['--no-install', 'platform-contract', 'diff', 'base.json', head, '--format', 'json'], { cwd: project.dir });
        let out = '';
        child.stdout!.on('data', (chunk) => (out += chunk));
        child.on('exit', (code) => resolve({ code, out }));
      });
    const changed = await diff('head.json');
    expect(changed.code).toBe(1);
    expect(JSON.parse(changed.out).findings).toContainEqual(expect.objectContaining({ kind: 'breaking', operationId: 'listCards' }));
    expect((await diff('base.json')).code).toBe(0);
  });
});

describe('npx platform-contract mock --stateful', () => {
  it('stores what a client creates and lists it', async () => {
    const mock = await npx(['mock', '--port', '0', '--stateful']);
    try {
      const headers = { authorization: 'ApiKey demo_admin', 'content-type': 'application/json' };
      const created = await fetch(`${mock.url}/api/v1/rules`, { method: 'POST', headers, body: JSON.stringify(await seedRule()) });
      expect(created.status).toBe(201);
      const { data } = (await created.json()) as { data: { id: string; status: string } };
      expect(data.status).toBe('disabled');
      const listed = (await (await fetch(`${mock.url}/api/v1/rules`, { headers })).json()) as { data: Array<{ id: string }> };
      expect(listed.data[0].id).toBe(data.id);
    } finally {
      await stop(mock.child);
    }
  });
});
