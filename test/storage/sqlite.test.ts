// The embedded engine (SQLite in WAL mode) passes the suite every store passes, through each driver
// this Node has: better-sqlite3 (the optional peer dependency) and node:sqlite (Node 22.13 and later);
// and a page of a list reads one batch of rows, however large the space.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SCAN_BATCH } from '../../src/adapters/storage/schema.js';
import { openSqliteStore, prepareDatabase, sqliteEngine, SqliteStore } from '../../src/adapters/storage/sqlite.js';
import { cursorOf, cursorPage } from '../../src/core/state/pages.js';
import { Space } from '../../src/core/state/space.js';
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

describe.skipIf(!available('better-sqlite3'))('a list page over the state file', () => {
  it('reads one batch of rows from a 10,000-rule space, not the whole space', async () => {
    const file = join(scratch, 'paged.db');
    const db = sqliteDriver('better-sqlite3').open(file);
    let rowsRead = 0;
    const prepare = db.prepare.bind(db);
    db.prepare = (sql: string) => {
      const statement = prepare(sql);
      const all = statement.all.bind(statement);
      return { run: statement.run.bind(statement), get: statement.get.bind(statement), all: (...parameters: unknown[]) => (rows => ((rowsRead += rows.length), rows))(all(...parameters)) };
    };
    prepareDatabase(db, file);
    const store = new SqliteStore(db, 'better-sqlite3');
    const space = { service: 'rules' as const, owner: 'org_paged' };
    const rules = Array.from({ length: 10_000 }, (_, i) => [`rule_${i}`, { id: `rule_${i}` }] as [string, unknown]);
    await store.transaction(space, (tx) => tx.create({ rule_executions: rules }));
    rowsRead = 0;
    const page = await store.transaction(space, (tx) => cursorPage(new Space(tx, {}), 'rule_executions', (item: { id: string }) => item, 20, cursorOf('rule_5000')));
    expect(page.ok && page.items.map((item) => item.id)).toEqual(Array.from({ length: 20 }, (_, i) => `rule_${4999 - i}`));
    expect(rowsRead).toBe(SCAN_BATCH);
    await store.close();
  });
});
