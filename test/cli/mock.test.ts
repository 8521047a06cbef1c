// `platform-contract mock` (and `npm start`) as a user meets it: the ready banner, clean stops, and
// one-line errors: exit code 1 when the mock cannot start, 2 for a mistake on the command line.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { bundledSpecPath, GENERATED_SPEC } from '../mock/spec.js';
import { freePort } from '../../src/net/free-port.js';
import { killRunningMocks, spawnCli, spawnMock } from '../support/mock-cli.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

let spec: string;
const scratch = mkdtempSync(join(tmpdir(), 'mock-cli-'));

beforeAll(() => {
  spec = bundledSpecPath();
});
afterEach(killRunningMocks);

function file(name: string, text: string): string {
  const path = join(scratch, name);
  writeFileSync(path, text);
  return path;
}

describe('platform-contract mock', () => {
  it('prints one ready line with the URL, then the services and the demo keys, and serves', async () => {
    const run = spawnMock(['--spec', spec, '--port', '0']);
    const url = await run.url();
    const [first, ...rest] = run.stdout().trimEnd().split('\n');
    expect(first).toMatch(/^Mock server ready on http:\/\/127\.0\.0\.1:\d+ \(\d+ operations from /);
    expect(rest.join('\n')).toMatch(/Rules .*\/api\/v1\/rules.*ApiKey/);
    expect(rest.join('\n')).toMatch(/Sequences .*Bearer/);
    expect(rest.join('\n')).toMatch(/Comms .*\/v1\/sequences.*Bearer/);
    expect(rest.join('\n')).toContain('demo_admin');
    const answer = await fetch(`${url}/api/v1/rules`, { headers: { authorization: 'ApiKey demo_admin' } });
    expect(answer.status).toBe(200);
    run.child.kill('SIGINT');
    expect(await run.exited).toBe(0);
    expect(run.stderr()).toBe('');
  });

  it('stops cleanly on SIGTERM', async () => {
    const run = spawnMock(['--spec', spec, '--port', '0']);
    await run.url();
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    expect(run.stdout()).toContain('stopped');
  });

  it('takes PORT and HOST from the environment', async () => {
    const port = await freePort();
    const run = spawnMock(['--spec', spec], { PORT: String(port), HOST: '127.0.0.1' });
    expect(await run.url()).toBe(`http://127.0.0.1:${port}`);
    run.child.kill('SIGTERM');
    await run.exited;
  });

  it.skipIf(!existsSync(GENERATED_SPEC))('serves the bundled contract on 127.0.0.1:4010 by default', async () => {
    const run = spawnMock([]);
    expect(await run.url()).toBe('http://127.0.0.1:4010');
    run.child.kill('SIGTERM');
    await run.exited;
  });
});

describe('platform-contract mock fails in one line', () => {
  async function fails(args: string[], code = 1): Promise<string> {
    const run = spawnMock(args);
    expect(await run.exited).toBe(code);
    const lines = run.stderr().trimEnd().split('\n');
    expect(lines, run.stderr()).toHaveLength(1);
    expect(run.stderr()).not.toMatch(/\n\s+at /);
    return lines[0];
  }

  it('for a missing spec', async () => {
    expect(await fails(['--spec', '/nowhere/openapi.json', '--port', '0'])).toMatch(/^mock: invalid spec: \/nowhere\/openapi\.json: spec not found/);
  });

  it('for a file that is not an OpenAPI document', async () => {
    expect(await fails(['--spec', file('not-openapi.json', '{"hello": 1}'), '--port', '0'])).toMatch(/not an OpenAPI 3\.x document/);
    expect(await fails(['--spec', file('broken.json', '{"openapi": '), '--port', '0'])).toMatch(/broken\.json: not valid JSON/);
  });

  it('for a port in use', async () => {
    const blocker = createServer();
    await new Promise<void>(r => blocker.listen(0, '127.0.0.1', r));
    const port = (blocker.address() as { port: number }).port;
    try {
      expect(await fails(['--spec', spec, '--port', String(port)])).toBe(
        `mock: port ${port} is already in use on 127.0.0.1 (stop the other server, or pick another with --port / PORT)`,
      );
    } finally {
      blocker.close();
    }
  });

  it('for a bad keys file, naming the file, line and pointer', async () => {
    const keys = file('keys.yaml', 'keys:\n  - key: a\n    permissions:\n      - { scope: READ_EVERYTHING }\n');
    expect(await fails(['--spec', spec, '--port', '0', '--keys', keys])).toMatch(
      /^mock: invalid keys file: .*keys\.yaml:4:\d+: \/keys\/0\/permissions\/0\/scope: unknown scope "READ_EVERYTHING"/,
    );
  });

  it('for a missing keys file', async () => {
    expect(await fails(['--spec', spec, '--keys', '/no/keys.yaml'])).toMatch(/\/no\/keys\.yaml: keys file not found/);
  });

  it('with exit code 2 for an unknown option or a bad port', async () => {
    expect(await fails(['--spec', spec, '--prot', '1'], 2)).toMatch(/^mock: Unknown option '--prot'/);
    expect(await fails(['--spec', spec, '--port', 'eighty'], 2)).toMatch(/--port must be a port number/);
  });
});

describe('platform-contract', () => {
  it('lists its commands with --help, and prints its version', async () => {
    const help = spawnCli(['--help']);
    expect(await help.exited).toBe(0);
    expect(help.stdout()).toMatch(/^Usage: platform-contract <command>/);
    expect(help.stdout()).toMatch(/^\s+mock\s/m);
    const version = spawnCli(['--version']);
    expect(await version.exited).toBe(0);
    expect(version.stdout().trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('refuses an unknown command with exit code 2, in one line', async () => {
    const run = spawnCli(['serve']);
    expect(await run.exited).toBe(2);
    expect(run.stderr().trim()).toMatch(/^platform-contract: unknown command "serve" \(commands: mock/);
  });
});

describe('npm start', () => {
  it('stops the mock when the npm process is stopped', async () => {
    expect(existsSync(join(ROOT, 'dist/cli/main.js')), 'dist/ is built by `npm ci` (prepare) or `npm run build`').toBe(true);
    const child = spawn('npm', ['start', '--', '--port', '0'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout!.on('data', (chunk) => (out += chunk));
    for (let i = 0; i < 400 && !out.includes('Ctrl+C'); i++) await new Promise((resolve) => setTimeout(resolve, 25));
    const url = /ready on (http:\/\/\S+)/.exec(out)?.[1];
    expect(url, out).toBeDefined();
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    // The mock itself goes too: its port stops answering within a few seconds.
    let answering = true;
    for (let i = 0; i < 40 && answering; i++) {
      answering = await fetch(`${url}/api/v1/rules`).then(() => true, () => false);
      if (answering) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(answering).toBe(false);
  });
});

