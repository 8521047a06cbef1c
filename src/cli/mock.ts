// `platform-contract mock`: options and environment in, a running mock (or a one-line error) out,
// until SIGINT or SIGTERM. `npm start` in this repository runs the same command.
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_KEYS, DEFAULT_SPEC, startMockServer, type MockServer } from '../adapters/node/mock-server.js';
import { KeysFileError, ListenError, SpecError, StateFileError, UsageError } from '../adapters/node/startup-errors.js';
import { StorageError } from '../adapters/storage/errors.js';
import { BOUND_OPTIONS, DEFAULT_BOUNDS, type StoreBounds } from '../core/state/bounds.js';
import { readyBanner } from './banner.js';

export const MOCK_USAGE = `Usage: platform-contract mock [options]

Serves the contract as a mock API: the Rules keys and scopes, request ids, idempotency, each
service's envelopes, CORS, and the documented examples (Prefer: code=, example=, dynamic=true).

Options:
  --spec FILE   OpenAPI document to serve (default: the contract bundled in this package)
  --keys FILE   API keys and their permissions (default: the demo keys bundled in this package)
  --port N      port to listen on (default: $PORT or 4010; 0 picks a free port)
  --host HOST   address to listen on (default: $HOST or 127.0.0.1)
  --stateful    remember what clients create (per API key organization, per bearer token),
                starting from the contract's examples, in memory
  --state-file FILE
                stateful, kept in FILE (SQLite): every change is on disk before its answer;
                one mock per file
  --store URL   stateful, kept in PostgreSQL (postgres://user:password@host:5432/db), shared by
                any number of mocks; the password may come from PGPASSWORD instead
  --admin-token TOKEN
                lets POST /__mock/reset?all=true with "Authorization: Bearer TOKEN" forget
                everything (POST /__mock/reset forgets the caller's own; SIGHUP, everything)
  --max-spaces N          caller spaces a store holds (default ${DEFAULT_BOUNDS.maxSpaces})
  --max-resources N       resources of one kind per caller space (default ${DEFAULT_BOUNDS.maxResources})
  --max-resource-bytes N  bytes of one stored resource (default ${DEFAULT_BOUNDS.maxResourceBytes})
  --strict      refuse properties the contract does not name (default: accept them and name
                them in an X-Mock-Warning header)
  --log         print one line per request
  -h, --help    show this help`;

export interface MockCliOptions {
  spec: string;
  keys: string;
  port: number;
  host: string;
  stateful: boolean;
  stateFile?: string;
  storeUrl?: string;
  adminToken?: string;
  bounds: Partial<StoreBounds>;
  strict: boolean;
  log: boolean;
  help: boolean;
}

function parsePort(value: string, from: string): number {
  if (!/^\d+$/.test(value) || Number(value) > 65535) throw new UsageError(`${from} must be a port number from 0 to 65535, not "${value}"`);
  return Number(value);
}

function parseCount(value: string, option: string): number {
  if (!/^[1-9]\d*$/.test(value) || !Number.isSafeInteger(Number(value))) throw new UsageError(`${option} must be a whole number of at least 1, not "${value}"`);
  return Number(value);
}

/** Options from the command line first, then PORT / HOST, then the defaults. */
export function parseMockOptions(argv: string[], env: NodeJS.ProcessEnv): MockCliOptions {
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
        store: { type: 'string' },
        'admin-token': { type: 'string' },
        'max-spaces': { type: 'string' },
        'max-resources': { type: 'string' },
        'max-resource-bytes': { type: 'string' },
        strict: { type: 'boolean', default: false },
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
  if (values['state-file'] !== undefined && values.store !== undefined) throw new UsageError('give --state-file or --store, not both (see --help)');
  if (values['admin-token'] === '') throw new UsageError('--admin-token must not be empty');
  const bounds: Partial<StoreBounds> = {};
  for (const [name, option] of Object.entries(BOUND_OPTIONS) as Array<[keyof StoreBounds, string]>) {
    const value = values[option.slice(2) as 'max-spaces'];
    if (value !== undefined) bounds[name] = parseCount(value, option);
  }
  const port = values.port !== undefined ? parsePort(values.port, '--port') : env.PORT ? parsePort(env.PORT, 'PORT') : 4010;
  return {
    spec: values.spec !== undefined ? resolve(values.spec) : DEFAULT_SPEC,
    keys: values.keys !== undefined ? resolve(values.keys) : DEFAULT_KEYS,
    port,
    host: values.host ?? (env.HOST ? env.HOST : '127.0.0.1'),
    stateful: (values.stateful ?? false) || values['state-file'] !== undefined || values.store !== undefined,
    ...(values['state-file'] !== undefined ? { stateFile: resolve(values['state-file']) } : {}),
    ...(values.store !== undefined ? { storeUrl: values.store } : {}),
    ...(values['admin-token'] !== undefined ? { adminToken: values['admin-token'] } : {}),
    bounds,
    strict: values.strict ?? false,
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
  [StorageError, ''],
]);

/** Known failures print as one line; anything else is a bug and keeps its stack. */
export function describeStartupError(error: unknown): string | undefined {
  const kind = error instanceof Error ? KNOWN_FAILURES.get(error.constructor) : undefined;
  if (kind === undefined) return undefined;
  return `mock: ${kind}${(error as Error).message.replaceAll(process.cwd() + '/', '')}`;
}

/** Serves until SIGINT / SIGTERM. Resolves with the process exit code. */
export async function runMock(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let server: MockServer;
  try {
    const options = parseMockOptions(argv, env);
    if (options.help) {
      process.stdout.write(`${MOCK_USAGE}\n`);
      return 0;
    }
    server = await startMockServer({
      spec: options.spec,
      keys: options.keys,
      host: options.host,
      port: options.port,
      stateful: options.stateful,
      ...(options.stateFile !== undefined ? { stateFile: options.stateFile } : {}),
      ...(options.storeUrl !== undefined ? { storeUrl: options.storeUrl } : {}),
      ...(options.adminToken !== undefined ? { adminToken: options.adminToken } : {}),
      bounds: options.bounds,
      strict: options.strict,
      ...(options.log ? { log: (line: string) => process.stdout.write(`${line}\n`) } : {}),
    });
    process.stdout.write(readyBanner(server, { spec: displayPath(options.spec), keys: displayPath(options.keys), adminToken: options.adminToken !== undefined }));
  } catch (error) {
    const line = describeStartupError(error);
    if (!line) throw error;
    process.stderr.write(`${line}\n`);
    return error instanceof UsageError ? 2 : 1;
  }
  return untilStopped(server, env);
}

/** How often a mock started by npm checks that npm is still there. */
const PARENT_CHECK_MS = 500;

function untilStopped(server: MockServer, env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise<number>((resolveExit) => {
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
    // npm and npx run a command through `sh -c` and pass their SIGTERM to that shell alone, which
    // leaves the mock running. Started by npm (it sets npm_command), the mock stops when its parent goes.
    if (env.npm_command) {
      const parent = process.ppid;
      setInterval(() => process.ppid !== parent && stop('SIGTERM'), PARENT_CHECK_MS).unref();
    }
    // Only in stateful mode: otherwise SIGHUP keeps its default (the mock stops).
    if (server.stateful) {
      process.on('SIGHUP', () => {
        server.mock.reset().then(
          () => process.stdout.write('State reset (SIGHUP).\n'),
          (error: unknown) => process.stderr.write(`mock: error while resetting the state: ${(error as Error).message}\n`),
        );
      });
    }
  });
}
