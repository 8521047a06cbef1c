// The CI check (npm run check:breaking): openapi.yaml against the latest release tag v*, on
// temporary git repositories; and the choice of that tag.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCheckBreaking } from '../../src/cli/diff.js';
import { judgeRelease, latestReleaseTag, majorVersion } from '../../src/diff/release.js';
import { capture, GitRepository } from './git-repository.js';

const check = (cwd: string, argv: string[] = []) => capture(runCheckBreaking, argv, cwd);
const BREAKING = ['schemas/TransferCreateRequest.yaml', 'maximum: 100000', 'maximum: 50000'] as const;

describe('the latest release tag', () => {
  it('is the highest version, not the latest in name order', () => {
    expect(latestReleaseTag(['v1.9.0', 'v1.10.0', 'v1.2.3'])).toBe('v1.10.0');
  });
  it('counts v2 and v2.1 as versions and leaves out pre-releases and other tags', () => {
    expect(latestReleaseTag(['v2', 'v2.1', 'v3.0.0-rc.1', 'version-9', 'vnext'])).toBe('v2.1');
    expect(latestReleaseTag(['v3.0.0-rc.1', 'latest'])).toBeUndefined();
  });
  it('judges a breaking change by the major of info.version', () => {
    expect(majorVersion('2.0.0')).toBe(2);
    expect(majorVersion('0.1.0')).toBe(0);
    expect(majorVersion('draft')).toBeUndefined();
    expect(judgeRelease(0, '1.0.0', '1.0.0')).toEqual({ ok: true, reason: 'no-breaking' });
    expect(judgeRelease(2, '1.4.0', '2.0.0')).toEqual({ ok: true, reason: 'major-raised' });
    expect(judgeRelease(2, '1.4.0', '1.5.0')).toEqual({ ok: false, reason: 'major-kept' });
    expect(judgeRelease(1, '1.4.0', 'next')).toEqual({ ok: false, reason: 'no-version' });
  });
});

describe('check:breaking on a git repository', () => {
  const cleanup: Array<() => void> = [];
  afterEach(() => {
    for (const remove of cleanup.splice(0)) remove();
  });
  const repositoryWithRelease = (tag = 'v1.0.0') => {
    const repository = new GitRepository();
    cleanup.push(() => repository.remove());
    repository.commit('The first contract');
    repository.git('tag', tag);
    return repository;
  };
  /** A repository released as v1.0.0 whose working tree lowers a maximum and says `info.version: version`. */
  const breakingSince = (version: string) => {
    const repository = repositoryWithRelease();
    repository.edit(...BREAKING);
    repository.edit('openapi.yaml', 'version: 1.0.0', `version: ${version}`);
    return repository;
  };

  it('is skipped in one line when the repository has no release tag', async () => {
    const repository = new GitRepository();
    cleanup.push(() => repository.remove());
    repository.commit('The first contract');
    repository.git('tag', 'not-a-release');
    repository.edit(...BREAKING);
    const result = await check(repository.root);
    expect(result).toEqual({ code: 0, stdout: 'check:breaking: skipped, the repository has no release tag v* yet.\n', stderr: '' });
  });

  it('is skipped in one line outside a git repository', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'diff-test-plain-'));
    cleanup.push(() => rmSync(folder, { recursive: true, force: true }));
    expect(await check(folder)).toEqual({ code: 0, stdout: `check:breaking: skipped, ${folder} is not in a git repository.\n`, stderr: '' });
  });

  it('is skipped in one line in a shallow clone without the tags', async () => {
    const repository = repositoryWithRelease();
    repository.edit('openapi.yaml', 'title: Transfers', 'title: Transfer service');
    repository.commit('A new title');
    const clone = mkdtempSync(path.join(tmpdir(), 'diff-test-clone-'));
    cleanup.push(() => rmSync(clone, { recursive: true, force: true }));
    execFileSync('git', ['clone', '--quiet', '--depth', '1', `file://${repository.root}`, clone], { stdio: 'ignore' });
    const result = await check(clone);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('check:breaking: skipped, this shallow clone has no release tag v* (fetch them with: git fetch --tags --unshallow).\n');
  });

  it('passes when nothing breaking changed since the latest tag', async () => {
    const repository = repositoryWithRelease();
    repository.edit('openapi.yaml', "description: Created.", 'description: The transfer was created.');
    const result = await check(repository.root);
    expect(result).toEqual({ code: 0, stdout: 'check:breaking: no breaking change since v1.0.0 (1 compatible).\n', stderr: '' });
  });

  it('fails on a breaking change when the major version stays, with the report and one line saying why', async () => {
    const repository = breakingSince('1.1.0');
    const result = await check(repository.root);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('Contract diff: git:v1.0.0 -> openapi.yaml');
    expect(result.stdout).toContain('BREAKING    request body property /amount_in_cents: maximum lowered from 100000 to 50000');
    expect(result.stderr).toBe('check:breaking: 1 breaking change since v1.0.0 without a new major version (info.version 1.0.0 at v1.0.0, 1.1.0 now): ' +
      'raise the major of info.version or make the changes compatible.\n');
  });

  it('passes a breaking change when the major version was raised', async () => {
    const repository = breakingSince('2.0.0');
    const result = await check(repository.root);
    expect(result).toEqual({ code: 0, stderr: '', stdout: 'check:breaking: 1 breaking change since v1.0.0, allowed: the major version was raised (info.version 1.0.0 at v1.0.0, 2.0.0 now).\n' });
  });

  it('compares with the highest release tag, not the most recent one', async () => {
    const repository = repositoryWithRelease('v1.10.0');
    repository.edit(...BREAKING);
    repository.edit('openapi.yaml', 'version: 1.0.0', 'version: 2.0.0');
    repository.commit('Version 2');
    repository.git('tag', 'v2.0.0');
    repository.git('tag', 'v1.9.0', 'HEAD~1');
    const result = await check(repository.root);
    expect(result).toEqual({ code: 0, stderr: '', stdout: 'check:breaking: no breaking change since v2.0.0 (0 compatible).\n' });
  });

  it('writes its report as markdown with --format markdown', async () => {
    const repository = breakingSince('1.0.0');
    const result = await check(repository.root, ['--format', 'markdown']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('## Contract diff: 1 breaking change');
  });
});

