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

/**
 * The request the contract documents as valid: example path values, the required query parameters'
 * example values, and the named (default: first) request example as the body. No credentials.
 */
export function exampleRequest(document: Json, operation: Operation, exampleName?: string): PlannedRequest {
  let path = operation.path;
  const query = new URLSearchParams();
  for (const parameter of operation.parameters) {
    if (parameter.in === 'path') path = path.replace(`{${parameter.name}}`, encodeURIComponent(parameterValue(document, parameter)));
    else if (parameter.in === 'query' && parameter.required) query.set(parameter.name, parameterValue(document, parameter));
  }
  const search = query.toString();
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
  return { method: operation.method, path: search ? `${path}?${search}` : path, headers, ...(body !== undefined ? { body } : {}) };
}
