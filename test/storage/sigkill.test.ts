// No acknowledged write is lost when the mock is killed: SIGKILL trials on the state file (SQLite) and
// on PostgreSQL, each killing a mock under load at a random moment, restarting it and checking every
// create it had answered. A killed mock leaves no temporary file and no lock behind.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { killRunningMocks } from '../support/mock-cli.js';
import { usePostgres } from '../support/postgres.js';
import { killTrials } from './kill-trials.js';

const TRIALS = 10;
afterEach(killRunningMocks);

describe('SIGKILL under load', () => {
  it(`loses no acknowledged create on the state file in ${TRIALS} trials, leaving only the database and its WAL`, async () => {
    const directory = mkdtempSync(join(tmpdir(), 'sigkill-state-'));
    onTestFinished(() => rmSync(directory, { recursive: true, force: true }));
    const file = join(directory, 'state.db');
    const { report, last } = await killTrials(['--state-file', file], TRIALS, () => {
      expect(readdirSync(directory).filter((name) => name !== 'state.db' && name !== 'state.db-wal')).toEqual([]);
    });
    expect(report.acknowledged).toBeGreaterThan(TRIALS * 10);
    expect(report.lost).toBe(0);
    last.run.child.kill('SIGTERM');
    expect(await last.run.exited).toBe(0);
    // Stopped cleanly, the WAL is folded into the file: one file is left.
    expect(readdirSync(directory)).toEqual(['state.db']);
  });

  describe('on PostgreSQL', () => {
    const postgres = usePostgres();

    it(`loses no acknowledged create in ${TRIALS} trials`, async () => {
      const url = await postgres.server().createDatabase('sigkill');
      const { report, last } = await killTrials(['--store', url], TRIALS);
      expect(report.acknowledged).toBeGreaterThan(TRIALS * 10);
      expect(report.lost).toBe(0);
      last.run.child.kill('SIGTERM');
      expect(await last.run.exited).toBe(0);
    });
  });
});
