// npm run generate: writes generated/ (openapi.json, types.d.ts, validators.js, validators/ and their .d.ts) from openapi.yaml.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateOutputs, writeOutputs } from '../src/generate/outputs.js';

const root = fileURLToPath(new URL('..', import.meta.url));

try {
  const { files, report } = await generateOutputs(root);
  await writeOutputs(path.join(root, 'generated'), files);
  for (const name of files.keys()) console.log(`wrote generated/${name}`);
  for (const { pointer, reason } of report.untouched) {
    console.warn(`note: ${pointer} is validated as written (${reason}); its errors list every branch.`);
  }
} catch (error: any) {
  console.error(error.message);
  process.exitCode = 1;
}
