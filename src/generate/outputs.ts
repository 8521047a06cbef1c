// Everything generated/ holds, produced from openapi.yaml in memory, and written to a directory.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { bundleContract, serializeDocument } from './bundle.js';
import type { RewriteReport } from './schema-rewrites.js';
import { generateTypes } from './types-code.js';
import { generateValidators } from './validators-code.js';

export const GENERATED_FILES = ['openapi.json', 'types.ts', 'validators.js', 'validators.d.ts'] as const;

export interface GeneratedOutputs {
  /** File name in generated/ -> content. */
  files: Map<string, string>;
  report: RewriteReport;
}

export async function generateOutputs(root: string): Promise<GeneratedOutputs> {
  const document = await bundleContract({ root });
  const types = await generateTypes(document);
  const validators = generateValidators(document);
  const files = new Map<string, string>([
    ['openapi.json', serializeDocument(document)],
    ['types.ts', types],
    ['validators.js', validators.js],
    ['validators.d.ts', validators.dts],
  ]);
  return { files, report: validators.report };
}

export async function writeOutputs(directory: string, files: Map<string, string>): Promise<void> {
  await mkdir(directory, { recursive: true });
  for (const [name, content] of files) await writeFile(path.join(directory, name), content);
}
