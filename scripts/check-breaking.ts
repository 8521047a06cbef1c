// `npm run check:breaking`: fails on a breaking change to openapi.yaml since the latest release tag
// v*, unless info.version's major was raised; skipped without a tag (src/cli/diff.ts).
import { runCheckBreaking } from '../src/cli/diff.js';

// A reader that stops early (`| head`) is no error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
process.exitCode = await runCheckBreaking(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() });
