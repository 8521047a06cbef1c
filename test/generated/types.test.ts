// Runs tsc over type-assertions.ts: the generated types narrow, require and carry what the contract says.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

it('compiles the type-level assertions on generated/types.d.ts and generated/validators.d.ts', async () => {
  const scratch = await mkdtemp(path.join(tmpdir(), 'types-test-'));
  try {
    const config = path.join(scratch, 'tsconfig.json');
    await writeFile(
      config,
      JSON.stringify({
        extends: path.join(root, 'tsconfig.json'),
        compilerOptions: { noEmit: true, types: [] },
        files: [path.join(root, 'test/generated/type-assertions.ts')],
        include: [],
      }),
    );
    const result = await run(process.execPath, [tsc, '-p', config], { cwd: root }).catch((error) => error);
    expect(`${result.stdout}${result.stderr}`).toBe('');
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
});
