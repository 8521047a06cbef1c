// PostgreSQL for the tests: one embedded server per test run (embedded-postgres.ts), started by the
// global setup (global-setup.ts) and shared by every file that uses it. Each file works in databases
// of its own, which it drops when its tests are done.
import { existsSync, readFileSync } from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, inject } from 'vitest';
import type { RunningPostgres } from './embedded-postgres.js';

export type { RunningPostgres };

export type SharedPostgres = Omit<RunningPostgres, 'stop'>;

/** Waits for the global setup to publish the server's port and password (it starts in the background). */
async function sharedServer(): Promise<{ port: number; password: string }> {
  const { ready, failed } = inject('sharedPostgres');
  for (let waited = 0; waited < 1200; waited++) {
    if (existsSync(ready)) return JSON.parse(readFileSync(ready, 'utf8'));
    if (existsSync(failed)) throw new Error(readFileSync(failed, 'utf8'));
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the shared PostgreSQL server did not start within 60 s');
}

/** Runs one statement as the server's superuser, on its maintenance database. */
async function administer(port: number, password: string, statement: string): Promise<void> {
  const client = new pg.Client({ host: '127.0.0.1', port, user: 'mock', password, database: 'postgres' });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** The run's server for the enclosing test file or describe block; its databases are dropped after its tests. */
export function usePostgres(): { server: () => SharedPostgres } {
  let server: SharedPostgres | undefined;
  const created: string[] = [];
  beforeAll(async () => {
    const { port, password } = await sharedServer();
    const url = (database: string) => `postgres://mock:${password}@127.0.0.1:${port}/${database}`;
    server = {
      port,
      password,
      url,
      async createDatabase(name) {
        await administer(port, password, `CREATE DATABASE ${pg.escapeIdentifier(name)}`);
        created.push(name);
        return url(name);
      },
    };
  });
  afterAll(async () => {
    if (!server) return;
    for (const name of created.splice(0)) await administer(server.port, server.password, `DROP DATABASE ${pg.escapeIdentifier(name)} WITH (FORCE)`);
  });
  return {
    server: () => {
      if (!server) throw new Error('PostgreSQL is not ready yet: use it inside a test or a hook');
      return server;
    },
  };
}
