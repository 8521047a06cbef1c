// The spec as the mock's tests read it, independently of the mock's own code: the bundled document,
// its operations with their parameters and examples, and a conformance check of any answer.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { followRefs } from '../../src/core/contract.js';
import { validateResponse, validateSchema, type OperationId, type SchemaName, type ValidationResult } from '../../generated/validators.js';

const ROOT = resolve(import.meta.dirname, '../..');
export const GENERATED_SPEC = join(ROOT, 'generated/openapi.json');

type Json = Record<string, any>;

/** The bundled spec the mock serves by default; `npm test` checks it is current before the tests run. */
export function bundledSpecPath(): string {
  return GENERATED_SPEC;
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
/** Follows `node`'s local `$ref`s, returning the node reached and its pointer (`/components/...`). */
export function deref(bundle: Json, node: any, pointer: string): { node: any; pointer: string } {
  if (!node || typeof node.$ref !== 'string') return { node, pointer };
  const reached = followRefs(bundle, node.$ref);
  return { node: reached.value, pointer: reached.pointer.slice(1) };
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
export const ERROR_SCHEMAS: Record<Service, SchemaName> = { rules: 'RulesError', sequences: 'SequencesError', comms: 'CommsError' };

/** Authorization headers that pass for each auth scheme with the demo keys. */
export const ADMIN = { authorization: 'ApiKey demo_admin' };
export const BEARER = { authorization: 'Bearer test_token' };

export function authFor(auth: SpecOperation['auth']): Record<string, string> {
  return auth === 'apiKey' ? ADMIN : auth === 'bearer' ? BEARER : {};
}

const problems = (result: ValidationResult): string[] =>
  result.valid ? [] : result.errors.map(e => `${e.path} ${e.message}`);

/** Checks answers against the spec with generated/validators.js; returns the problems found (none when it conforms). */
export function createConformance(): {
  response(operation: SpecOperation, status: number, body: unknown): string[];
  serviceError(service: Service, body: unknown): string[];
} {
  return {
    response(operation, status, body) {
      const declared = operation.responses.some(r => r.status === String(status) || r.status === 'default');
      if (!declared) return [`${operation.operationId} documents no ${status} response`];
      return problems(validateResponse(operation.operationId as OperationId, status, body));
    },
    serviceError(service, body) {
      return problems(validateSchema(ERROR_SCHEMAS[service], body));
    },
  };
}
