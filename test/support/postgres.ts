// PostgreSQL for a test file: one embedded server (embedded-postgres.ts) started before the file's
// tests and stopped after them, also when they fail.
import { afterAll, beforeAll } from 'vitest';
import { startPostgres, type RunningPostgres } from './embedded-postgres.js';

export type { RunningPostgres };

/** One server for the enclosing test file or describe block: started before its tests, stopped after. */
export function usePostgres(): { server: () => RunningPostgres } {
  let server: RunningPostgres | undefined;
  beforeAll(async () => {
    server = await startPostgres();
  });
  afterAll(() => server?.stop());
  return {
    server: () => {
      if (!server) throw new Error('PostgreSQL is not started yet: use it inside a test or a hook');
      return server;
    },
  };
}
