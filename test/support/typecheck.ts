// Compiles one file of type-level assertions alone with the project's compiler options, so that a
// failing assertion (or an `@ts-expect-error` that no longer errs) fails a vitest test by name.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

/** What tsc printed for `file` (a path from the project root): empty when every assertion holds. */
export async function typeErrorsOf(file: string): Promise<string> {
  const scratch = await mkdtemp(path.join(tmpdir(), 'types-test-'));
  try {
    const config = path.join(scratch, 'tsconfig.json');
    await writeFile(
      config,
      JSON.stringify({ extends: path.join(root, 'tsconfig.json'), compilerOptions: { noEmit: true, types: [] }, files: [path.join(root, file)], include: [] }),
    );
    const result = await run(process.execPath, [tsc, '-p', config], { cwd: root }).catch((error) => error);
    return `${result.stdout}${result.stderr}`;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
