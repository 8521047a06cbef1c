// Compares a freshly generated directory with the committed generated/, file by file, subdirectories included.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

export interface Drift {
  /** The file's path in the directory, with `/` between folders (`validators/rules.js`). */
  file: string;
  /** stale: differs from what the spec produces; missing: not committed; unexpected: the spec produces no such file. */
  problem: 'stale' | 'missing' | 'unexpected';
}

/** Every file below `directory` (dot files aside), as `/`-separated paths relative to it. */
async function listFiles(directory: string): Promise<string[]> {
  try {
    const entries = await readdir(directory, { withFileTypes: true, recursive: true });
    return entries
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(directory, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
      .filter((file) => !file.split('/').some((part) => part.startsWith('.')));
  } catch (error: any) {
    if (error.code === 'ENOENT') return [];
    throw error;
  }
}

/** Every file of `committed` that is not byte-identical to its counterpart in `fresh`, sorted by path. */
export async function findDrift(fresh: string, committed: string): Promise<Drift[]> {
  const [freshFiles, committedFiles] = await Promise.all([listFiles(fresh), listFiles(committed)]);
  const drift: Drift[] = [];
  for (const file of freshFiles) {
    if (!committedFiles.includes(file)) {
      drift.push({ file, problem: 'missing' });
      continue;
    }
    const [expected, actual] = await Promise.all([readFile(path.join(fresh, file)), readFile(path.join(committed, file))]);
    if (!expected.equals(actual)) drift.push({ file, problem: 'stale' });
  }
  for (const file of committedFiles) {
    if (!freshFiles.includes(file)) drift.push({ file, problem: 'unexpected' });
  }
  return drift.sort((a, b) => a.file.localeCompare(b.file));
}
