// Bundles openapi.yaml into one document through the Redocly CLI, so the decorators of redocly.yaml
// (src/redocly/plugin.js) shape what the mock, the docs and the validators read.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

// The document is JSON of any shape.
type Json = any;

// The CLI, not @redocly/openapi-core's Node API: the CLI is the pinned dependency that `npm run lint`
// also uses, so the bundle and the lint read redocly.yaml the same way.
const redoclyCli = path.join(
  path.dirname(createRequire(import.meta.url).resolve('@redocly/cli/package.json')),
  'bin/cli.js',
);

export interface BundleOptions {
  /** The project root, holding redocly.yaml and the entry document. */
  root: string;
  /** The entry document, relative to `root`. */
  entry?: string;
}

/** The bundled document: every external `$ref` pulled into `components`, examples kept. */
export async function bundleContract({ root, entry = 'openapi.yaml' }: BundleOptions): Promise<Json> {
  const scratch = await mkdtemp(path.join(tmpdir(), 'contract-bundle-'));
  const output = path.join(scratch, 'openapi.json');
  try {
    await run(
      process.execPath,
      [redoclyCli, 'bundle', entry, '--config', 'redocly.yaml', '--output', output],
      { cwd: root, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' } },
    );
    return JSON.parse(await readFile(output, 'utf8'));
  } catch (error: any) {
    const details = [error.stdout, error.stderr].filter(Boolean).join('\n').trim();
    throw new Error(`redocly could not bundle ${entry}:\n${details || error.message}`);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** The document as generated/openapi.json holds it: two-space JSON, key order as bundled, final newline. */
export function serializeDocument(document: Json): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}
