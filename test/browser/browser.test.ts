// The test browser itself: Service Workers work on 127.0.0.1 (MSW's setupWorker needs them), each
// context starts clean, the web's security rules hold, and nothing reaches another host.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { launchBrowser, type TestBrowser } from '../support/browser.js';
import { serveDirectory, type StaticServer } from '../support/static-server.js';

const PAGE_DIR = fileURLToPath(new URL('./service-worker-page/', import.meta.url));

interface Greeting {
  status: number;
  body: string;
}

let testBrowser: TestBrowser;
let server: StaticServer;

/** Opens the Service Worker page in a fresh browser context. */
async function openPage(): Promise<Page> {
  const context = await testBrowser.browser.newContext();
  const page = await context.newPage();
  await page.goto(server.url);
  return page;
}

const registerWorker = (page: Page) => page.evaluate(() => (window as unknown as { registerWorker(): Promise<void> }).registerWorker());
const fetchGreeting = (page: Page) => page.evaluate(() => (window as unknown as { fetchGreeting(): Promise<Greeting> }).fetchGreeting());

describe('the test browser', () => {
  beforeAll(async () => {
    server = await serveDirectory(path.resolve(PAGE_DIR));
    testBrowser = await launchBrowser();
  });

  afterAll(async () => {
    await testBrowser?.close();
    await server?.close();
  });

  it('registers a Service Worker on a page from 127.0.0.1, which then answers the page’s fetch itself', async () => {
    const page = await openPage();
    await registerWorker(page);
    expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(`${server.url}sw.js`);
    expect(await fetchGreeting(page)).toEqual({ status: 200, body: 'answered by the service worker' });
    expect(server.requested).toContain('/sw.js');
    expect(server.requested).not.toContain('/greeting');
    await page.context().close();
  });

  it('opens each new context without the Service Worker another context registered', async () => {
    const first = await openPage();
    await registerWorker(first);
    await first.context().close();

    const second = await openPage();
    expect(await second.evaluate(() => navigator.serviceWorker.controller)).toBeNull();
    expect(await fetchGreeting(second)).toEqual({ status: 404, body: 'not found: /greeting' });
    expect(server.requested).toContain('/greeting');
    await second.context().close();
  });

  it('keeps CORS: a page cannot read a response from another origin that did not allow it', async () => {
    const otherOrigin = await serveDirectory(path.resolve(PAGE_DIR));
    try {
      const page = await openPage();
      const outcome = await page.evaluate((url) => fetch(url).then((response) => `read ${response.status}`, (error: Error) => `refused: ${error.message}`), `${otherOrigin.url}sw.js`);
      expect(outcome).toBe('refused: Failed to fetch');
      // The request did go out: the browser withheld the answer, as a reader's browser would.
      expect(otherOrigin.requested).toEqual(['/sw.js']);
      await page.context().close();
    } finally {
      await otherOrigin.close();
    }
  });

  it('refuses every request to another host, and records it', async () => {
    const page = await openPage();
    // A navigation, not a fetch, so that CORS plays no part in what the page gets back.
    const response = await page.goto('http://other-host.test/probe');
    expect(response?.status()).toBe(502);
    expect(testBrowser.otherHostRequests).toContain('GET http://other-host.test/probe');
    await page.context().close();
  });
});
