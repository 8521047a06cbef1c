// Starts servers for tests on 127.0.0.1 and a free port, and always stops them.
import { spawn, type ChildProcess } from 'node:child_process';
export { freePort } from '../../src/net/free-port.js';

export interface RunningProcess {
  child: ChildProcess;
  output: () => string;
  stop: () => Promise<void>;
}

/** Spawns `command` and resolves once its output matches `ready`, or rejects with what it printed. */
export async function startProcess(
  command: string,
  args: string[],
  ready: RegExp,
  { cwd, timeoutMs = 60_000, env }: { cwd: string; timeoutMs?: number; env?: NodeJS.ProcessEnv },
): Promise<RunningProcess> {
  const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let printed = '';
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(killer);
  };
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`${command} did not become ready in ${timeoutMs} ms:\n${printed}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      printed += chunk.toString();
      if (ready.test(printed)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${command} exited with ${code} before it was ready:\n${printed}`));
    });
  });
  return { child, output: () => printed, stop };
}
