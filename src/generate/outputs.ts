// Everything generated/ holds, produced from openapi.yaml in memory, and written to a directory.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { SERVICE_NAMES } from '../core/services.js';
import type { RewriteReport } from '../validation/schema-rewrites.js';
import { bundleContract, serializeDocument } from './bundle.js';
import { generateMockTables, MOCK_TABLE_FILES } from './mock-tables.js';
import { generateTypes } from './types-code.js';
import { generateValidators } from './validators-code.js';

/** Every file of generated/, by its path there, in the order they are written. */
export const GENERATED_FILES = [
  'openapi.json',
  'types.d.ts',
  'types.js',
  'validators.js',
  'validators.d.ts',
  'validators/runtime.js',
  ...SERVICE_NAMES.flatMap((service) => [`validators/${service}.js`, `validators/${service}.d.ts`]),
  'validators/shared.js',
  ...MOCK_TABLE_FILES,
] as const;

export interface GeneratedOutputs {
  /** Path in generated/ (`validators/rules.js`) -> content. */
  files: Map<string, string>;
  report: RewriteReport;
}

export async function generateOutputs(root: string): Promise<GeneratedOutputs> {
  const document = await bundleContract({ root });
  const types = await generateTypes(document);
  const validators = generateValidators(document);
  const produced = new Map<string, string>([
    ['openapi.json', serializeDocument(document)],
    ['types.d.ts', types.dts],
    ['types.js', types.js],
    ...validators.files,
    ...(await generateMockTables(document, root)),
  ]);
  const unlisted = [...produced.keys()].filter((name) => !(GENERATED_FILES as readonly string[]).includes(name));
  if (unlisted.length > 0) throw new Error(`The generator wrote files GENERATED_FILES does not list: ${unlisted.join(', ')}`);
  const files = new Map(GENERATED_FILES.filter((name) => produced.has(name)).map((name) => [name, produced.get(name)!]));
  return { files, report: validators.report };
}

export async function writeOutputs(directory: string, files: Map<string, string>): Promise<void> {
  for (const [name, content] of files) {
    const file = path.join(directory, name);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, content);
  }
}
