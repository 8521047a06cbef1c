// platform-contract/msw as a frontend project gets it: the packed tarball installed with msw 2 (the
// shared packed project of test/support/packed.ts: a unit-test suite's setupServer, and the typed
// override compiled against the packed declarations), and with msw 3, whose worker runs in the tests'
// Chromium and whose Node side needs Node 22.12 or later: on an older Node that part is skipped here
// and runs in `npm run test:runtimes`, which runs this file on Node 22 and 24.
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.js';
import { packedProject } from '../support/packed.js';
import { serveDirectory } from '../support/static-server.js';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));
const require = createRequire(import.meta.url);
const tsc = require.resolve('typescript/bin/tsc');
const MSW_2: string = JSON.parse(await readFile(require.resolve('msw/package.json'), 'utf8')).version; // the packed project's, pinned as here
const MSW_3 = '3.0.5';
/** msw 3's engines: its Node side (setupServer) needs Node 22.12 or later. */
const [major, minor] = process.versions.node.split('.').map(Number);
const NODE_RUNS_MSW_3 = major > 22 || (major === 22 && minor >= 12);

const RULE = {
  nickname: 'Round-up savings',
  status: 'enabled',
  trigger: { type: 'MANUAL' },
  steps: [{ conditions: null, actions: [{ type: 'fixed_amount', amount_in_cents: 2500, source: { id: 'acc_01HABC4567', type: 'income_source' }, destination: { id: 'acc_01HDEF0123', type: 'pod' } }] }],
};

// A Node test suite's use: setupServer with the default handlers, fetch, and what came back. Nothing
// in it differs between msw 2 and 3 (`onUnhandledRequest` became `onUnhandledFrame`; the default warns).
const suite = `
import { getResponse } from 'msw';
import { setupServer } from 'msw/node';
import { createHandlers } from 'platform-contract/msw';
import { createHandlers as createRulesHandlers } from 'platform-contract/msw/rules';

const handlers = createHandlers({ stateful: true });
const server = setupServer(...handlers);
server.listen();
const call = async (path, init = {}) => {
  const response = await fetch('http://localhost:3000' + path, init);
  return { status: response.status, replayed: response.headers.get('idempotent-replayed'), body: await response.json() };
};
const admin = { authorization: 'ApiKey demo_admin' };
const rule = ${JSON.stringify(RULE)};
const create = { method: 'POST', headers: { ...admin, 'content-type': 'application/json', 'idempotency-key': 'create-1' }, body: JSON.stringify(rule) };
const answers = {
  ok: await call('/api/v1/rules/rule_01HXYZ1234', { headers: admin }),
  unauthorized: await call('/api/v1/rules/rule_01HXYZ1234'),
  forbidden: await call('/api/v1/rules/rule_OTHER', { headers: { authorization: 'ApiKey demo_reader' } }),
  invalid: await call('/api/v1/rules', { method: 'POST', headers: { ...admin, 'content-type': 'application/json' }, body: JSON.stringify({ ...rule, steps: undefined }) }),
  created: await call('/api/v1/rules', create),
  replayed: await call('/api/v1/rules', create),
  listed: await call('/api/v1/rules', { headers: admin }),
};
server.use(handlers.override('getRule', { status: 404, body: { error: { code: 'resource_not_found', message: 'Gone.' } } }, { once: true }));
answers.overridden = await call('/api/v1/rules/rule_01HXYZ1234', { headers: admin });
answers.afterOverride = await call('/api/v1/rules/rule_01HXYZ1234', { headers: admin });
server.close();
const rulesOnly = createRulesHandlers();
answers.otherService = (await getResponse(rulesOnly, new Request('http://localhost/v1/sequences/seq_1', { headers: { authorization: 'Bearer t' } })))?.status ?? 'unhandled';
console.log(JSON.stringify(answers));
`;

/** What the suite must print, with msw 2 and 3 alike. */
function expectSuiteAnswers(answers: Record<string, { status: number; replayed: string | null; body: any } | string>) {
  expect(answers.ok).toMatchObject({ status: 200, body: { data: { id: 'rule_01HXYZ1234' } } });
  expect(answers.unauthorized).toMatchObject({ status: 401, body: { error: { code: 'unauthorized', message: 'Missing or invalid API key.' } } });
  expect(answers.forbidden).toMatchObject({ status: 403, body: { error: { code: 'forbidden', message: 'This API key does not have the required permission.' } } });
  expect(answers.invalid).toMatchObject({ status: 400, body: { error: { code: 'validation_error', details: [{ pointer: '/steps', message: 'Required property "steps" is missing.' }] } } });
  expect(answers.created).toMatchObject({ status: 201, replayed: null, body: { data: { status: 'disabled' } } });
  expect(answers.replayed).toEqual({ ...(answers.created as object), replayed: 'true' });
  const created = (answers.created as { body: { data: { id: string } } }).body.data.id;
  expect((answers.listed as { body: { data: Array<{ id: string }> } }).body.data.map((listed) => listed.id)).toEqual([created, 'rule_01HXYZ1234']);
  expect(answers.overridden).toMatchObject({ status: 404, body: { error: { code: 'resource_not_found' } } });
  expect(answers.afterOverride).toMatchObject({ status: 200 });
  expect(answers.otherService).toBe('unhandled');
}

// The typed override from the packed types: a documented answer compiles, an undocumented status does not.
const typedOverride = `
import { createHandlers } from 'platform-contract/msw';
import { createHandlers as createRulesHandlers } from 'platform-contract/msw/rules';

const handlers = createHandlers();
export const missing = handlers.override('getRule', { status: 404, body: { error: { code: 'resource_not_found', message: 'Gone.' } } });
// @ts-expect-error 418 is not a status getRule documents
export const teapot = handlers.override('getRule', { status: 418, body: {} });
// @ts-expect-error the Rules handlers answer no Comms operation
export const comms = createRulesHandlers().override('getCommsSequence', { status: 404, body: { error: 'not_found', message: 'Gone.' } });
`;

// A page of a scratch project with msw 3: its worker, the handlers, fetch.
const page = `
import { setupWorker } from 'msw/browser';
import { createHandlers } from 'platform-contract/msw';

const started = setupWorker(...createHandlers({ stateful: true })).start({ quiet: true });
const admin = { Authorization: 'ApiKey demo_admin', 'Content-Type': 'application/json' };
window.scenario = async (rule) => {
  await started;
  const read = await fetch('/api/v1/rules/rule_01HXYZ1234', { headers: admin });
  const anonymous = await fetch('/api/v1/rules/rule_01HXYZ1234');
  const created = await (await fetch('/api/v1/rules', { method: 'POST', headers: admin, body: JSON.stringify(rule) })).json();
  const listed = await (await fetch('/api/v1/rules', { headers: admin })).json();
  return { read: read.status, anonymous: anonymous.status, created: created.data.id, listed: listed.data.map((item) => item.id) };
};
`;

/** A folder of its own in `project` (shared with other test files), where the suite is written; packages resolve from the project's. */
async function suiteFolder(project: string): Promise<string> {
  const folder = await mkdtemp(path.join(project, 'msw-suite-'));
  await writeFile(path.join(folder, 'suite.mjs'), suite);
  return folder;
}

const folders: string[] = [];
afterAll(async () => {
  await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
});

describe(`platform-contract/msw from the packed tarball, with msw ${MSW_2}`, () => {
  let project: string;
  beforeAll(async () => {
    project = await suiteFolder((await packedProject()).dir);
    folders.push(project);
    await writeFile(path.join(project, 'typed-override.ts'), typedOverride);
    const compilerOptions = { target: 'ES2022', strict: true, noEmit: true, skipLibCheck: true, types: [] };
    for (const [name, resolution] of [['tsconfig.json', { module: 'NodeNext', moduleResolution: 'NodeNext' }], ['tsconfig.bundler.json', { module: 'ESNext', moduleResolution: 'Bundler' }]] as const) {
      await writeFile(path.join(project, name), JSON.stringify({ compilerOptions: { ...compilerOptions, ...resolution }, files: ['typed-override.ts'] }));
    }
  }, 300_000);

  it('answers a Node suite’s setupServer(...createHandlers()): 200, 401, 403, 400, create, replay, list, override', async () => {
    const { stdout } = await run(process.execPath, ['suite.mjs'], { cwd: project });
    expectSuiteAnswers(JSON.parse(stdout));
  });

  it.each(['tsconfig.json', 'tsconfig.bundler.json'])('types the override from the packed declarations (%s)', async (config) => {
    const result = await run(process.execPath, [tsc, '-p', config], { cwd: project }).catch((error) => error);
    expect(`${result.stdout ?? ''}${result.stderr ?? ''}`).toBe('');
  });
});

describe(`platform-contract/msw from the packed tarball, with msw ${MSW_3}`, () => {
  let project: string;
  beforeAll(async () => {
    project = await suiteFolder((await packedProject([`msw@${MSW_3}`])).dir);
    folders.push(project);
  }, 300_000);

  it('installs msw 3 beside the package', async () => {
    const installed = JSON.parse(await readFile(path.join(project, '..', 'node_modules/msw/package.json'), 'utf8'));
    expect(installed.version).toBe(MSW_3);
  });

  it.runIf(NODE_RUNS_MSW_3)(`answers the same suite under setupServer on Node ${process.versions.node}`, async () => {
    const { stdout } = await run(process.execPath, ['suite.mjs'], { cwd: project });
    expectSuiteAnswers(JSON.parse(stdout));
  });

  it('answers in Chromium under msw 3’s setupWorker', async () => {
    const source = path.join(project, 'page');
    const built = path.join(project, 'built');
    await mkdir(source);
    await writeFile(path.join(source, 'index.html'), '<!doctype html><meta charset="utf-8"><script type="module" src="./main.js"></script>\n');
    await writeFile(path.join(source, 'main.js'), page);
    await build({ root: source, configFile: false, logLevel: 'silent', base: './', build: { outDir: built, target: 'es2022' } });
    await cp(path.join(project, '..', 'node_modules/msw/lib/mockServiceWorker.js'), path.join(built, 'mockServiceWorker.js'));
    const server = await serveDirectory(built);
    const browser = await launchBrowser();
    try {
      const tab = await (await browser.browser.newContext()).newPage();
      await tab.goto(server.url);
      const answers = await tab.evaluate((rule) => (window as any).scenario(rule), RULE);
      expect(answers).toEqual({ read: 200, anonymous: 401, created: expect.stringMatching(/^rule_/), listed: [answers.created, 'rule_01HXYZ1234'] });
      expect(server.requested.filter((requested) => requested.startsWith('/api/'))).toEqual([]);
    } finally {
      await browser.close();
      await server.close();
    }
  });
});
