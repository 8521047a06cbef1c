// npm run check:generated: regenerates into a temporary directory and fails, listing the files of
// generated/ that differ from what openapi.yaml produces.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findDrift } from '../src/generate/drift.js';
import { generateOutputs, writeOutputs } from '../src/generate/outputs.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const fresh = await mkdtemp(path.join(tmpdir(), 'contract-generated-'));

try {
  const { files } = await generateOutputs(root);
  await writeOutputs(fresh, files);
  const drift = await findDrift(fresh, path.join(root, 'generated'));
  if (drift.length === 0) {
    console.log(`generated/ is current (${files.size} files).`);
  } else {
    console.error('generated/ is out of date with openapi.yaml:');
    for (const { file, problem } of drift) console.error(`  ${problem}: generated/${file}`);
    console.error('Run `npm run generate` and commit the result.');
    process.exitCode = 1;
  }
} catch (error: any) {
  console.error(error.message);
  process.exitCode = 1;
} finally {
  await rm(fresh, { recursive: true, force: true });
}
