// `npm run generate` and `npm run check:generated`: the same spec always gives the same bytes, and
// any difference with the committed generated/ is named file by file.
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { findDrift } from '../../src/generate/drift.js';
import { GENERATED_FILES, generateOutputs, writeOutputs } from '../../src/generate/outputs.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const scratch: string[] = [];
const scratchDirectory = async () => {
  const directory = await mkdtemp(path.join(tmpdir(), 'generate-test-'));
  scratch.push(directory);
  return directory;
};
afterEach(async () => {
  await Promise.all(scratch.splice(0).map((directory) => rm(directory, { recursive: true, force: true })));
});

describe('generateOutputs', () => {
  it('writes every file of generated/, byte-identical to the committed ones that an earlier run wrote', async () => {
    const { files } = await generateOutputs(root);
    expect([...files.keys()]).toEqual([...GENERATED_FILES]);
    expect(GENERATED_FILES).toEqual(expect.arrayContaining(['types.d.ts', 'types.js', 'validators/runtime.js', 'validators/rules.js', 'validators/shared.js']));
    for (const name of GENERATED_FILES) expect(files.get(name), name).toBe(readFileSync(path.join(root, 'generated', name), 'utf8'));
    for (const [name, content] of files) {
      expect(content.endsWith('\n'), `${name} ends with a newline`).toBe(true);
      expect(content.includes(root), `${name} holds no absolute path of this machine`).toBe(false);
    }
  });
});

describe('findDrift', () => {
  it('finds nothing when the directories hold the same files', async () => {
    const [fresh, committed] = [await scratchDirectory(), await scratchDirectory()];
    const files = new Map([['types.ts', 'export type A = 1;\n']]);
    await writeOutputs(fresh, files);
    await writeOutputs(committed, files);
    expect(await findDrift(fresh, committed)).toEqual([]);
  });

  it('names stale, missing and unexpected files, in subdirectories too', async () => {
    const [fresh, committed] = [await scratchDirectory(), await scratchDirectory()];
    await writeOutputs(fresh, new Map([['openapi.json', '{}\n'], ['types.ts', 'export type A = 2;\n'], ['validators/rules.js', 'a\n'], ['validators/comms.js', 'b\n']]));
    await writeOutputs(committed, new Map([['types.ts', 'export type A = 1;\n'], ['old.js', ''], ['validators/rules.js', 'A\n'], ['validators/old.js', '']]));
    await writeFile(path.join(committed, '.gitkeep'), '');
    await writeFile(path.join(committed, 'validators', '.DS_Store'), '');
    expect(await findDrift(fresh, committed)).toEqual([
      { file: 'old.js', problem: 'unexpected' },
      { file: 'openapi.json', problem: 'missing' },
      { file: 'types.ts', problem: 'stale' },
      { file: 'validators/comms.js', problem: 'missing' },
      { file: 'validators/old.js', problem: 'unexpected' },
      { file: 'validators/rules.js', problem: 'stale' },
    ]);
  });

  it('reports every file missing when generated/ does not exist', async () => {
    const fresh = await scratchDirectory();
    await writeOutputs(fresh, new Map([['types.ts', '']]));
    expect(await findDrift(fresh, path.join(fresh, 'absent'))).toEqual([{ file: 'types.ts', problem: 'missing' }]);
  });
});
