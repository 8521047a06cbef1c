// `npx tsx scripts/diff.ts BASE HEAD [--format text|markdown|json]`: the diff command (src/cli/diff.ts).
import { runDiff } from '../src/cli/diff.js';

// A reader that stops early (`| head`) is no error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
process.exitCode = await runDiff(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() });
