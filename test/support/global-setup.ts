// Once per test run, before any test file, in vitest's main process:
// - compiles src/ into dist/ as `npm run build` does, so that every test spawning the command line
//   runs the compiled CLI a user installs (not tsx over the sources), and the packed-tarball tests
//   pack what was just built. The build is incremental (tsconfig.build.json): after `npm ci`, or on
//   an unchanged tree, it only checks, in about a second;
// - starts the one PostgreSQL server the test files share (test/support/postgres.ts), in a process of
//   its own (postgres-process.ts) and in the background, so that no file waits for it unless it uses
//   it and a server that cannot start fails only those files; it is stopped after the last file.
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { ProvidedContext } from 'vitest';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the shared PostgreSQL server's `{ port, password }` is written once it is up (or its error). */
    sharedPostgres: { ready: string; failed: string };
  }
}

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

async function buildCommandLine(): Promise<void> {
  try {
    await run(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: root, maxBuffer: 16 * 1024 * 1024 });
  } catch (error: any) {
    throw new Error(`the build the tests run (tsc -p tsconfig.build.json) failed:\n${error.stdout ?? ''}${error.stderr ?? error.message}`);
  }
}

/** Writes `content` to `file` in one step: a reader sees all of it or no file. */
async function publish(file: string, content: string): Promise<void> {
  await writeFile(`${file}.partial`, content);
  await rename(`${file}.partial`, file);
}

/**
 * Starts postgres-process.ts and publishes the server's `{ port, password }` to `files.ready` once it
 * is up, or what went wrong to `files.failed`. Returns the function that stops it.
 */
function startSharedPostgres(files: ProvidedContext['sharedPostgres']): () => Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./postgres-process.ts', import.meta.url))], {
    cwd: root,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let published: Promise<void> | undefined;
  child.stdout!.on('data', (chunk) => {
    stdout += chunk;
    if (!published && stdout.includes('\n')) published = publish(files.ready, stdout.slice(0, stdout.indexOf('\n')));
  });
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  // A process that cannot be started at all still ends in 'close', after this 'error'.
  child.on('error', (error) => (stderr += `${error.message}\n`));
  const exited = new Promise<void>((resolve) => child.on('close', () => resolve()));
  void exited.then(() => {
    if (!published) published = publish(files.failed, `the shared PostgreSQL server did not start:\n${stderr.trim() || `exit code ${child.exitCode}`}`);
  });
  return async () => {
    child.stdin!.end();
    const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(killer);
    await published;
  };
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  await buildCommandLine();
  const directory = await mkdtemp(path.join(tmpdir(), 'test-run-'));
  const files = { ready: path.join(directory, 'postgres.json'), failed: path.join(directory, 'postgres.error') };
  project.provide('sharedPostgres', files);
  const stopPostgres = startSharedPostgres(files);
  return async () => {
    await stopPostgres();
    await rm(directory, { recursive: true, force: true });
  };
}
