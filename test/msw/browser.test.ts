// The handlers in a real browser: a small page built with Vite starts MSW's worker with
// createHandlers({ stateful: true }) and calls the API through openapi-fetch; headless Chromium
// (test/support/browser.ts) opens it from 127.0.0.1. Every answer comes from the page's worker:
// the static server sees no API request, and no request leaves for another host.
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type TestBrowser } from '../support/browser.js';
import { serveDirectory, type StaticServer } from '../support/static-server.js';

const PAGE_SOURCE = fileURLToPath(new URL('./browser-page/', import.meta.url));
// MSW's worker script, as `npx msw init` would copy it: from the installed msw, never committed.
const WORKER_SCRIPT = path.join(path.dirname(createRequire(import.meta.url).resolve('msw/package.json')), 'lib/mockServiceWorker.js');

let built: string;
let server: StaticServer;
let testBrowser: TestBrowser;
let page: Page;
const consoleErrors: string[] = [];

type Scenario = 'readRule' | 'withoutKey' | 'otherRule' | 'scheduledWithoutSchedule' | 'createThenList';
const run = (scenario: Scenario, ...args: unknown[]) =>
  page.evaluate(([name, rest]) => (window as any).scenarios[name as string](...(rest as unknown[])), [scenario, args] as const);

beforeAll(async () => {
  built = await mkdtemp(path.join(tmpdir(), 'msw-page-'));
  await build({ root: PAGE_SOURCE, configFile: false, logLevel: 'silent', base: './', build: { outDir: built, emptyOutDir: true, target: 'es2022' } });
  await copyFile(WORKER_SCRIPT, path.join(built, 'mockServiceWorker.js'));
  server = await serveDirectory(built);
  testBrowser = await launchBrowser();
  page = await (await testBrowser.browser.newContext()).newPage();
  page.on('console', (message) => {
    // Chromium logs every 4xx the page receives; those are the answers the tests ask for.
    if (message.type() === 'error' && !/^Failed to load resource: the server responded with a status of 4\d\d/.test(message.text())) consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  await page.goto(server.url);
});

afterAll(async () => {
  await testBrowser?.close();
  await server?.close();
  if (built) await rm(built, { recursive: true, force: true });
});

describe('platform-contract/msw in a page, through openapi-fetch', () => {
  it('answers 200 with the documented rule, its request id in the header and the body', async () => {
    const answer = await run('readRule');
    expect(answer).toMatchObject({ status: 200, id: 'rule_01HXYZ1234' });
    expect(answer.requestId).toMatch(/^req_[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(answer.requestIdHeader).toBe(answer.requestId);
  });

  it('answers 401 without a key', async () => {
    expect(await run('withoutKey')).toEqual({ status: 401, error: { error: { code: 'unauthorized', message: 'Missing or invalid API key.' } }, challenge: 'ApiKey' });
  });

  it('answers 403 when the key may not read that rule', async () => {
    expect(await run('otherRule')).toEqual({
      status: 403,
      error: { error: { code: 'forbidden', message: 'This API key does not have the required permission.' } },
      reason: 'key demo_reader has READ_RULES for rule_01HXYZ1234, not rule_OTHER',
    });
  });

  it('answers 400 whose details point at the missing field', async () => {
    const answer = await run('scheduledWithoutSchedule');
    expect(answer.status).toBe(400);
    expect(answer.error.error.code).toBe('validation_error');
    expect(answer.error.error.details).toContainEqual({ pointer: '/trigger/schedule_type', message: 'Required property "schedule_type" is missing.' });
  });

  it('creates a rule, stored disabled, that the list then shows first', async () => {
    const answer = await run('createThenList');
    expect(answer.status).toBe(201);
    expect(answer.created).toMatchObject({ nickname: 'Round-up savings', status: 'disabled' });
    expect(answer.listed).toEqual([answer.created.id, 'rule_01HXYZ1234']);
  });

  it('answers the API on another origin too, without a request leaving the page', async () => {
    expect(await run('readRule', 'https://api.platform.test')).toMatchObject({ status: 200, id: 'rule_01HXYZ1234' });
  });

  it('answered every call in the page: the server saw no API request, no other host was asked, no script error', () => {
    expect(server.requested.filter((requested) => requested.startsWith('/api/'))).toEqual([]);
    expect(server.requested).toContain('/mockServiceWorker.js');
    expect(testBrowser.otherHostRequests).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
