// Reads a contract document from disk for the command line: a bundled JSON (generated/openapi.json)
// or a multi-file YAML/JSON tree (openapi.yaml with its `$ref`s), bundled in memory by Redocly's
// openapi-core, the same engine `npm run generate` bundles with. Every failure is one SpecError line.
import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import { ContractError, readContract, type Contract } from '../../core/contract.js';
import { SpecError } from './startup-errors.js';

export interface SpecFile {
  file: string;
  /** The bundled document: local `$ref`s only. */
  document: Record<string, unknown>;
  contract: Contract;
}

const hasExternalRefs = (text: string) => /["']?\$ref["']?\s*:\s*["']?(?!#)[^\s"'#][^"'\n]*/.test(text);

async function parseFile(file: string): Promise<{ text: string; document: unknown }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new SpecError(code === 'ENOENT' ? `${file}: spec not found` : `${file}: cannot read spec (${code ?? String(error)})`);
  }
  const json = /\.json$/i.test(file);
  try {
    return { text, document: json ? JSON.parse(text) : parseYaml(text, { maxAliasCount: 100 }) };
  } catch (error) {
    throw new SpecError(`${file}: not valid ${json ? 'JSON' : 'YAML'}: ${String((error as Error).message).split('\n')[0]}`);
  }
}

async function bundled(file: string): Promise<unknown> {
  // Loaded only for a multi-file spec: openapi-core takes a quarter of a second to load.
  const { bundle, createConfig } = await import('@redocly/openapi-core');
  const { bundle: result, problems } = await bundle({ ref: file, config: await createConfig({}), dereference: false });
  const problem = problems.find((candidate) => candidate.severity === 'error');
  if (problem) {
    const where = problem.location[0];
    throw new SpecError(`${where?.source.absoluteRef ?? file}${where?.pointer ? ` ${where.pointer}` : ''}: ${problem.message}`);
  }
  return result.parsed;
}

/** Loads and reads a spec; a document with references to other files is bundled first. */
export async function loadSpecFile(file: string): Promise<SpecFile> {
  const { text, document: parsed } = await parseFile(file);
  const document = hasExternalRefs(text) ? await bundled(file) : parsed;
  try {
    return { file, document: document as Record<string, unknown>, contract: readContract(document) };
  } catch (error) {
    if (error instanceof ContractError) throw new SpecError(`${file}: ${error.message}`);
    throw error;
  }
}
