// Requests planned from the contract: for an operation, the request its documentation shows (example
// path and query values, the named request example). The verifier sends them to a provider; the
// tests send them to the mock and to the in-browser handlers.
import { followRefs, jsonContent, type Operation, type Parameter } from '../core/contract.js';

type Json = any; // a schema node of the contract document

export interface PlannedRequest {
  method: string;
  /** The path with its query string, percent-encoded. */
  path: string;
  headers: Record<string, string>;
  /** A JSON body, absent when the request has none. */
  body?: unknown;
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

export function parameterValue(document: Json, parameter: Parameter): string {
  if (parameter.example !== undefined) return String(parameter.example);
  return sampleFor(parameter.schema ? followRefs(document, parameter.schema).value : {});
}

/** The names of an operation's request examples, in document order. */
export function requestExampleNames(operation: Operation): string[] {
  const content = operation.requestBody ? jsonContent(operation.requestBody.contents) : undefined;
  return content?.examples.map((example) => example.name) ?? [];
}

/** A request before it is written out: each parameter by name, so a check can change one of them. */
export interface RequestParts {
  pathParams: Record<string, string>;
  query: Record<string, string>;
  /** Header names in lower case. */
  headers: Record<string, string>;
  body?: unknown;
}

/**
 * The parts of the request the contract documents as valid: example path values, the required query
 * parameters' example values, and the named (default: first) request example as the body.
 */
export function exampleParts(document: Json, operation: Operation, exampleName?: string): RequestParts {
  const pathParams: Record<string, string> = {};
  const query: Record<string, string> = {};
  for (const parameter of operation.parameters) {
    if (parameter.in === 'path') pathParams[parameter.name] = parameterValue(document, parameter);
    else if (parameter.in === 'query' && parameter.required) query[parameter.name] = parameterValue(document, parameter);
  }
  const headers: Record<string, string> = {};
  let body: unknown;
  const content = operation.requestBody ? jsonContent(operation.requestBody.contents) : undefined;
  if (content) {
    const example = exampleName === undefined ? content.examples[0] : content.examples.find((candidate) => candidate.name === exampleName);
    if (exampleName !== undefined && !example) throw new Error(`${operation.operationId} has no request example "${exampleName}"`);
    if (example) {
      body = example.value;
      headers['content-type'] = content.mediaType;
    }
  }
  return { pathParams, query, headers, ...(body !== undefined ? { body } : {}) };
}

/** The parts as the request sent: path values and the query percent-encoded. */
export function toPlannedRequest(operation: Operation, parts: RequestParts): PlannedRequest {
  let path = operation.path;
  for (const [name, value] of Object.entries(parts.pathParams)) path = path.replace(`{${name}}`, encodeURIComponent(value));
  const search = new URLSearchParams(parts.query).toString();
  return {
    method: operation.method,
    path: search ? `${path}?${search}` : path,
    headers: { ...parts.headers },
    ...(parts.body !== undefined ? { body: parts.body } : {}),
  };
}

/** The request the contract documents as valid (see exampleParts). No credentials. */
export function exampleRequest(document: Json, operation: Operation, exampleName?: string): PlannedRequest {
  return toPlannedRequest(operation, exampleParts(document, operation, exampleName));
}
