// The spec as the mock's tests read it: the operations of the one walker (src/core/contract.ts) with
// their examples by name, the requests the documentation shows, and a conformance check of any answer.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { followRefs, jsonContent, readContract, type Content, type Operation } from '../../src/core/contract.js';
import type { ServiceName } from '../../src/core/services.js';
import { exampleRequest as planRequest, type PlannedRequest } from '../../src/verify/requests.js';
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

export type Service = ServiceName;

export interface SpecParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  schema: Json;
  example?: unknown;
}

export interface SpecResponse {
  status: string;
  examples: Record<string, unknown>;
}

/** An operation of the core walker, with its examples by name, as the tests look them up. */
export interface SpecOperation {
  operationId: string;
  method: string;
  path: string;
  service: Service;
  auth: 'apiKey' | 'bearer' | 'none';
  permission?: { scope: string; resource?: Json };
  parameters: SpecParameter[];
  requestBody?: { required: boolean; mediaType: string; examples: Record<string, unknown> };
  responses: SpecResponse[];
  idempotent: boolean;
  /** The walker's operation and the document it came from, for the request planner. */
  core: Operation;
  bundle: Json;
}

const examplesByName = (contents: Content[]): Record<string, unknown> =>
  Object.fromEntries((jsonContent(contents)?.examples ?? []).map((example) => [example.name, example.value]));

/** Every operation of the bundle (webhooks left out: nobody calls them on the mock). */
export function specOperations(bundle: Json): SpecOperation[] {
  return readContract(bundle)
    .operations.filter((operation) => !operation.webhook)
    .map((operation) => {
      const body = operation.requestBody && jsonContent(operation.requestBody.contents);
      return {
        operationId: operation.operationId,
        method: operation.method,
        path: operation.path,
        service: operation.service,
        auth: operation.auth,
        ...(operation.permission ? { permission: operation.permission } : {}),
        parameters: operation.parameters.map((parameter) => ({
          name: parameter.name,
          in: parameter.in,
          required: parameter.required,
          schema: parameter.schema ? followRefs(bundle, parameter.schema).value : {},
          ...(parameter.example !== undefined ? { example: parameter.example } : {}),
        })),
        ...(operation.requestBody && body
          ? { requestBody: { required: operation.requestBody.required, mediaType: body.mediaType, examples: examplesByName(operation.requestBody.contents) } }
          : {}),
        responses: operation.responses.map((response) => ({ status: response.status, examples: examplesByName(response.contents) })),
        idempotent: operation.idempotent,
        core: operation,
        bundle,
      };
    });
}

export type BuiltRequest = PlannedRequest;

/** A request the spec documents as valid: example path and query values, and the first request example. */
export function exampleRequest(operation: SpecOperation, exampleName?: string): BuiltRequest {
  return planRequest(operation.bundle, operation.core, exampleName);
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
  result.valid ? [] : result.errors.map(e => `${e.pointer} ${e.message}`);

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
