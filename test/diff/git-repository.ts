// Temporary git repositories for the tests of `git:REF` and check:breaking: made from
// test/fixtures/diff/repository, committed, tagged, and removed afterwards.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DiffIo } from '../../src/cli/diff.js';

export const fixtures = fileURLToPath(new URL('../fixtures/diff/', import.meta.url));

// Commits must not depend on the machine's git configuration, nor read the repository the tests run in.
const GIT_ENV: NodeJS.ProcessEnv = { ...process.env, GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 'test@example.com', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 'test@example.com', GIT_CONFIG_NOSYSTEM: '1' };
for (const name of ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE']) delete GIT_ENV[name];

export class GitRepository {
  readonly root: string;

  constructor() {
    this.root = mkdtempSync(path.join(tmpdir(), 'diff-test-repo-'));
    this.git('init', '--quiet', '--initial-branch=main');
    cpSync(path.join(fixtures, 'repository'), this.root, { recursive: true });
  }

  git(...args: string[]): string {
    return execFileSync('git', args, { cwd: this.root, env: GIT_ENV, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  }

  commit(message: string): void {
    this.git('add', '--all');
    this.git('commit', '--quiet', '--allow-empty', '-m', message);
  }

  /** Rewrites a file of the working tree (relative to the root) by a text replacement that must apply. */
  edit(file: string, from: string, to: string): void {
    const at = path.join(this.root, file);
    const text = readFileSync(at, 'utf8');
    if (!text.includes(from)) throw new Error(`${file} has no "${from}"`);
    writeFileSync(at, text.replace(from, to));
  }

  remove(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}

/** Runs a command of src/cli/diff.ts and keeps what it writes. */
export async function capture(run: (argv: string[], io: DiffIo) => Promise<number>, argv: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, { cwd, stdout: { write: (text: string) => (stdout += text) }, stderr: { write: (text: string) => (stderr += text) } });
  return { code, stdout, stderr };
}
