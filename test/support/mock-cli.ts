// Runs the mock's command line (`platform-contract mock`) as a child process, as a user meets it: the
// compiled CLI in dist/, which the tests' global setup (test/support/global-setup.ts) builds once per run.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const CLI = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));
const running: ChildProcess[] = [];

export interface MockProcess {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
  /** Resolves with everything printed once `text` has been printed; rejects if the process exits first. */
  printed: (text: string) => Promise<string>;
  /** The URL of the ready line, once the banner is complete. */
  url: () => Promise<string>;
}

/** Starts `platform-contract mock` with `args`; PORT and HOST are cleared unless `env` sets them. */
export function spawnMock(args: string[], env: Record<string, string> = {}): MockProcess {
  return spawnCli(['mock', ...args], env);
}

/** Starts `platform-contract` with `args` (a command and its options). */
export function spawnCli(args: string[], env: Record<string, string> = {}): MockProcess {
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd: ROOT,
    env: { ...process.env, PORT: '', HOST: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push(child);
  let out = '';
  let err = '';
  child.stdout!.on('data', (chunk) => (out += chunk));
  child.stderr!.on('data', (chunk) => (err += chunk));
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  const printed = async (text: string) => {
    for (let i = 0; i < 600 && !out.includes(text); i++) {
      if (child.exitCode !== null) throw new Error(`the mock exited before printing "${text}": ${err}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    if (!out.includes(text)) throw new Error(`the mock did not print "${text}" in 15 s:\n${out}${err}`);
    return out;
  };
  const url = async () => /ready on (http:\/\/\S+)/.exec(await printed('Ctrl+C'))![1];
  return { child, stdout: () => out, stderr: () => err, exited, printed, url };
}

/** Kills every mock a test left running (for afterEach), so no process outlives its test. */
export function killRunningMocks(): void {
  for (const child of running.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
}
