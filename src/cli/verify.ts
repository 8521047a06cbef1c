// `platform-contract verify`: checks a running provider (a team's real service, or this mock)
// against the bundled contract. Options in, the verifier's report out: a progress line while it
// runs, every violation, a summary table, optionally JUnit XML; exit 0 (no violation), 1 (some), 2 (usage).
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadKeysFile } from '../adapters/node/keys-file.js';
import { DEFAULT_SPEC } from '../adapters/node/package-files.js';
import { loadSpecFile } from '../adapters/node/spec-file.js';
import { KeysFileError, SpecError, UsageError } from '../adapters/node/startup-errors.js';
import { validatorsFor } from '../adapters/node/validators.js';
import type { KeyRing } from '../core/keys.js';
import { junitXml, textReport } from '../verify/report.js';
import { selectOperations, verifyProvider, type Progress } from '../verify/run.js';
import type { Fetch } from '../verify/send.js';

export const VERIFY_USAGE = `Usage: platform-contract verify --base-url URL [options]

Checks a running server against the contract, per operationId: the documented example requests
(a documented status, Content-Type and body), 401 without credentials, the Rules scope model with
the keys the server was configured with, request ids, and negative cases from the schemas.

Options:
  --base-url URL   where the server runs, such as http://127.0.0.1:4010 (required)
  --keys FILE      the server's Rules API keys and their permissions, in the mock's keys-file
                   format; without it, Rules checks that need a key are skipped
  --bearer TOKEN   a token the server accepts for Sequences and Comms; without it, their checks
                   that need one are skipped
  --junit FILE     also write the results as JUnit XML (one testsuite per operationId)
  --only IDS       check only these operationIds (comma-separated)
  --read-only      send no POST, PUT, PATCH or DELETE (their checks are skipped)
  --requests N     add N requests generated from the schemas, valid and mutated
  --seed S         the generator's seed (default: a random one, printed)
  --strict         also flag answer properties the contract does not name
  -h, --help       show this help

Exit code: 0 when nothing is violated, 1 when something is, 2 on a usage error.`;

export interface VerifyCliOptions {
  baseUrl: string;
  keys?: string;
  bearer?: string;
  junit?: string;
  only?: string[];
  readOnly: boolean;
  requests: number;
  seed: number;
  strict: boolean;
  help: boolean;
}

/** Where the command writes, and how it reaches the server; tests pass their own. */
export interface VerifyIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** A terminal gets a progress line that rewrites itself; anything else gets plain lines. */
  interactive: boolean;
  fetch: Fetch;
}

function integer(value: string, option: string, pattern: RegExp): number {
  if (!pattern.test(value) || !Number.isSafeInteger(Number(value))) throw new UsageError(`${option} must be a whole number, not "${value}"`);
  return Number(value);
}

/** fast-check's seeds are 32-bit integers: a larger one would silently become another seed. */
function seedOf(value: string): number {
  const seed = integer(value, '--seed', /^-?\d+$/);
  if (seed < -0x80000000 || seed > 0x7fffffff) throw new UsageError(`--seed must be a 32-bit integer (-2147483648 to 2147483647), not ${value}`);
  return seed;
}

export function parseVerifyOptions(argv: string[]): VerifyCliOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        'base-url': { type: 'string' },
        keys: { type: 'string' },
        bearer: { type: 'string' },
        junit: { type: 'string' },
        only: { type: 'string' },
        'read-only': { type: 'boolean', default: false },
        requests: { type: 'string' },
        seed: { type: 'string' },
        strict: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError(`${(error as Error).message.split('\n')[0]} (see --help)`);
  }
  const help = values.help ?? false;
  const baseUrl = values['base-url'];
  if (!help) {
    if (baseUrl === undefined) throw new UsageError('--base-url URL is required: where the server to verify runs (see --help)');
    let url: URL | undefined;
    try {
      url = new URL(baseUrl);
    } catch {
      url = undefined;
    }
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) throw new UsageError(`--base-url must be an http:// or https:// URL, not "${baseUrl}"`);
  }
  const only = values.only?.split(',').map((id) => id.trim()).filter((id) => id !== '');
  if (only && only.length === 0) throw new UsageError('--only needs at least one operationId');
  if (values.bearer === '') throw new UsageError('--bearer needs a token');
  return {
    baseUrl: baseUrl ?? '',
    ...(values.keys !== undefined ? { keys: resolve(values.keys) } : {}),
    ...(values.bearer !== undefined ? { bearer: values.bearer } : {}),
    ...(values.junit !== undefined ? { junit: resolve(values.junit) } : {}),
    ...(only ? { only } : {}),
    readOnly: values['read-only'] ?? false,
    requests: values.requests !== undefined ? integer(values.requests, '--requests', /^\d+$/) : 0,
    // A random seed is printed so that the run can be repeated.
    seed: values.seed !== undefined ? seedOf(values.seed) : Math.floor(Math.random() * 0x7fffffff),
    strict: values.strict ?? false,
    help,
  };
}

function defaultIo(env: NodeJS.ProcessEnv): VerifyIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    interactive: Boolean(process.stderr.isTTY) && !env.CI,
    fetch: (input, init) => globalThis.fetch(input, init),
  };
}

/** The progress of a run: one rewritten line on a terminal, a line per finished operation otherwise. */
function progressReporter(io: VerifyIo): { update(progress: Progress): void; end(): void } {
  if (io.interactive) {
    return {
      update: ({ done, total, operationId, checks }) => io.stderr(`\r\u001b[K[${done}/${total}] ${operationId} ${checks.join(', ')}`),
      end: () => io.stderr('\r\u001b[K'),
    };
  }
  return {
    update: ({ operationDone: tally }) => {
      if (tally) io.stdout(`${tally.operationId}: ${tally.checks} checks, ${tally.passed} passed, ${tally.failed} failed, ${tally.skipped} skipped\n`);
    },
    end: () => {},
  };
}

export async function runVerify(argv: string[], given: Partial<VerifyIo> = {}, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const io = { ...defaultIo(env), ...given };
  let options: VerifyCliOptions;
  let keys: KeyRing | undefined;
  let spec;
  try {
    options = parseVerifyOptions(argv);
    if (options.help) {
      io.stdout(`${VERIFY_USAGE}\n`);
      return 0;
    }
    spec = await loadSpecFile(DEFAULT_SPEC);
    if (options.keys) keys = await loadKeysFile(options.keys, spec.contract.scopes);
    const selected = selectOperations(spec.contract, options.only);
    if ('unknown' in selected) {
      const known = spec.contract.operations.filter((operation) => !operation.webhook).map((operation) => operation.operationId);
      throw new UsageError(`--only: unknown operationId ${selected.unknown.join(', ')} (known: ${known.join(', ')})`);
    }
  } catch (error) {
    if (error instanceof UsageError || error instanceof KeysFileError || error instanceof SpecError) {
      const kind = error instanceof KeysFileError ? 'invalid keys file: ' : error instanceof SpecError ? 'invalid spec: ' : '';
      io.stderr(`verify: ${kind}${error.message.replaceAll(`${process.cwd()}/`, '')}\n`);
      return 2;
    }
    throw error;
  }

  const { contract, document } = spec;
  io.stdout(`Verifying ${options.baseUrl} against ${contract.title} ${contract.version}${options.readOnly ? ' (read-only)' : ''}\n`);
  const progress = progressReporter(io);
  const report = await verifyProvider({
    baseUrl: options.baseUrl,
    fetch: io.fetch,
    document,
    contract,
    validators: validatorsFor(spec),
    ...(keys ? { keys } : {}),
    ...(options.bearer ? { bearer: options.bearer } : {}),
    ...(options.only ? { only: options.only } : {}),
    readOnly: options.readOnly,
    strict: options.strict,
    requests: options.requests,
    seed: options.seed,
    onProgress: (update) => progress.update(update),
  });
  progress.end();
  io.stdout(`\n${textReport(report)}`);
  if (options.junit) {
    try {
      await mkdir(dirname(options.junit), { recursive: true });
      await writeFile(options.junit, junitXml(report));
    } catch (error) {
      io.stderr(`verify: cannot write the JUnit file ${options.junit}: ${(error as Error).message}\n`);
      return 2;
    }
    io.stdout(`JUnit XML: ${options.junit}\n`);
  }
  return report.unreachable || report.results.some((result) => result.outcome === 'failed') ? 1 : 0;
}
