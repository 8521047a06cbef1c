// Renders openapi.yaml into dist/docs/index.html with `redocly build-docs`, as a page that works offline.
import { execFile } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

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
}

export class BuildDocsError extends Error {}

/** Builds the page and returns the absolute path of its index.html. */
export async function buildDocs({ spec, outDir }: BuildDocsOptions = {}): Promise<string> {
  const specPath = path.resolve(PROJECT_ROOT, spec ?? 'openapi.yaml');
  const dir = path.resolve(PROJECT_ROOT, outDir ?? DOCS_DIR);
  const indexHtml = path.join(dir, 'index.html');
  const cli = path.join(PROJECT_ROOT, 'node_modules', '@redocly', 'cli', 'bin', 'cli.js');

  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
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
        path.join(PROJECT_ROOT, 'redocly.yaml'),
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

  const { html } = makeOffline(await readFile(indexHtml, 'utf8'));
  await writeFile(indexHtml, html);
  return indexHtml;
}
