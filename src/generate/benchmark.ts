// The measurements behind `npm run bench:validators`: validations per second of each validator on
// the same payloads, and the cold cost of getting validators at all (import vs compile).
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { cpus, availableParallelism } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { validator } from '@exodus/schemasafe';
import { parse } from 'yaml';
import { bodyShape, readContract } from '../core/contract.js';
import { ajvRef, createContractAjv, DOCUMENT_ID } from '../validation/ajv.js';
import { rewriteForValidation, withoutAnnotations } from '../validation/schema-rewrites.js';

// The document is JSON of any shape.
type Json = any;

const run = promisify(execFile);

/** Calls of `validate` per second, measured for at least `durationMs` after a warm-up. */
export function measureThroughput(validate: () => unknown, { durationMs = 1000, warmup = 2000, batch = 500 } = {}): number {
  for (let i = 0; i < warmup; i++) validate();
  const deadline = durationMs * 1e6;
  const start = process.hrtime.bigint();
  let calls = 0;
  let elapsed = 0;
  while (elapsed < deadline) {
    for (let i = 0; i < batch; i++) validate();
    calls += batch;
    elapsed = Number(process.hrtime.bigint() - start);
  }
  return (calls * 1e9) / elapsed;
}

/** The best of `rounds` measurements: on a shared machine, the round least disturbed by other work. */
export function bestThroughput(check: () => unknown, { rounds = 4, durationMs = 300 } = {}): number {
  let best = 0;
  for (let round = 0; round < rounds; round++) best = Math.max(best, measureThroughput(check, { durationMs }));
  return best;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * Milliseconds an ES module snippet reports on stdout, run `runs` times in fresh Node processes
 * (so nothing is cached in memory), as the median.
 */
export async function measureColdStart(code: string, { cwd, runs = 7, execArgv = [] }: { cwd: string; runs?: number; execArgv?: string[] }): Promise<number> {
  const timings: number[] = [];
  for (let i = 0; i < runs; i++) {
    const { stdout } = await run(process.execPath, [...execArgv, '--input-type=module', '-e', code], { cwd });
    timings.push(Number(stdout.trim()));
  }
  return median(timings);
}

export type Check = (body: unknown) => boolean;

export interface Payload {
  label: string;
  operationId: string;
  /** The request body schema of the operation (`#/components/schemas/...`). */
  schema: string;
  body: unknown;
}

export interface Contender {
  name: string;
  /** A boolean check of the payload's request body. */
  compile(payload: Payload): Check;
}

interface GeneratedValidators {
  validateRequest(operationId: any, body: unknown, options?: { strict?: boolean }): { valid: boolean };
  [guard: string]: unknown;
}

/** The generated standalone module through its public API: dispatch by operationId, result object. */
export function standaloneRequest(validators: GeneratedValidators, strict = false): Contender {
  return {
    name: `generated/validators.js: validateRequest(operationId, body${strict ? ', { strict: true }' : ''})`,
    compile: ({ operationId }) => (body) => validators.validateRequest(operationId, body, { strict }).valid,
  };
}

/** The generated standalone module's compiled function itself, through the schema's type guard. */
export function standaloneGuard(validators: GeneratedValidators): Contender {
  return {
    name: 'generated/validators.js: type guard (isRuleCreateRequest...)',
    compile: ({ schema }) => {
      const guard = validators[`is${schema.replace('#/components/schemas/', '')}`];
      if (typeof guard !== 'function') throw new Error(`No type guard for ${schema}`);
      return guard as Check;
    },
  };
}

/** Ajv compiling at runtime exactly what the standalone module holds: same rewrites, same options. */
export function runtimeAjv(document: Json): Contender {
  const ajv = createContractAjv(rewriteForValidation(document).document);
  return {
    name: 'Ajv 8, compiled at runtime (same schemas and options)',
    compile: ({ schema }) => {
      const validate = ajv.getSchema(ajvRef(schema));
      if (!validate) throw new Error(`No schema at ${schema}`);
      return (body) => validate(body) as boolean;
    },
  };
}

/** @exodus/schemasafe on the schemas as written (it checks oneOf as oneOf), annotations removed. */
export function schemasafe(document: Json): Contender {
  const schemas = { [DOCUMENT_ID]: withoutAnnotations(document) };
  return {
    name: '@exodus/schemasafe 1.3, compiled at runtime',
    compile: ({ schema }) =>
      validator({ $ref: `${DOCUMENT_ID}${schema}` }, { schemas, mode: 'default', $schemaDefault: 'https://json-schema.org/draft/2020-12/schema' } as any) as Check,
  };
}

/**
 * A snippet for measureColdStart: import Ajv and ajv-formats, read the bundled document and compile
 * every schema the standalone module holds, as an application without generated code would at start-up.
 */
export function compileAllSnippet(documentPath: string, pointers: string[]): string {
  return `
    const start = performance.now();
    const { readFileSync } = await import('node:fs');
    const { Ajv2020 } = await import('ajv/dist/2020.js');
    const addFormats = (await import('ajv-formats')).default;
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    ajv.addSchema(JSON.parse(readFileSync(${JSON.stringify(documentPath)}, 'utf8')), ${JSON.stringify(DOCUMENT_ID)});
    for (const ref of ${JSON.stringify(pointers.map(ajvRef))}) ajv.getSchema(ref);
    console.log(performance.now() - start);
  `;
}

/** A snippet for measureColdStart (run with tsx): compileValidators() on the bundled document, the mock's cost for `--spec`. */
export function compileValidatorsSnippet(root: string, documentPath: string): string {
  return `
    const { readFileSync } = await import('node:fs');
    const { compileValidators } = await import(${JSON.stringify(pathToFileURL(path.join(root, 'src/validation/compile.ts')).href)});
    const document = JSON.parse(readFileSync(${JSON.stringify(documentPath)}, 'utf8'));
    const start = performance.now();
    compileValidators(document);
    console.log(performance.now() - start);
  `;
}

/** A snippet for measureColdStart: import the standalone module. */
export function importSnippet(modulePath: string): string {
  return `
    const start = performance.now();
    await import(${JSON.stringify(new URL(`file://${modulePath}`).href)});
    console.log(performance.now() - start);
  `;
}

/**
 * The three payloads of the benchmark: the seed rule, the first seed 003 sequence with explicit
 * steps (more to check than the goal-only one) and the comms sequence example, each with the
 * request body schema of its operation.
 */
export function loadPayloads(root: string, document: Json): Payload[] {
  const { operations } = readContract(document);
  const readJson = (file: string) => JSON.parse(readFileSync(path.join(root, file), 'utf8'));
  const requestSchema = (operationId: string) => {
    const shape = bodyShape(operations.find((operation) => operation.operationId === operationId)?.requestBody?.contents ?? []);
    if (shape.kind !== 'json') throw new Error(`${operationId} has no JSON request body`);
    return shape.schema;
  };
  const sequenceFixture = readdirSync(path.join(root, 'test/fixtures/seeds'))
    .sort()
    .find((file) => file.startsWith('003_createEmailSequence_request') && Array.isArray(readJson(`test/fixtures/seeds/${file}`).value.steps));
  if (!sequenceFixture) throw new Error('No seed 003 createEmailSequence request with steps');
  return [
    { label: 'seed rule (000_createRule_request)', operationId: 'createRule', schema: requestSchema('createRule'), body: readJson('test/fixtures/seeds/000_createRule_request.json').value },
    {
      label: `seed sequence (${sequenceFixture.replace(/\.json$/, '')})`,
      operationId: 'createEmailSequence',
      schema: requestSchema('createEmailSequence'),
      body: readJson(`test/fixtures/seeds/${sequenceFixture}`).value,
    },
    {
      label: 'comms sequence (examples/comms/create-sequence-request)',
      operationId: 'createCommsSequence',
      schema: requestSchema('createCommsSequence'),
      body: parse(readFileSync(path.join(root, 'examples/comms/create-sequence-request.yaml'), 'utf8')).value,
    },
  ];
}

export const CONTENDERS = ['guard', 'validateRequest', 'strict', 'ajv', 'schemasafe'] as const;
export type ContenderKey = (typeof CONTENDERS)[number];

export async function createContender(key: ContenderKey, root: string, document: Json): Promise<Contender> {
  if (key === 'ajv') return runtimeAjv(document);
  if (key === 'schemasafe') return schemasafe(document);
  const validators = await import(pathToFileURL(path.join(root, 'generated/validators.js')).href);
  return key === 'guard' ? standaloneGuard(validators) : standaloneRequest(validators, key === 'strict');
}

/** Validations per second of one contender on each payload, checking first that it accepts them. */
export async function measureContender(key: ContenderKey, root: string): Promise<{ name: string; rates: number[] }> {
  const document = JSON.parse(readFileSync(path.join(root, 'generated/openapi.json'), 'utf8'));
  const contender = await createContender(key, root, document);
  const rates = loadPayloads(root, document).map((payload) => {
    const check = contender.compile(payload);
    if (!check(payload.body)) throw new Error(`${contender.name} rejects the ${payload.label}; the benchmark needs valid payloads.`);
    return bestThroughput(() => check(payload.body));
  });
  return { name: contender.name, rates };
}

export function describeMachine(): string {
  return `${cpus()[0]?.model ?? 'unknown CPU'}, ${availableParallelism()} CPUs available, Node ${process.version}, ${process.platform}-${process.arch}`;
}

export function markdownTable(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

export function formatRate(perSecond: number): string {
  return Math.round(perSecond).toLocaleString('en-US');
}
