// `npm run bench:mock`: bare Prism vs this mock (the built CLI, as a user runs it) vs a plain node:http
// server, under the same autocannon load, on the same document and requests. Every answer of the mock
// is first checked against the contract. Options: --duration S (per scenario, default 10), --spec FILE,
// --profile (also CPU-profile the mock).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, totalmem, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { validateResponse, type OperationId } from '../generated/validators.js';
import { freePort } from '../src/net/free-port.js';

const ROOT = resolve(import.meta.dirname, '..');
const CLI = join(ROOT, 'dist/cli/main.js');
const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    spec: { type: 'string', default: join(ROOT, 'generated/openapi.json') },
    profile: { type: 'boolean', default: false },
  },
});
const DURATION = Number(values.duration);
const SPEC = resolve(values.spec!);
const CONNECTIONS = 32;

interface Scenario {
  name: string;
  operationId: OperationId;
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
}

const spec = JSON.parse(readFileSync(SPEC, 'utf8'));
/** The first request example of an operation, resolved through the bundle's `$ref`s. */
function requestExample(path: string, method: string): string {
  const content = spec.paths[path][method].requestBody.content['application/json'];
  let example = Object.values<any>(content.examples)[0];
  while (example.$ref) example = example.$ref.slice(2).split('/').reduce((node: any, key: string) => node[key.replace(/~1/g, '/')], spec);
  return JSON.stringify(example.value);
}

const SCENARIOS: Scenario[] = [
  { name: 'Rules GET /api/v1/rules/{id}', operationId: 'getRule', method: 'GET', path: '/api/v1/rules/rule_01HXYZ1234', headers: { authorization: 'ApiKey demo_admin' } },
  {
    name: 'Rules POST /api/v1/transfers',
    operationId: 'createTransfer',
    method: 'POST',
    path: '/api/v1/transfers',
    headers: { authorization: 'ApiKey demo_admin', 'content-type': 'application/json' },
    body: requestExample('/api/v1/transfers', 'post'),
  },
  {
    name: 'Comms POST /v1/sequences',
    operationId: 'createCommsSequence',
    method: 'POST',
    path: '/v1/sequences',
    headers: { authorization: 'Bearer bench_token', 'content-type': 'application/json' },
    body: requestExample('/v1/sequences', 'post'),
  },
];

interface Target {
  name: string;
  command: (port: number) => string[];
  env?: Record<string, string>;
}

const PLAIN_SERVER = `
const body = JSON.stringify({ request_id: 'req_01HXYZ6666', data: { id: 'rule_01HXYZ1234', status: 'enabled' } });
require('node:http').createServer((req, res) => {
  req.resume();
  req.on('end', () => { res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }); res.end(body); });
}).listen(Number(process.env.PORT), '127.0.0.1');`;

const profileDir = mkdtempSync(join(tmpdir(), 'mock-profile-'));
const TARGETS: Target[] = [
  {
    name: 'bare Prism 5.14 (CLI)',
    command: port => [join(ROOT, 'node_modules/@stoplight/prism-cli/dist/index.js'), 'mock', SPEC, '--port', String(port), '--host', '127.0.0.1'],
  },
  {
    name: 'this mock',
    command: port => [
      ...(values.profile ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : []),
      CLI,
      'mock',
      '--spec',
      SPEC,
      '--port',
      String(port),
    ],
  },
  { name: 'plain node:http', command: () => ['-e', PLAIN_SERVER] },
];


/** Starts a target and measures the time from spawn to its first 200 on the Rules GET. */
async function start(target: Target): Promise<{ child: ChildProcess; url: string; firstOkMs: number }> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, target.command(port), { env: { ...process.env, PORT: String(port) }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', chunk => (stderr += chunk));
  const url = `http://127.0.0.1:${port}`;
  const probe = SCENARIOS[0];
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${target.name} exited: ${stderr}`);
    try {
      const answer = await fetch(url + probe.path, { headers: probe.headers });
      if (answer.status === 200) return { child, url, firstOkMs: performance.now() - started };
    } catch {
      // not listening yet
    }
    if (performance.now() - started > 60_000) throw new Error(`${target.name} did not answer 200 within 60 s: ${stderr}`);
    await new Promise(r => setTimeout(r, 10));
  }
}

interface Measure {
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

async function load(url: string, scenario: Scenario, duration: number): Promise<Measure> {
  const result = await autocannon({
    url: url + scenario.path,
    method: scenario.method,
    headers: scenario.headers,
    ...(scenario.body ? { body: scenario.body } : {}),
    connections: CONNECTIONS,
    pipelining: 1,
    duration,
  });
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, non2xx: result.non2xx, errors: result.errors };
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise(done => {
    if (child.exitCode !== null) return done();
    child.once('exit', () => done());
    child.kill('SIGINT');
    setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
  });
}

/** Self time per package (or project file) from a V8 .cpuprofile, largest first. */
function summarizeProfile(file: string): Array<[string, number]> {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as {
    nodes: Array<{ id: number; callFrame: { functionName: string; url: string } }>;
    samples: number[];
    timeDeltas: number[];
  };
  const byId = new Map(profile.nodes.map(node => [node.id, node]));
  const totals = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const { url, functionName } = byId.get(id)!.callFrame;
    let where: string;
    if (!url) where = functionName ? `(${functionName})` : '(native)';
    else if (url.includes('node_modules/')) {
      const parts = url.split('node_modules/').pop()!.split('/');
      where = parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
    } else if (url.startsWith('node:')) where = `node:${url.slice(5).split('/')[0]}`;
    else where = url.replace(/^file:\/\//, '').replace(`${ROOT}/`, '');
    totals.set(where, (totals.get(where) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const sum = [...totals.values()].reduce((a, b) => a + b, 0);
  return [...totals].map(([k, v]) => [k, (100 * v) / sum] as [string, number]).sort((a, b) => b[1] - a[1]);
}

/** Each scenario's answer from the mock, checked against the contract before any load. */
async function checkAnswers(url: string): Promise<void> {
  for (const scenario of SCENARIOS) {
    const answer = await fetch(url + scenario.path, { method: scenario.method, headers: scenario.headers, ...(scenario.body ? { body: scenario.body } : {}) });
    const result = validateResponse(scenario.operationId, answer.status, await answer.json());
    if (!result.valid) throw new Error(`${scenario.name}: the mock's ${answer.status} answer breaks the contract: ${JSON.stringify(result.errors)}`);
  }
}

if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first (npm ci does it).`);
const rows: Array<{ target: string; scenario: string; measure: Measure; firstOkMs: number }> = [];
const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

for (const target of TARGETS) {
  const { child, url, firstOkMs } = await start(target);
  process.stderr.write(`${target.name}: first 200 after ${fmt(firstOkMs)} ms\n`);
  if (target.name === 'this mock') await checkAnswers(url);
  for (const scenario of SCENARIOS) {
    await load(url, scenario, Math.min(2, DURATION)); // warm-up, not counted
    const measure = await load(url, scenario, DURATION);
    rows.push({ target: target.name, scenario: scenario.name, measure, firstOkMs });
    process.stderr.write(`  ${scenario.name}: ${fmt(measure.rps)} req/s, p50 ${measure.p50} ms, p99 ${measure.p99} ms, non-2xx ${measure.non2xx}, errors ${measure.errors}\n`);
  }
  await stop(child);
}

const cpu = cpus();
console.log(`\nMachine: ${cpu.length} x ${cpu[0]?.model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}; autocannon ${CONNECTIONS} connections, keep-alive, ${DURATION} s per scenario after a warm-up.\n`);
console.log('| scenario | server | req/s | p50 ms | p99 ms | first 200 ms | req/s vs Prism | p99 vs Prism |');
console.log('|---|---|---:|---:|---:|---:|---:|---:|');
for (const scenario of SCENARIOS) {
  const prism = rows.find(r => r.scenario === scenario.name && r.target === TARGETS[0].name)!;
  for (const row of rows.filter(r => r.scenario === scenario.name)) {
    const { rps, p50, p99, non2xx } = row.measure;
    const note = non2xx > 0 ? ` (${non2xx} non-2xx)` : '';
    console.log(
      `| ${scenario.name} | ${row.target}${note} | ${fmt(rps)} | ${p50} | ${p99} | ${fmt(row.firstOkMs)} | ${fmt(rps / prism.measure.rps, 1)}x | ${fmt(p99 / prism.measure.p99, 2)}x |`,
    );
  }
}
const mockRows = rows.filter(r => r.target === 'this mock');
const plainRows = rows.filter(r => r.target === 'plain node:http');
const share = mockRows.map((r, i) => r.measure.rps / plainRows[i].measure.rps);
console.log(`\nThis mock reaches ${fmt(100 * Math.min(...share))}-${fmt(100 * Math.max(...share))}% of the plain node:http ceiling.`);

if (values.profile) {
  const file = readdirSync(profileDir).find(name => name.endsWith('.cpuprofile'));
  if (file) {
    console.log(`\nWhere this mock spends its CPU (self time, whole run: start-up and the three scenarios; ${join(profileDir, file)}):`);
    for (const [where, percent] of summarizeProfile(join(profileDir, file)).slice(0, 15)) console.log(`  ${fmt(percent, 1).padStart(5)}%  ${where}`);
  }
}
