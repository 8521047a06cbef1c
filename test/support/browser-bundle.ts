// What a browser app ships for an import, as src/generate/bundle-size.ts measures it (a production Vite
// build of a one-file entry), built inside the project so that the entry resolves its packages
// (msw/browser), and with every import specifier the graph asked for. The bundle-size benchmark and
// the tests of the in-page handlers build through it.
import { builtinModules } from 'node:module';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { measureBundle, type BundleOptions, type BundleSize } from '../../src/generate/bundle-size.js';

const SCRATCH = fileURLToPath(new URL('../../node_modules/.cache/', import.meta.url));

export interface BrowserBundle extends BundleSize {
  /** Every import specifier some module of the graph asked for, with who asked. */
  imports: Array<{ specifier: string; importer: string | undefined }>;
}

/** Records the specifiers before any resolver rewrites them (Vite stubs Node built-ins for the browser). */
function recordImports(imports: BrowserBundle['imports']): Plugin {
  return {
    name: 'record-imports',
    enforce: 'pre',
    resolveId(specifier, importer) {
      imports.push({ specifier, importer });
      return null;
    },
  };
}

/** Builds `entrySource` (TypeScript; import what it measures by absolute path) as Vite builds a browser app. */
export async function bundleForBrowser(entrySource: string, options: Pick<BundleOptions, 'external'> = {}): Promise<BrowserBundle> {
  await mkdir(SCRATCH, { recursive: true });
  const directory = await mkdtemp(path.join(SCRATCH, 'browser-bundle-'));
  const imports: BrowserBundle['imports'] = [];
  try {
    const size = await measureBundle(entrySource, { directory, fileName: 'entry.ts', plugins: [recordImports(imports)], ...options });
    return { ...size, imports };
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

/** Whether a specifier names a Node built-in (`node:fs`, or `fs` without the scheme). */
export function isNodeBuiltin(specifier: string): boolean {
  return specifier.startsWith('node:') || builtinModules.includes(specifier.split('/')[0]);
}
