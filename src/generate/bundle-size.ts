// What a frontend ships for an import of the package: a production Vite build (minified, tree-shaken)
// of a one-file entry, and its size raw and gzipped.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Plugin, type Rolldown } from 'vite';

export interface BundleSize {
  /** The bundle's JavaScript, every chunk joined. */
  code: string;
  raw: number;
  gzip: number;
  /** Every module in the bundle, by the id Vite gave it (absolute paths for files). */
  modules: string[];
}

export interface BundleOptions {
  /** Where the entry is written and built (its node_modules and tsconfig.json apply); a scratch folder by default. */
  directory?: string;
  /** The entry's file name: `entry.js`, or `main.ts` for TypeScript. */
  fileName?: string;
  /** Left out of the bundle (what an app has anyway, such as msw): package names, with their subpaths, or patterns of ids. */
  external?: Array<string | RegExp>;
  /** More Vite plugins (one that records what the graph imports, say). */
  plugins?: Plugin[];
}

/** Builds `entrySource` (an ES module) as Vite builds an app, and measures the JavaScript it ships. */
export async function measureBundle(entrySource: string, { directory, fileName = 'entry.js', external = [], plugins = [] }: BundleOptions = {}): Promise<BundleSize> {
  const folder = directory ?? (await mkdtemp(path.join(tmpdir(), 'validators-bundle-')));
  try {
    const entry = path.join(folder, fileName);
    await writeFile(entry, entrySource);
    const result = await build({
      root: folder,
      configFile: false,
      logLevel: 'silent',
      plugins,
      build: {
        write: false,
        rolldownOptions: {
          input: entry,
          external: (id) => external.some((name) => (typeof name === 'string' ? id === name || id.startsWith(`${name}/`) : name.test(id))),
        },
      },
    });
    const chunks = ([] as Rolldown.RolldownOutput[])
      .concat(result as Rolldown.RolldownOutput | Rolldown.RolldownOutput[])
      .flatMap((output) => output.output)
      .flatMap((chunk) => (chunk.type === 'chunk' ? [chunk] : []));
    const code = chunks.map((chunk) => chunk.code).join('\n');
    return { code, raw: Buffer.byteLength(code), gzip: gzipSync(code).length, modules: chunks.flatMap((chunk) => chunk.moduleIds) };
  } finally {
    if (!directory) await rm(folder, { recursive: true, force: true });
  }
}

export function formatKilobytes(bytes: number): string {
  return `${(bytes / 1000).toFixed(1)} kB`;
}
