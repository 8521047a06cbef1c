// Renders openapi.yaml into dist/docs/index.html with `redocly build-docs`, as a page that works offline.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { parse, stringify } from 'yaml';

import { makeOffline } from './offline.js';

const run = promisify(execFile);

export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DOCS_DIR = path.join(PROJECT_ROOT, 'dist', 'docs');
const TEMPLATE = fileURLToPath(new URL('./template.hbs', import.meta.url));

/**
 * Redoc options for build-docs (`--openapi`). Kept here rather than in redocly.yaml so the page's
 * look is decided next to the code that checks it.
 */
export const REDOC_OPTIONS = {
  // Open the first level of request and response schemas, so a reader sees fields without clicking.
  schemasExpansionLevel: 1,
  jsonSamplesExpandLevel: 'all',
  sortRequiredPropsFirst: true,
  // Only the curl sample the code-samples decorator writes (it points at the local mock with a demo
  // key) and the request payload; Redoc's own samples in other languages would carry no credential.
  codeSamples: { languages: [{ lang: 'curl' }, { lang: 'Payload' }] },
} as const;

export interface BuildDocsOptions {
  /** The root document to render; default openapi.yaml in the project. */
  spec?: string;
  /** Where index.html goes; default dist/docs. The folder is emptied first. */
  outDir?: string;
  /**
   * The base URL the curl samples call (`npm run docs -- --mock-url URL`); default the local mock,
   * `http://127.0.0.1:4010` (the code-samples decorator's default).
   */
  mockUrl?: string;
}

export class BuildDocsError extends Error {}

const CONFIG = path.join(PROJECT_ROOT, 'redocly.yaml');

/** The mock URL as the samples will print it, or an error saying what is wrong with it. */
export function checkMockUrl(mockUrl: string): string {
  let url: URL;
  try {
    url = new URL(mockUrl);
  } catch {
    throw new BuildDocsError(`--mock-url must be an http or https URL such as http://127.0.0.1:4010, not ${JSON.stringify(mockUrl)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new BuildDocsError(`--mock-url must be an http or https URL, not a ${url.protocol.replace(/:$/, '')} URL (${JSON.stringify(mockUrl)})`);
  }
  return mockUrl.replace(/\/+$/, '');
}

/**
 * redocly.yaml with the code-samples decorator aimed at `mockUrl`, written to `directory`. Plugin
 * paths become absolute, since the copy does not live beside the project.
 */
export async function writeConfigForMockUrl(directory: string, mockUrl: string): Promise<string> {
  const config = parse(await readFile(CONFIG, 'utf8'));
  config.plugins = (config.plugins ?? []).map((plugin: string) => path.resolve(PROJECT_ROOT, plugin));
  config.decorators = { ...config.decorators, 'contract/code-samples': { baseUrl: checkMockUrl(mockUrl) } };
  const file = path.join(directory, 'redocly.yaml');
  await writeFile(file, stringify(config));
  return file;
}

/** Runs `redocly build-docs` on `specPath` with `config`, writing `indexHtml`. */
async function runBuildDocs(specPath: string, indexHtml: string, config: string): Promise<void> {
  const cli = path.join(PROJECT_ROOT, 'node_modules', '@redocly', 'cli', 'bin', 'cli.js');
  try {
    await run(
      process.execPath,
      [
        cli,
        'build-docs',
        specPath,
        '--output',
        indexHtml,
        // Embed the Redoc build that ships inside @redocly/cli (the very version that prerendered
        // the page) instead of importing it from cdn.redocly.com.
        '--inlineBundle',
        '--template',
        TEMPLATE,
        '--openapi',
        JSON.stringify(REDOC_OPTIONS),
        '--config',
        config,
      ],
      {
        cwd: PROJECT_ROOT,
        // REDOCLY_TELEMETRY=off turns off the CLI's usage reports and, in the page, Redoc's traces to
        // otel.cloud.redocly.com; the update notice would otherwise ask the npm registry for news.
        env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' },
        maxBuffer: 16 * 1024 * 1024,
      },
    );
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    const output = `${stdout}\n${stderr}`.replace(/^.*[║╔╚].*$\n?/gm, '').trim();
    throw new BuildDocsError(`redocly build-docs failed for ${specPath}:\n${output}`);
  }
}

/** Builds the page and returns the absolute path of its index.html. */
export async function buildDocs({ spec, outDir, mockUrl }: BuildDocsOptions = {}): Promise<string> {
  const specPath = path.resolve(PROJECT_ROOT, spec ?? 'openapi.yaml');
  const dir = path.resolve(PROJECT_ROOT, outDir ?? DOCS_DIR);
  const indexHtml = path.join(dir, 'index.html');
  if (mockUrl !== undefined) checkMockUrl(mockUrl);

  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  if (mockUrl === undefined) {
    await runBuildDocs(specPath, indexHtml, CONFIG);
  } else {
    const scratch = await mkdtemp(path.join(tmpdir(), 'docs-config-'));
    try {
      await runBuildDocs(specPath, indexHtml, await writeConfigForMockUrl(scratch, mockUrl));
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
  }

  const { html } = makeOffline(await readFile(indexHtml, 'utf8'));
  await writeFile(indexHtml, html);
  return indexHtml;
}
