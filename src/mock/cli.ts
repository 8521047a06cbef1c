// The `npm start` command line: options and environment in, a running mock (or a one-line error) out.
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { readyBanner } from './banner.js';
import { loadContract } from './contract.js';
import { loadKeysFile } from './keys.js';
import type { MockServer } from './server.js';
import { KeysFileError, ListenError, SpecError, StateFileError, UsageError } from './startup-errors.js';

const PROJECT_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

export const DEFAULT_SPEC = resolve(PROJECT_ROOT, 'generated/openapi.json');
export const DEFAULT_KEYS = resolve(PROJECT_ROOT, 'mock/demo-keys.yaml');

export const USAGE = `Usage: npm start -- [options]

Serves the contract as a mock API (Prism plus keys and scopes, request ids, idempotency, CORS).

Options:
  --spec FILE   OpenAPI document to serve (default: generated/openapi.json)
  --keys FILE   API keys and their permissions (default: mock/demo-keys.yaml)
  --port N      port to listen on (default: $PORT or 4010; 0 picks a free port)
  --host HOST   address to listen on (default: $HOST or 127.0.0.1)
  --stateful    remember what clients create (per API key organization, per bearer token),
                starting from the spec's examples; POST /__mock/reset or SIGHUP forgets it
  --state-file FILE
                with --stateful (implied), keep that memory in FILE across restarts
  --log         print one line per request
  -h, --help    show this help`;

export { UsageError };

export interface CliOptions {
  spec: string;
  keys: string;
  port: number;
  host: string;
  stateful: boolean;
  stateFile?: string;
  log: boolean;
  help: boolean;
}

function parsePort(value: string, from: string): number {
  if (!/^\d+$/.test(value) || Number(value) > 65535) throw new UsageError(`${from} must be a port number from 0 to 65535, not "${value}"`);
  return Number(value);
}

/** Options from the command line first, then PORT / HOST, then the defaults. */
export function parseCliOptions(argv: string[], env: NodeJS.ProcessEnv): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        spec: { type: 'string' },
        keys: { type: 'string' },
        port: { type: 'string' },
        host: { type: 'string' },
        stateful: { type: 'boolean', default: false },
        'state-file': { type: 'string' },
        log: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message.split('\n')[0]} (see --help)`);
  }
  const { values } = parsed;
  const port =
    values.port !== undefined
      ? parsePort(values.port, '--port')
      : env.PORT !== undefined && env.PORT !== ''
        ? parsePort(env.PORT, 'PORT')
        : 4010;
  const host = values.host ?? (env.HOST !== undefined && env.HOST !== '' ? env.HOST : '127.0.0.1');
  return {
    spec: values.spec !== undefined ? resolve(values.spec) : DEFAULT_SPEC,
    keys: values.keys !== undefined ? resolve(values.keys) : DEFAULT_KEYS,
    port,
    host,
    // A state file only makes sense with state, so naming one is enough.
    stateful: (values.stateful ?? false) || values['state-file'] !== undefined,
    ...(values['state-file'] !== undefined ? { stateFile: resolve(values['state-file']) } : {}),
    log: values.log ?? false,
    help: values.help ?? false,
  };
}

/** A path as the user would type it from where they are. */
export function displayPath(file: string): string {
  const shown = relative(process.cwd(), file);
  return shown === '' || shown.startsWith('..') ? file : shown;
}

/** The failures printed as one line, and what each says went wrong. */
const KNOWN_FAILURES = new Map<unknown, string>([
  [UsageError, ''],
  [ListenError, ''],
  [SpecError, 'invalid spec: '],
  [KeysFileError, 'invalid keys file: '],
  [StateFileError, 'invalid state file: '],
]);

/** Known failures print as one line; anything else is a bug and keeps its stack. */
export function describeStartupError(error: unknown): string | undefined {
  const kind = error instanceof Error ? KNOWN_FAILURES.get(error.constructor) : undefined;
  if (kind === undefined) return undefined;
  return `mock: ${kind}${(error as Error).message.replaceAll(process.cwd() + '/', '')}`;
}

export interface RunningCli {
  server: MockServer;
  stop(): Promise<void>;
}

/** Runs the mock until SIGINT / SIGTERM. Resolves with the process exit code. */
export async function main(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let server: MockServer;
  try {
    const options = parseCliOptions(argv, env);
    if (options.help) {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    const contract = await loadContract(options.spec);
    const keys = await loadKeysFile(options.keys, contract.scopes);
    // Imported once spec and keys are known good: Prism takes a second or two to load.
    const { startMockServer } = await import('./server.js');
    server = await startMockServer({
      spec: contract,
      keys,
      host: options.host,
      port: options.port,
      ...(options.stateful ? { stateful: options.stateFile ? { stateFile: options.stateFile } : true } : {}),
      ...(options.log ? { log: (line: string) => process.stdout.write(`${line}\n`) } : {}),
    });
    process.stdout.write(
      readyBanner(server, {
        spec: displayPath(options.spec),
        keys: displayPath(options.keys),
        ...(options.stateFile ? { state: displayPath(options.stateFile) } : {}),
      }),
    );
  } catch (error) {
    const line = describeStartupError(error);
    if (!line) throw error;
    process.stderr.write(`${line}\n`);
    return 1;
  }

  return new Promise<number>(resolveExit => {
    let stopping = false;
    const stop = (signal: NodeJS.Signals) => {
      if (stopping) {
        process.stderr.write(`mock: ${signal} again, exiting now\n`);
        resolveExit(1);
        return;
      }
      stopping = true;
      server.close().then(
        () => {
          process.stdout.write(`Mock server stopped (${signal}).\n`);
          resolveExit(0);
        },
        (error: unknown) => {
          process.stderr.write(`mock: error while stopping: ${(error as Error).message}\n`);
          resolveExit(1);
        },
      );
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    // Only in stateful mode: otherwise SIGHUP keeps its default (the mock stops, as before).
    const { state } = server;
    if (state) {
      process.on('SIGHUP', () => {
        state.reset().then(
          () => process.stdout.write('State reset (SIGHUP).\n'),
          (error: unknown) => process.stderr.write(`mock: error while resetting the state: ${(error as Error).message}\n`),
        );
      });
    }
  });
}
