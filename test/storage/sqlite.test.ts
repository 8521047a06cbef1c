// The embedded engine (SQLite in WAL mode) passes the suite every store passes, through each driver
// this Node has: better-sqlite3 (the optional peer dependency) and node:sqlite (Node 22.13 and later).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe } from 'vitest';
import { openSqliteStore, sqliteEngine } from '../../src/adapters/storage/sqlite.js';
import { sqliteDriver, type SqliteDriverName } from '../../src/adapters/storage/sqlite-driver.js';
import { describeStore } from '../support/store-suite.js';

const scratch = mkdtempSync(join(tmpdir(), 'sqlite-store-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const available = (driver: SqliteDriverName) => {
  try {
    return sqliteDriver(driver).name === driver;
  } catch {
    return false;
  }
};

for (const driver of ['better-sqlite3', 'node:sqlite'] as const) {
  describe.skipIf(!available(driver))(driver, () => {
    describeStore(`SQLite (${driver})`, async () => {
      const file = join(scratch, `${driver.replace(':', '-')}.db`);
      return sqliteEngine(openSqliteStore({ file, driver }), file);
    });
  });
}
