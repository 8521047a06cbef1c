// The PostgreSQL engine passes the suite every store passes, against a real server the test starts;
// its schema is created on first start and starting again (or two at once) changes nothing; and no
// error or description of it ever shows the password of its URL.
import { beforeAll, describe, expect, it } from 'vitest';
import { parsePostgresUrl } from '../../src/adapters/storage/postgres-url.js';
import { PostgresStore, postgresEngine } from '../../src/adapters/storage/postgres.js';
import { freePort } from '../../src/net/free-port.js';
import { describeStore } from '../support/store-suite.js';
import { usePostgres } from '../support/postgres.js';

const postgres = usePostgres();
let url: string;
beforeAll(async () => {
  url = await postgres.server().createDatabase('suite');
});

describeStore('PostgreSQL', async () => postgresEngine(await PostgresStore.open({ url })));

describe('the PostgreSQL schema', () => {
  it('is created on first start, and instances starting together over it keep one schema and its data', async () => {
    const fresh = await postgres.server().createDatabase('migrations');
    const first = await PostgresStore.open({ url: fresh });
    await first.transaction({ service: 'rules', owner: 'org_kept' }, (tx) => tx.put('rules', 'r', { id: 'r' }));
    const again = await Promise.all(Array.from({ length: 4 }, () => PostgresStore.open({ url: fresh })));
    expect(await again[0].transaction({ service: 'rules', owner: 'org_kept' }, (tx) => tx.get('rules', 'r'))).toEqual({ id: 'r' });
    await Promise.all([first, ...again].map((store) => store.close()));
  });
});

describe('a --store URL', () => {
  it('is shown without its password, and its secrets are scrubbed from any text', () => {
    const parsed = parsePostgresUrl('postgres://team:s3cr%40t-pw@db.internal:5433/mock?sslmode=require&password=other-secret');
    expect(parsed.display).toBe('postgres://team@db.internal:5433/mock');
    expect(parsed.scrub('auth failed for s3cr%40t-pw, s3cr@t-pw and other-secret')).toBe('auth failed for ***, *** and ***');
  });

  it('that cannot be used fails in one line that names the server, never the password', async () => {
    const closed = await freePort();
    const secret = 'never-print-this-9f3a';
    const unreachable = await PostgresStore.open({ url: `postgres://mock:${secret}@127.0.0.1:${closed}/db` }).then(() => 'opened', (error: Error) => `${error.message}\n${error.stack}`);
    expect(unreachable).toMatch(new RegExp(`^cannot use the PostgreSQL store postgres://mock@127\\.0\\.0\\.1:${closed}/db: .*ECONNREFUSED`));
    const wrongPassword = await PostgresStore.open({ url: `postgres://mock:${secret}@127.0.0.1:${postgres.server().port}/suite` }).then(() => 'opened', (error: Error) => `${error.message}\n${error.stack}`);
    expect(wrongPassword).toMatch(/password authentication failed/);
    for (const text of [unreachable, wrongPassword]) expect(text).not.toContain(secret);
  });

  it('is refused with one line when it is not a PostgreSQL URL', () => {
    expect(() => parsePostgresUrl('mysql://root:hunter2@db/x')).toThrow(/^--store supports postgres:\/\/ \(or postgresql:\/\/\) URLs, not mysql:\/\/$/);
    expect(() => parsePostgresUrl('hunter2')).toThrow(/does not parse\)$/);
  });
});
