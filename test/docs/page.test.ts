// The reference docs in a real browser: `npm run docs` output served on 127.0.0.1, opened in the tests' headless Chromium.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { buildDocs, DOCS_DIR, PROJECT_ROOT } from '../../src/docs/build.js';
import { launchBrowser, type TestBrowser } from '../support/browser.js';
import { serveDirectory, type StaticServer } from '../support/static-server.js';
import { readSpecOutline, type OutlineOperation } from './spec-outline.js';

const SERVICE_GROUPS = ['Rules service', 'Sequences service', 'Comms service'];

const outline = readSpecOutline(path.join(PROJECT_ROOT, 'openapi.yaml'));
const menuItem = '[data-component-name="Menu/MenuItem"]';

let server: StaticServer;
let testBrowser: TestBrowser;
let page: Page;
const foreignRequests: string[] = [];
const consoleErrors: string[] = [];

/** True for URLs the page may load: its own origin, and data:/blob: URLs it makes itself. */
function isLocal(url: string, origin: string): boolean {
  if (url.startsWith('data:')) return true;
  try {
    return new URL(url).origin === origin;
  } catch {
    return false;
  }
}

/** Opens a tag's entry in the navigation (the renderer folds operations under their tag). */
async function openTag(tag: string): Promise<void> {
  const entry = page.locator(`${menuItem}.menu-item-type-group`).filter({ has: page.locator(`a span[data-text="${tag}"]`) });
  const operations = entry.first().locator(`${menuItem}.menu-item-type-operation`);
  if (!(await operations.first().isVisible())) await entry.first().locator('a').first().click();
  await operations.first().waitFor({ timeout: 10_000 });
}

/** What is wrong with a rendered operation section, read from its heading and text. */
function sectionProblems(name: string, operation: OutlineOperation, heading: string, sectionText: string): string[] {
  const problems: string[] = [];
  if (!heading.startsWith(operation.summary)) problems.push(`${name}: section heading is "${heading}"`);
  const text = sectionText.replace(/\s+/g, ' ');
  // The request panel shows "<METHOD> <path>"; a webhook's shows its method and is labelled Webhook.
  const request = operation.kind === 'operation' ? `${operation.method} ${operation.path}` : `${operation.method}`;
  if (!text.toLowerCase().includes(request.toLowerCase())) problems.push(`${name}: section does not show "${request.toUpperCase()}"`);
  if (operation.kind === 'webhook' && !text.includes('Webhook')) problems.push(`${name}: section is not labelled Webhook`);
  if (operation.permissionScope && !text.includes(`Permission: the API key needs the ${operation.permissionScope} scope`)) {
    problems.push(`${name}: section does not show the ${operation.permissionScope} permission and its resource rule`);
  }
  if (operation.comingSoon && !text.includes('Coming Soon')) problems.push(`${name}: section has no Coming Soon marker`);
  if (operation.kind === 'operation' && !text.includes(`curl -X ${operation.method.toUpperCase()} 'http://127.0.0.1:4010`)) {
    problems.push(`${name}: section has no curl sample for the local mock`);
  }
  return problems;
}

/** What is wrong with how one operation is shown; empty when the nav entry and its section are right. */
async function problemsWith(operation: OutlineOperation): Promise<string[]> {
  const name = `${operation.method.toUpperCase()} ${operation.path} (${operation.summary})`;
  const entry = page
    .locator(`${menuItem}.menu-item-type-operation`)
    .filter({ has: page.locator(`span[data-text="${operation.summary}"]`) })
    .filter({ has: page.locator(`[data-component-name="Tags/HttpTag"].tag-${operation.method}`) });
  if ((await entry.count()) === 0) return [`${name}: no "${operation.summary}" ${operation.method} entry under tag "${operation.tag}" in the navigation`];

  const href = await entry.first().locator('a').getAttribute('href');
  await entry.first().locator('a').click();
  const section = page.locator(`[data-section-id="${href?.replace(/^#/, '')}"]`);
  try {
    await section.locator('h2').first().waitFor({ timeout: 10_000 });
  } catch {
    return [`${name}: clicking its navigation entry (${href}) showed no section`];
  }
  // The renderer fills a section in, and may render it again, after it is attached: read it until it
  // is right, and report what it still shows after 3 s.
  let problems: string[] = [];
  for (const deadline = Date.now() + 3_000; ; await new Promise((resolve) => setTimeout(resolve, 100))) {
    const shown = await section.evaluate((element) => ({
      heading: (element.querySelector('h2') as HTMLElement | null)?.innerText.trim() ?? '',
      text: (element as HTMLElement).innerText,
    }));
    problems = sectionProblems(name, operation, shown.heading, shown.text);
    if (problems.length === 0 || Date.now() > deadline) return problems;
  }
}

describe('the reference docs page', () => {
  beforeAll(async () => {
    await buildDocs();
    server = await serveDirectory(DOCS_DIR);
    const origin = new URL(server.url).origin;
    testBrowser = await launchBrowser();
    page = await testBrowser.browser.newPage({ viewport: { width: 1440, height: 1000 } });
    // Recorded here; the test browser's proxy refuses them, so none leaves the machine even where there is a network.
    page.on('request', (request) => {
      if (!isLocal(request.url(), origin)) foreignRequests.push(`${request.method()} ${request.url()}`);
    });
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(`${message.text()} (${message.location().url})`);
    });
    page.on('pageerror', (error) => consoleErrors.push(`uncaught: ${error.message}`));
    await page.goto(server.url, { waitUntil: 'load' });
    await page.locator(menuItem).first().waitFor();
    await page.screenshot({ path: path.join(DOCS_DIR, 'screenshot.png') });
  });

  afterAll(async () => {
    await testBrowser?.close();
    await server?.close();
  });

  it('shows each service as a tag group in the navigation', async () => {
    const groups = await page.locator(`${menuItem}.menu-item-type-separator`).allInnerTexts();
    expect(outline.tagGroups.map((group) => group.name)).toEqual(expect.arrayContaining(SERVICE_GROUPS));
    expect(groups.map((group) => group.trim())).toEqual(outline.tagGroups.map((group) => group.name));
  });

  it('shows the full scope table once, in the Authentication section', async () => {
    await page.locator(`${menuItem} a[href$="/section/authentication"]`).click();
    // The section's first subsection is the ApiKeyAuth scheme, which carries the Rules scope table.
    const section = page.locator('[data-section-id="/section/apikeyauth"]');
    await section.waitFor();
    const tables = page.locator('table').filter({ hasText: 'Grants access to' });
    expect(await tables.count()).toBe(1);
    const scopes = (await section.locator('table tbody tr td:first-child').allInnerTexts()).map((s) => s.trim());
    expect(scopes).toEqual(outline.scopes);
  });

  it('shows every operation and webhook with its method, path, summary, permission, markers and curl sample', { timeout: 180_000 }, async () => {
    expect(outline.operations.length).toBeGreaterThan(0);
    const problems: string[] = [];
    const tags = [...new Set(outline.operations.map((operation) => operation.tag))];
    for (const tag of tags) {
      await openTag(tag);
      for (const operation of outline.operations.filter((o) => o.tag === tag)) {
        problems.push(...(await problemsWith(operation)));
      }
    }
    // A Rules operation with a request body: permission note, Coming Soon badge and curl sample in one view.
    const sample = outline.operations.find((o) => o.permissionScope && o.method === 'post') ?? outline.operations[0];
    await openTag(sample.tag);
    const sampleEntry = page.locator(`${menuItem}.menu-item-type-operation`).filter({ has: page.locator(`span[data-text="${sample.summary}"]`) }).first();
    const sampleSection = (await sampleEntry.locator('a').getAttribute('href'))?.replace(/^#/, '');
    await sampleEntry.click();
    // The shot waits for the operation's heading to be scrolled into view, not for a fixed time.
    const sampleHeading = await page.locator(`[data-section-id="${sampleSection}"] h2`).first().elementHandle({ timeout: 10_000 });
    await page.waitForFunction((heading) => {
      const box = heading!.getBoundingClientRect();
      return box.top >= 0 && box.bottom <= window.innerHeight;
    }, sampleHeading, { timeout: 10_000 });
    await page.screenshot({ path: path.join(DOCS_DIR, 'screenshot-operation.png') });
    expect(problems).toEqual([]);
  });

  it('requests nothing from any host but the one serving it', () => {
    expect(foreignRequests).toEqual([]);
    // What the page's own listeners cannot see (a worker's or the browser's requests) met the browser's refusing proxy.
    expect(testBrowser.otherHostRequests).toEqual([]);
  });

  it('logs no console errors', () => {
    expect(consoleErrors).toEqual([]);
  });
});
