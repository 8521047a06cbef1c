// Reads the contract as the tests see it: the bundled document, its operations and examples, and
// an Ajv 2020 instance that validates payloads against any schema taken from the document.
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import ajvFormats from 'ajv-formats';
import { followRefs, readContract } from '../../src/core/contract.js';
import { bundledSpecPath, readBundle } from '../mock/spec.js';

export const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
const DOCUMENT_ID = 'https://contract.local/openapi.json';

type Json = any;

export interface Operation {
  operationId: string;
  method: string;
  /** The path template, or `webhook:<name>` for a webhook. */
  path: string;
  /** Where the operation lives in the bundled document, as a fragment (`#/paths/~1api~1v1~1rules/get`). */
  pointer: string;
  definition: Json;
}

export interface SeedFixture {
  file: string;
  summary: string;
  seed: string;
  operationId: string;
  direction: 'request' | 'response';
  status?: number;
  value: unknown;
}

/**
 * The source document bundled as `npm run generate` bundles it (redocly.yaml's decorators applied):
 * generated/openapi.json, which `npm test` checks is current (check:generated) before any test runs,
 * so the tests read that one file instead of bundling again in every file.
 */
export async function loadBundledDocument(): Promise<Json> {
  return readBundle(bundledSpecPath());
}

/** Follows a local `$ref` (`#/components/...`) to the node it names. */
export function resolvePointer(document: Json, ref: string): Json {
  return followRefs(document, ref).value;
}

/**
 * A copy of `node` with every local `$ref` replaced by its target, except inside schemas: those
 * keep their references so that validation errors and `$ref` checks see the component names.
 */
export function resolveOutsideSchemas(document: Json, node: Json): Json {
  if (Array.isArray(node)) return node.map((item) => resolveOutsideSchemas(document, item));
  if (node === null || typeof node !== 'object') return node;
  if (typeof node.$ref === 'string') return resolveOutsideSchemas(document, resolvePointer(document, node.$ref));
  return Object.fromEntries(Object.entries(node).map(([key, value]) =>
    [key, key === 'schema' || key === 'value' ? value : resolveOutsideSchemas(document, value)]));
}

/** The operations of the one walker (src/core/contract.ts), each with its definition resolved outside schemas. */
export function listOperations(document: Json): Operation[] {
  return readContract(document).operations.map((operation) => ({
    operationId: operation.operationId,
    method: operation.method.toLowerCase(),
    path: operation.path,
    pointer: operation.pointer,
    definition: resolveOutsideSchemas(document, followRefs(document, operation.pointer).value),
  }));
}

/** Rewrites the document-local references of a schema taken out of the document to absolute ones. */
function anchorReferences(schema: Json): Json {
  if (Array.isArray(schema)) return schema.map(anchorReferences);
  if (schema === null || typeof schema !== 'object') return schema;
  return Object.fromEntries(Object.entries(schema).map(([key, value]) =>
    [key, key === '$ref' && typeof value === 'string' && value.startsWith('#/') ? `${DOCUMENT_ID}${value}` : anchorReferences(value)]));
}

export function createContractValidator(document: Json) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  // ajv-formats is CommonJS: its plugin is `module.exports.default` once imported from an ES module.
  ajvFormats.default(ajv);
  ajv.addSchema(document, DOCUMENT_ID);
  const compiled = new WeakMap<object, ReturnType<typeof ajv.compile>>();

  /** Validates `value` against `schema`, a schema object taken from the bundled document. */
  return (schema: Json, value: unknown): ErrorObject[] => {
    if (!schema || typeof schema !== 'object') throw new Error('No schema to validate against');
    let validate = compiled.get(schema);
    if (!validate) {
      validate = ajv.compile(anchorReferences(schema));
      compiled.set(schema, validate);
    }
    return validate(value) ? [] : [...(validate.errors ?? [])];
  };
}

/** The body schema of an operation's request, or of its response with `status`. */
export function bodySchema(operation: Operation, direction: 'request' | 'response', status?: number | string): Json {
  const content = direction === 'request'
    ? operation.definition.requestBody?.content
    : operation.definition.responses?.[String(status)]?.content;
  const schema = content?.['application/json']?.schema;
  if (!schema) throw new Error(`${operation.operationId} has no JSON ${direction} body${status ? ` for ${status}` : ''}`);
  return schema;
}

export function readSeedFixtures(): SeedFixture[] {
  const directory = path.join(projectRoot, 'test/fixtures/seeds');
  return readdirSync(directory)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => {
      const raw = JSON.parse(readFileSync(path.join(directory, file), 'utf8'));
      return {
        file,
        summary: raw.summary,
        seed: raw['x-seed'],
        operationId: raw['x-operation'],
        direction: raw['x-direction'],
        status: raw['x-status'],
        value: raw.value,
      };
    });
}
