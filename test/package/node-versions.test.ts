// The installed package on the Node versions users run beside this machine's 20: Node 22 and 24 (the
// `node` package of the npm registry ships their binaries), serving the bundled contract.
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../support/contract.js';
import { packedProject, type PackedProject } from '../support/packed.js';

const run = promisify(execFile);
let project: PackedProject;

beforeAll(async () => {
  project = await packedProject();
}, 300_000);

/** The node binary of `major`, installed once under node_modules/.cache. */
async function nodeBinary(major: number): Promise<string> {
  const prefix = path.join(projectRoot, 'node_modules', '.cache', `node-${major}`);
  const binary = path.join(prefix, 'node_modules', 'node', 'bin', 'node');
  if (!existsSync(binary)) {
    await mkdir(prefix, { recursive: true });
    await run('npm', ['install', '--prefix', prefix, '--no-audit', '--no-fund', '--no-save', `node@${major}`], { cwd: prefix });
  }
  return binary;
}

describe.each([22, 24])('Node %i', (major) => {
  it('runs `platform-contract mock` from the installed package and answers as on Node 20', async () => {
    const node = await nodeBinary(major);
    const { stdout: version } = await run(node, ['--version']);
    expect(version.trim()).toMatch(new RegExp(`^v${major}\\.`));
    const child = spawn(node, ['node_modules/platform-contract/dist/cli/main.js', 'mock', '--port', '0', '--stateful'], { cwd: project.dir, env: { ...process.env, PORT: '', HOST: '' } });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    try {
      for (let i = 0; i < 400 && !output.includes('Ctrl+C'); i++) await new Promise((resolve) => setTimeout(resolve, 25));
      const url = /ready on (http:\/\/\S+)/.exec(output)?.[1];
      expect(url, output).toBeDefined();
      const created = await fetch(`${url}/v1/sequences`, { method: 'POST', headers: { authorization: 'Bearer t', 'content-type': 'application/json' }, body: JSON.stringify({ brand_id: 'b', name: 'n', steps: [] }) });
      expect(created.status).toBe(201);
      const { id } = (await created.json()) as { id: string };
      expect((await fetch(`${url}/v1/sequences/${id}`, { headers: { authorization: 'Bearer t' } })).status).toBe(200);
      const denied = await fetch(`${url}/api/v1/rules/rule_01HXYZ1234`, { headers: { authorization: 'ApiKey demo_no_access' } });
      expect(denied.status).toBe(403);
      const generated = await fetch(`${url}/api/v1/rules/rule_01HXYZ1234`, { headers: { authorization: 'ApiKey demo_admin', prefer: 'dynamic=true' } });
      expect(generated.status).toBe(200);
      expect(generated.headers.get('x-mock-reason')).toBeNull();
    } finally {
      child.kill('SIGTERM');
    }
  });
});
