// What a frontend ships for an import of the package: a production Vite build (minified, tree-shaken)
// of a one-file entry, and its size raw and gzipped.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Rolldown } from 'vite';

export interface BundleSize {
  /** The bundle's JavaScript, every chunk joined. */
  code: string;
  raw: number;
  gzip: number;
}

export interface BundleOptions {
  /** Where the entry is written and built (its node_modules and tsconfig.json apply); a scratch folder by default. */
  directory?: string;
  /** The entry's file name: `entry.js`, or `main.ts` for TypeScript. */
  fileName?: string;
}

/** Builds `entrySource` (an ES module) as Vite builds an app, and measures the JavaScript it ships. */
export async function measureBundle(entrySource: string, { directory, fileName = 'entry.js' }: BundleOptions = {}): Promise<BundleSize> {
  const folder = directory ?? (await mkdtemp(path.join(tmpdir(), 'validators-bundle-')));
  try {
    const entry = path.join(folder, fileName);
    await writeFile(entry, entrySource);
    const result = await build({
      root: folder,
      configFile: false,
      logLevel: 'silent',
      build: { write: false, rolldownOptions: { input: entry } },
    });
    const outputs = ([] as Rolldown.RolldownOutput[]).concat(result as Rolldown.RolldownOutput | Rolldown.RolldownOutput[]);
    const code = outputs
      .flatMap((output) => output.output)
      .flatMap((chunk) => (chunk.type === 'chunk' ? [chunk.code] : []))
      .join('\n');
    return { code, raw: Buffer.byteLength(code), gzip: gzipSync(code).length };
  } finally {
    if (!directory) await rm(folder, { recursive: true, force: true });
  }
}

export function formatKilobytes(bytes: number): string {
  return `${(bytes / 1000).toFixed(1)} kB`;
}
