// npm run test:runtimes: the smoke run on the Node versions users run beside this machine's own (which
// `npm test` covers whole). For each version, with the binary from the `node` npm package (the only
// place this machine can get one): a fresh copy of this checkout, `npm ci`, `npm start` answering real
// requests, and the pack-and-install tests. Apart from `npm test` because each `npm ci` takes a minute.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

/** The versions tested: the newest 22.x and 24.x of the `node` package (`npm view node versions --json`). */
const VERSIONS = ['22.23.3', '24.21.0'];
/**
 * The tests that pack the tarball, install it in a scratch project and drive it: `npx platform-contract`,
 * a TypeScript consumer, and platform-contract/msw with msw 2 and 3 (msw 3's Node side needs Node 22.12,
 * so it runs only here).
 */
const PACK_TESTS = ['test/package/cli.test.ts', 'test/generated/pack.test.ts', 'test/msw/package.test.ts'];
const INSTALL_TIMEOUT_MS = 5 * 60_000;
const NPM_CI_TIMEOUT_MS = 10 * 60_000;
const READY_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 5_000;
const PACK_TESTS_TIMEOUT_MS = 10 * 60_000;

const root = fileURLToPath(new URL('..', import.meta.url));
const execFileAsync = promisify(execFile);
const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface NodeRuntime {
  version: string;
  binary: string;
  /** The environment that runs the machine's npm, and every script it starts, on this Node. */
  env: NodeJS.ProcessEnv;
}

interface Outcome {
  version: string;
  npmCiSeconds?: number;
  firstAnswerMs?: number;
  packTests?: string;
  failure?: string;
}

// ---- child processes -------------------------------------------------------------------------------

interface Started {
  child: ChildProcess;
  /** The exit code, or the signal that ended it. */
  closed: Promise<number | string>;
}

interface StartOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** The prefix of each line it prints. */
  label: string;
  onLine?: (line: string) => void;
}

/** Children still running, to kill if this script is interrupted. */
const running = new Set<ChildProcess>();

/**
 * Starts a command with its output on the console, each line prefixed with `label`. It gets a process
 * group of its own so that a time-out or a failure can kill all it started (npm's `sh -c`, the mock).
 */
function start(command: string, args: string[], options: StartOptions): Started {
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  running.add(child);
  for (const stream of [child.stdout!, child.stderr!]) {
    createInterface({ input: stream }).on('line', (line) => {
      console.log(`  [${options.label}] ${line}`);
      options.onLine?.(line);
    });
  }
  const closed = new Promise<number | string>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      running.delete(child);
      resolve(code ?? signal ?? 'unknown');
    });
  });
  return { child, closed };
}

function killGroup(child: ChildProcess): void {
  try {
    process.kill(-child.pid!, 'SIGKILL');
  } catch {
    // The group is gone already.
  }
}

/** Runs a command to its end; throws naming its exit code, or the time-out that killed it. */
async function run(command: string, args: string[], options: StartOptions & { timeoutMs: number }): Promise<void> {
  const { child, closed } = start(command, args, options);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    killGroup(child);
  }, options.timeoutMs);
  const status = await closed.finally(() => clearTimeout(timer));
  if (timedOut) throw new Error(`${command} ${args.join(' ')} took over ${options.timeoutMs / 1000} s`);
  if (status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${status}`);
}

// ---- the steps -------------------------------------------------------------------------------------

/**
 * The environment of the `npm run` that started this script, less what that npm put in it: its prefix,
 * its Node and nodedir=/usr would otherwise point the npm below at this checkout and Node 20's headers.
 */
function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('npm_') && key !== 'NODE' && key !== 'INIT_CWD'));
}

/** The binary of `version`, installed once into node_modules/.cache and reused. */
async function installNode(version: string): Promise<NodeRuntime> {
  const prefix = path.join(root, 'node_modules', '.cache', `node-${version}`);
  const home = path.join(prefix, 'node_modules', 'node');
  // The `node` package installs the binary, and its headers, from a package for this platform.
  const nodedir = path.join(home, 'node_modules', `node-${process.platform}-${process.arch}`);
  const binary = path.join(home, 'bin', 'node');
  const base = { ...cleanEnv(), CI: 'true' };
  if (!existsSync(binary) || !existsSync(path.join(nodedir, 'include', 'node'))) {
    await mkdir(prefix, { recursive: true });
    const args = ['install', '--prefix', prefix, '--no-save', '--no-audit', '--no-fund', `node@${version}`];
    await run('npm', args, { cwd: prefix, env: base, label: `${version} install`, timeoutMs: INSTALL_TIMEOUT_MS });
  }
  const printed = (await execFileAsync(binary, ['--version'])).stdout.trim();
  if (printed !== `v${version}`) throw new Error(`${binary} --version printed ${printed}`);
  const env = {
    ...base,
    // First on PATH, so that `npm` (a `#!/usr/bin/env node` script), npx and every lifecycle script run on it.
    PATH: `${path.dirname(binary)}${path.delimiter}${process.env.PATH}`,
    // No prebuilt better-sqlite3 can be downloaded here: node-gyp builds it, against this Node's headers.
    npm_config_nodedir: nodedir,
  };
  return { version, binary, env };
}

/** This checkout's files as git lists them, committed or not (never node_modules or dist), in a fresh temp dir. */
async function copyProject(version: string): Promise<string> {
  const { stdout } = await execFileAsync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: root, maxBuffer: 16 * 1024 * 1024 });
  // node_modules may be a symlink (a worktree's), which the ignore rule `node_modules/` does not match;
  // a file deleted but not yet staged is still listed by --cached.
  const files = stdout.split('\0').filter((file) => file && !/^(node_modules|dist)(\/|$)/.test(file) && existsSync(path.join(root, file)));
  const copy = await mkdtemp(path.join(tmpdir(), `platform-contract-node-${version}-`));
  // mkdtemp makes it 0700; as root, the tests' embedded PostgreSQL runs as the `postgres` user, which
  // must reach its binaries under the copy's node_modules.
  await chmod(copy, 0o755);
  for (const file of files) {
    await mkdir(path.dirname(path.join(copy, file)), { recursive: true });
    await copyFile(path.join(root, file), path.join(copy, file));
  }
  return copy;
}

function expectStatus(what: string, response: Response, expected: number): void {
  if (response.status !== expected) throw new Error(`${what} answered ${response.status}, expected ${expected}`);
}

/** One request per service's scheme, a denied key, and a create read back (the mock runs --stateful). */
async function checkAnswers(url: string): Promise<void> {
  const rule = `${url}/api/v1/rules/rule_01HXYZ1234`;
  expectStatus('GET the seeded rule as demo_admin', await fetch(rule, { headers: { authorization: 'ApiKey demo_admin' } }), 200);
  // A body generated from the schema rather than the documented example: the generator runs on this Node.
  expectStatus('GET a generated rule as demo_admin', await fetch(rule, { headers: { authorization: 'ApiKey demo_admin', prefer: 'dynamic=true' } }), 200);
  expectStatus('GET the rule as demo_no_access', await fetch(rule, { headers: { authorization: 'ApiKey demo_no_access' } }), 403);
  const body = JSON.stringify({ brand_id: 'b', name: 'n', steps: [] });
  const created = await fetch(`${url}/v1/sequences`, { method: 'POST', headers: { authorization: 'Bearer t', 'content-type': 'application/json' }, body });
  expectStatus('POST /v1/sequences', created, 201);
  const { id } = (await created.json()) as { id: string };
  expectStatus('GET the created sequence', await fetch(`${url}/v1/sequences/${id}`, { headers: { authorization: 'Bearer t' } }), 200);
}

/** `npm start` in the copy: waits for its banner, checks its answers, stops it. Resolves with start→first answer ms. */
async function serve(runtime: NodeRuntime, copy: string): Promise<number> {
  const began = performance.now();
  let output = '';
  const onLine = (line: string) => (output += `${line}\n`);
  const env = { ...runtime.env, PORT: '', HOST: '' };
  const { child, closed } = start('npm', ['start', '--', '--port', '0', '--stateful'], { cwd: copy, env, label: `${runtime.version} start`, onLine });
  try {
    // The banner ends with the line naming Ctrl+C; the address is on its first line.
    for (const deadline = Date.now() + READY_TIMEOUT_MS; !output.includes('Ctrl+C'); await delay(25)) {
      if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode} before its ready line`);
      if (Date.now() > deadline) throw new Error(`no ready line within ${READY_TIMEOUT_MS / 1000} s`);
    }
    const url = /ready on (http:\/\/\S+)/.exec(output)?.[1];
    if (!url) throw new Error('the banner has no "ready on http://..." line');
    const first = await fetch(`${url}/api/v1/rules`, { headers: { authorization: 'ApiKey demo_admin' } });
    const firstAnswerMs = performance.now() - began;
    expectStatus('GET /api/v1/rules as demo_admin', first, 200);
    await checkAnswers(url);
    child.kill('SIGTERM');
    const status = await Promise.race([closed, delay(STOP_TIMEOUT_MS).then(() => `still running ${STOP_TIMEOUT_MS / 1000} s after SIGTERM`)]);
    if (status !== 0) throw new Error(`npm start on SIGTERM: ${typeof status === 'number' ? `exited with ${status}` : status}`);
    return firstAnswerMs;
  } finally {
    killGroup(child);
  }
}

/** better-sqlite3, which `npm ci` built with node-gyp, loads on this Node: built against other headers, it would not. */
async function checkNativeBuild(runtime: NodeRuntime, copy: string): Promise<void> {
  const open = "new (require('better-sqlite3'))(':memory:').close()";
  await execFileAsync(runtime.binary, ['-e', open], { cwd: copy }).catch((error: { stderr: string }) => {
    // Node's error spans lines (a wrong ABI: "... using NODE_MODULE_VERSION 115. This version of Node.js
    // requires NODE_MODULE_VERSION 137 ..."): the message up to the stack, on one line.
    const reason = /\w*Error: [\s\S]*?(?=\n\s+at |$)/.exec(error.stderr)?.[0].replace(/\s+/g, ' ') ?? error.stderr.trim();
    throw new Error(`better-sqlite3 does not load: ${reason}`);
  });
}

/** The pack-and-install tests, with the copy's own vitest on this Node; resolves with vitest's count. */
async function packTests(runtime: NodeRuntime, copy: string): Promise<string> {
  let count = 'passed';
  const onLine = (line: string) => {
    const tests = /^\s*Tests\s+(.+)$/.exec(line);
    if (tests) count = tests[1]!.trim();
  };
  const args = [path.join('node_modules', 'vitest', 'vitest.mjs'), 'run', ...PACK_TESTS];
  // No colours (CI=true turns them on): the lines are read prefixed in a log, and the count is parsed.
  const env = { ...runtime.env, NO_COLOR: '1' };
  await run(runtime.binary, args, { cwd: copy, env, label: `${runtime.version} pack`, timeoutMs: PACK_TESTS_TIMEOUT_MS, onLine });
  return count;
}

// ---- one version, then all -------------------------------------------------------------------------

/** Runs `action` as the step `name` of `version`: prints its duration, and names both if it fails. */
async function step<T>(version: string, name: string, action: () => Promise<T>): Promise<T> {
  console.log(`Node ${version}: ${name} ...`);
  const began = performance.now();
  try {
    const value = await action();
    console.log(`Node ${version}: ${name} done in ${((performance.now() - began) / 1000).toFixed(1)} s`);
    return value;
  } catch (error) {
    throw new Error(`Node ${version}, ${name}: ${(error as Error).message}`);
  }
}

async function smoke(version: string): Promise<Outcome> {
  const outcome: Outcome = { version, packTests: 'not run' };
  let copy: string | undefined;
  try {
    const runtime = await step(version, 'install node', () => installNode(version));
    copy = await step(version, 'copy the checkout', () => copyProject(version));
    const began = performance.now();
    await step(version, 'npm ci', () => run('npm', ['ci', '--no-audit', '--no-fund'], { cwd: copy!, env: runtime.env, label: `${version} npm ci`, timeoutMs: NPM_CI_TIMEOUT_MS }));
    outcome.npmCiSeconds = (performance.now() - began) / 1000;
    await step(version, 'load better-sqlite3', () => checkNativeBuild(runtime, copy!));
    outcome.firstAnswerMs = await step(version, 'npm start', () => serve(runtime, copy!));
    outcome.packTests = 'failed'; // until they pass
    outcome.packTests = await step(version, 'pack tests', () => packTests(runtime, copy!));
    await rm(copy, { recursive: true, force: true });
  } catch (error) {
    outcome.failure = (error as Error).message + (copy ? ` (copy kept at ${copy})` : '');
  }
  return outcome;
}

function printSummary(outcomes: Outcome[]): void {
  const rows = [
    ['Node', 'npm ci s', 'start→first answer ms', 'pack tests'],
    ...outcomes.map((o) => [o.version, o.npmCiSeconds?.toFixed(1) ?? '-', o.firstAnswerMs?.toFixed(0) ?? '-', o.packTests ?? '-']),
  ];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  console.log('');
  for (const row of rows) console.log(row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd());
}

// The children have process groups of their own, so the terminal's Ctrl+C does not reach them.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    for (const child of running) killGroup(child);
    process.exit(130);
  });
}

const outcomes: Outcome[] = [];
for (const version of VERSIONS) outcomes.push(await smoke(version));
printSummary(outcomes);
const failures = outcomes.flatMap((outcome) => (outcome.failure ? [outcome.failure] : []));
for (const failure of failures) console.error(`test:runtimes failed: ${failure}`);
if (failures.length > 0) process.exitCode = 1;
