// `npm run docs -- --mock-url URL` aims every curl sample of the page at another mock; without it the
// samples call the local mock on http://127.0.0.1:4010. A bad URL is one line and exit code 1.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

import { buildDocs, checkMockUrl, PROJECT_ROOT } from '../../src/docs/build.js';

const run = promisify(execFile);
const scratch: string[] = [];

afterAll(async () => {
  for (const dir of scratch) await rm(dir, { recursive: true, force: true });
});

/** The URL of every curl sample on a page built with `mockUrl`. */
async function sampleUrls(mockUrl?: string): Promise<string[]> {
  const outDir = await mkdtemp(path.join(os.tmpdir(), 'docs-mock-url-'));
  scratch.push(outDir);
  const html = await readFile(await buildDocs({ outDir, ...(mockUrl ? { mockUrl } : {}) }), 'utf8');
  return [...html.matchAll(/curl -X [A-Z]+ '([^']+)'/g)].map((match) => match[1]);
}

describe('npm run docs', () => {
  it('aims the curl samples at the local mock on port 4010 by default', async () => {
    const urls = await sampleUrls();
    expect(urls.length).toBeGreaterThan(20);
    expect(urls.filter((url) => !url.startsWith('http://127.0.0.1:4010/'))).toEqual([]);
  });

  it('aims every curl sample at the --mock-url instead', async () => {
    const urls = await sampleUrls('https://mock.example.test:8443/');
    expect(urls.length).toBeGreaterThan(20);
    expect(urls.filter((url) => !url.startsWith('https://mock.example.test:8443/'))).toEqual([]);
    expect(urls).toContain('https://mock.example.test:8443/api/v1/rules');
  });

  it.each([
    ['a URL that is not one', 'localhost:4010:x', /--mock-url must be an http or https URL/],
    ['another protocol', 'ftp://127.0.0.1:4010', /not a ftp URL/],
    ['a missing value', undefined, /argument missing/],
  ])('refuses %s in one line, with exit code 1', async (_, value, message) => {
    const args = [path.join(PROJECT_ROOT, 'node_modules/tsx/dist/cli.mjs'), 'scripts/docs.ts', '--mock-url', ...(value ? [value] : [])];
    const failure: any = await run(process.execPath, args, { cwd: PROJECT_ROOT }).then(() => undefined, (error) => error);
    expect(failure?.code).toBe(1);
    expect(failure.stderr.trim().split('\n')).toHaveLength(1);
    expect(failure.stderr).toMatch(message);
  });

  it('prints the samples\' base URL without a trailing slash', () => {
    expect(checkMockUrl('http://127.0.0.1:5000/')).toBe('http://127.0.0.1:5000');
  });
});
