// Compares a freshly generated directory with the committed generated/, file by file.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

export interface Drift {
  file: string;
  /** stale: differs from what the spec produces; missing: not committed; unexpected: the spec produces no such file. */
  problem: 'stale' | 'missing' | 'unexpected';
}

async function listFiles(directory: string): Promise<string[]> {
  try {
    return (await readdir(directory, { withFileTypes: true })).filter((entry) => entry.isFile()).map((entry) => entry.name);
  } catch (error: any) {
    if (error.code === 'ENOENT') return [];
    throw error;
  }
}

/** Every file of `committed` that is not byte-identical to its counterpart in `fresh`, sorted by name. */
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
    if (!freshFiles.includes(file) && !file.startsWith('.')) drift.push({ file, problem: 'unexpected' });
  }
  return drift.sort((a, b) => a.file.localeCompare(b.file));
}
