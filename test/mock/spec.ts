// The spec as the mock's tests read it, independently of the mock's own code: the bundled document,
// its operations with their parameters and examples, and a conformance check of any answer.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const ROOT = resolve(import.meta.dirname, '../..');
export const GENERATED_SPEC = join(ROOT, 'generated/openapi.json');

type Json = Record<string, any>;

/**
 * The bundled spec the mock serves by default (generated/openapi.json); while `npm run generate`
 * does not exist yet, the tests bundle openapi.yaml themselves.
 */
export function bundledSpecPath(): string {
  if (existsSync(GENERATED_SPEC)) return GENERATED_SPEC;
  const file = join(mkdtempSync(join(tmpdir(), 'mock-spec-')), 'openapi.json');
  execFileSync(join(ROOT, 'node_modules/.bin/redocly'), ['bundle', join(ROOT, 'openapi.yaml'), '-o', file], { stdio: 'pipe' });
  return file;
}

export function readBundle(file: string): Json {
  return JSON.parse(readFileSync(file, 'utf8'));
}

export type Service = 'rules' | 'sequences' | 'comms';

export interface SpecParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  schema: Json;
  example?: unknown;
}

export interface SpecResponse {
  status: string;
  /** JSON pointer (in the bundle) to the JSON schema of the body, if any. */
  schemaPointer?: string;
  examples: Record<string, unknown>;
}

export interface SpecOperation {
  operationId: string;
  method: string;
  path: string;
  service: Service;
  auth: 'apiKey' | 'bearer' | 'none';
  permission?: { scope: string; resource?: Json };
  parameters: SpecParameter[];
  requestBody?: { required: boolean; mediaType: string; schemaPointer: string; examples: Record<string, unknown> };
  responses: SpecResponse[];
  idempotent: boolean;
}

function escape(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Follows local `$ref`s; returns the node and its pointer in the bundle. */
export function deref(bundle: Json, node: any, pointer: string): { node: any; pointer: string } {
  let current = node;
  let at = pointer;
  for (let i = 0; i < 20 && current && typeof current.$ref === 'string' && current.$ref.startsWith('#'); i++) {
    at = current.$ref.slice(1);
    current = at.split('/').slice(1).reduce((value: any, token: string) => value?.[token.replace(/~1/g, '/').replace(/~0/g, '~')], bundle);
  }
  return { node: current, pointer: at };
}

function examplesOf(bundle: Json, content: Json | undefined): Record<string, unknown> {
  const examples: Record<string, unknown> = {};
  for (const [name, example] of Object.entries(content?.examples ?? {})) {
    const resolved = deref(bundle, example, '').node;
    if (resolved && 'value' in resolved) examples[name] = resolved.value;
  }
  if (content && 'example' in content) examples.example = content.example;
  return examples;
}

export function specOperations(bundle: Json): SpecOperation[] {
  const serviceByTag = new Map<string, Service>();
  for (const group of bundle['x-tagGroups'] ?? []) {
    const service = String(group.name).split(' ')[0].toLowerCase() as Service;
    for (const tag of group.tags) serviceByTag.set(tag, service);
  }
  const operations: SpecOperation[] = [];
  for (const [path, rawItem] of Object.entries<Json>(bundle.paths)) {
    const { node: item, pointer: itemPointer } = deref(bundle, rawItem, `/paths/${escape(path)}`);
    for (const method of ['get', 'put', 'post', 'delete', 'patch']) {
      const operation = item[method];
      if (!operation) continue;
      const opPointer = `${itemPointer}/${method}`;
      const parameters = [...(item.parameters ?? []), ...(operation.parameters ?? [])].map((p: Json) => {
        const param = deref(bundle, p, '').node;
        return { name: param.name, in: param.in, required: !!param.required, schema: param.schema ?? {}, example: param.example ?? param.schema?.example };
      });
      let requestBody: SpecOperation['requestBody'];
      if (operation.requestBody) {
        const { node: body, pointer: bodyPointer } = deref(bundle, operation.requestBody, `${opPointer}/requestBody`);
        const [mediaType, content] = Object.entries<Json>(body.content)[0];
        requestBody = {
          required: !!body.required,
          mediaType,
          schemaPointer: `${bodyPointer}/content/${escape(mediaType)}/schema`,
          examples: examplesOf(bundle, content),
        };
      }
      const responses = Object.entries<Json>(operation.responses).map(([status, raw]) => {
        const { node: response, pointer } = deref(bundle, raw, `${opPointer}/responses/${status}`);
        const json = response.content?.['application/json'];
        return {
          status,
          ...(json?.schema ? { schemaPointer: `${pointer}/content/application~1json/schema` } : {}),
          examples: examplesOf(bundle, json),
        };
      });
      const schemes = (operation.security ?? bundle.security ?? []).flatMap((requirement: Json) => Object.keys(requirement));
      const schemeTypes = schemes.map((name: string) => bundle.components.securitySchemes[name]);
      operations.push({
        operationId: operation.operationId,
        method: method.toUpperCase(),
        path,
        service: serviceByTag.get(operation.tags?.[0]) ?? 'rules',
        auth: schemeTypes.some((s: Json) => s.type === 'apiKey') ? 'apiKey' : schemeTypes.some((s: Json) => s.scheme === 'bearer') ? 'bearer' : 'none',
        ...(operation['x-permission'] ? { permission: operation['x-permission'] } : {}),
        parameters,
        ...(requestBody ? { requestBody } : {}),
        responses,
        idempotent: parameters.some(p => p.in === 'header' && p.name.toLowerCase() === 'idempotency-key'),
      });
    }
  }
  return operations;
}

/** A value that satisfies a simple parameter schema, for parameters without an example. */
function sampleFor(schema: Json): string {
  if (schema.enum) return String(schema.enum[0]);
  if (schema.default !== undefined) return String(schema.default);
  if (schema.type === 'integer' || schema.type === 'number') return String(schema.minimum ?? 1);
  if (schema.type === 'boolean') return 'true';
  if (schema.format === 'date-time') return '2024-03-01T10:00:00Z';
  return 'x';
}

export interface BuiltRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: unknown;
}

/** A request the spec documents as valid: example path and query values, and the first request example. */
export function exampleRequest(operation: SpecOperation, exampleName?: string): BuiltRequest {
  let path = operation.path;
  const query = new URLSearchParams();
  for (const parameter of operation.parameters) {
    const value = parameter.example !== undefined ? String(parameter.example) : sampleFor(parameter.schema);
    if (parameter.in === 'path') path = path.replace(`{${parameter.name}}`, encodeURIComponent(value));
    else if (parameter.in === 'query' && parameter.required) query.set(parameter.name, value);
  }
  const search = query.toString();
  const headers: Record<string, string> = {};
  let body: unknown;
  if (operation.requestBody) {
    const examples = operation.requestBody.examples;
    const name = exampleName ?? Object.keys(examples)[0];
    if (name !== undefined) {
      body = examples[name];
      headers['content-type'] = operation.requestBody.mediaType;
    }
  }
  return { method: operation.method, path: search ? `${path}?${search}` : path, headers, ...(body !== undefined ? { body } : {}) };
}

/** The name of each service's error schema in components.schemas. */
export const ERROR_SCHEMAS: Record<Service, string> = { rules: 'RulesError', sequences: 'SequencesError', comms: 'CommsError' };

type Result = { valid: boolean; errors?: Array<{ path: string; message: string }> };
type GeneratedValidators = {
  validateResponse(operationId: string, status: number | string, body: unknown): Result;
  validateSchema(name: string, value: unknown): Result;
};

const problems = (result: Result): string[] => (result.valid ? [] : (result.errors ?? []).map(e => `${e.path} ${e.message}`));

/**
 * Checks answers against the spec: with generated/validators.js when it exists, else with Ajv on the
 * bundle. Returns the problems found (empty when the answer conforms).
 */
export async function createConformance(bundle: Json): Promise<{
  response(operation: SpecOperation, status: number, body: unknown): string[];
  serviceError(service: Service, body: unknown): string[];
}> {
  const ajv = new Ajv2020({ strict: false, allErrors: false, validateFormats: true });
  addFormats.default(ajv);
  ajv.addSchema(bundle, 'bundle');
  const compiled = new Map<string, ValidateFunction>();
  const validator = (pointer: string): ValidateFunction => {
    let fn = compiled.get(pointer);
    if (!fn) {
      fn = ajv.getSchema(`bundle#${pointer}`);
      if (!fn) throw new Error(`no schema at ${pointer}`);
      compiled.set(pointer, fn);
    }
    return fn;
  };
  const run = (pointer: string, body: unknown): string[] => {
    const fn = validator(pointer);
    return fn(body) ? [] : (fn.errors ?? []).map(e => `${e.instancePath || '/'} ${e.message}`);
  };

  const generatedFile = join(ROOT, 'generated/validators.js');
  const generated: GeneratedValidators | undefined = existsSync(generatedFile)
    ? ((await import(pathToFileURL(generatedFile).href)) as GeneratedValidators)
    : undefined;

  return {
    response(operation, status, body) {
      const response = operation.responses.find(r => r.status === String(status)) ?? operation.responses.find(r => r.status === 'default');
      if (!response) return [`${operation.operationId} documents no ${status} response`];
      if (generated) return problems(generated.validateResponse(operation.operationId, status, body));
      if (!response.schemaPointer) return body === undefined ? [] : [`${operation.operationId} ${status} documents no body`];
      return run(response.schemaPointer, body);
    },
    serviceError(service, body) {
      if (generated) return problems(generated.validateSchema(ERROR_SCHEMAS[service], body));
      return run(`/components/schemas/${ERROR_SCHEMAS[service]}`, body);
    },
  };
}
