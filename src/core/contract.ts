// The one walker of the contract document: every operation (paths, then webhooks) with its service,
// authentication, permission, parameters, bodies and named examples, read from a bundled OpenAPI 3.x
// document (local `$ref`s only). The generator, the mock, the verifier and the tests all read it here.
import { isJsonMediaType } from './http.js';
import { fragment, toPointer, valueAtFragment } from './json-pointer.js';
import { isServiceName, SERVICE_NAMES, type ServiceName } from './services.js';

// The document is JSON of any shape; the walker checks what it reads.
type Json = any;

export type AuthScheme = 'apiKey' | 'bearer' | 'none';
export type ParameterLocation = 'path' | 'query' | 'header' | 'cookie';

/** A scope of the root `x-scopes` table and the kind of resource its entries list. */
export interface ScopeDefinition {
  scope: string;
  /** `none`, `transfer_set`, or the kind of id listed (`account`, `rule`...). */
  resources: string;
  grants?: string;
}

/** Where an operation's guarded resource comes from (`x-permission.resource`). */
export type ResourceLocation =
  | { in: 'path' | 'query'; name: string }
  | { in: 'response'; pointers: string[] }
  | { in: 'body'; source: string; target: string; amount?: string };

/** An operation's `x-permission`: the scope it needs and, unless the scope's resources are none, where the resource is. */
export interface PermissionRequirement {
  scope: string;
  resource?: ResourceLocation;
}

export interface Example {
  /** The example's name in its `examples` map (`example` for the singular field). */
  name: string;
  summary?: string;
  value: unknown;
  /** Where the Example Object lives once references are followed. */
  pointer: string;
}

export interface Content {
  mediaType: string;
  /** Where the schema lives once references are followed; absent when the media type has none. */
  schema?: string;
  examples: Example[];
}

export interface Parameter {
  name: string;
  in: ParameterLocation;
  required: boolean;
  /** Where the schema lives once references are followed; absent when the parameter has none. */
  schema?: string;
  example?: unknown;
}

export interface RequestBody {
  required: boolean;
  contents: Content[];
}

export interface Response {
  /** The key in the responses map: `200`, `4XX` or `default`. */
  status: string;
  contents: Content[];
  /** The names of the headers the response declares. */
  headers: string[];
}

export interface Operation {
  operationId: string;
  /** Upper case: GET, POST... */
  method: string;
  /** The path template (`/api/v1/rules/{id}`), or `webhook:<name>` for a webhook. */
  path: string;
  webhook: boolean;
  /** Where the operation lives in the document, as a fragment (`#/paths/~1api~1v1~1rules/get`). */
  pointer: string;
  service: ServiceName;
  auth: AuthScheme;
  permission?: PermissionRequirement;
  /** The operation declares an `Idempotency-Key` header, so repeated keys are replayed. */
  idempotent: boolean;
  comingSoon: boolean;
  parameters: Parameter[];
  /** Null when the operation takes no request body. */
  requestBody: RequestBody | null;
  responses: Response[];
}

export interface Contract {
  title: string;
  version: string;
  operations: Operation[];
  /** The scope table (root `x-scopes`), or undefined when the document has none. */
  scopes: ScopeDefinition[] | undefined;
  /** Root `x-json-schema-faker`: options of the dynamic body generator, as Prism reads them. */
  jsonSchemaFaker?: unknown;
}

/** A document the walker cannot read; `pointer` says where (a fragment such as `#/paths/~1x/get`). */
export class ContractError extends Error {
  override name = 'ContractError';
  constructor(
    readonly pointer: string,
    readonly problem: string,
  ) {
    super(`${pointer}: ${problem}`);
  }
}

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;


function isRecord(value: unknown): value is Record<string, Json> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

// A reference may carry a summary or description of its own (OpenAPI 3.1); they change no meaning.
function isBareReference(value: Json): boolean {
  return isRecord(value) && typeof value.$ref === 'string' && Object.keys(value).every((key) => key === '$ref' || key === 'summary' || key === 'description');
}

/** Follows `$ref`s from `at` until a node that is not a bare reference; returns where it ended. */
export function followRefs(document: Json, at: string): { pointer: string; value: Json } {
  const seen = new Set<string>();
  let current = at;
  let value: Json = valueAtFragment(document, current);
  while (isBareReference(value)) {
    if (seen.has(current)) throw new ContractError(current, 'circular $ref');
    seen.add(current);
    current = value.$ref;
    value = valueAtFragment(document, current);
  }
  if (value === undefined) throw new ContractError(at, `does not resolve (stopped at ${current})`);
  return { pointer: current, value };
}

class Walker {
  constructor(private readonly document: Json) {}

  at(pointer: string): { pointer: string; value: Json } {
    return followRefs(this.document, pointer);
  }

  contents(contentPointer: string): Content[] {
    const content = valueAtFragment(this.document, contentPointer);
    if (!isRecord(content)) return [];
    return Object.keys(content).map((mediaType) => {
      const mediaPointer = fragment(contentPointer, mediaType);
      const media = content[mediaType] ?? {};
      const schema = media.schema === undefined ? undefined : this.at(fragment(mediaPointer, 'schema')).pointer;
      return { mediaType, ...(schema ? { schema } : {}), examples: this.examples(mediaPointer, media) };
    });
  }

  examples(mediaPointer: string, media: Json): Example[] {
    const examples: Example[] = Object.keys(media.examples ?? {}).map((name) => {
      const { pointer, value } = this.at(fragment(mediaPointer, 'examples', name));
      return { name, ...(typeof value.summary === 'string' ? { summary: value.summary } : {}), value: value.value, pointer };
    });
    if ('example' in media) examples.push({ name: 'example', value: media.example, pointer: fragment(mediaPointer, 'example') });
    return examples;
  }

  /** Path-level parameters first, replaced by operation-level ones of the same name and location. */
  parameters(itemPointer: string, operationPointer: string): Parameter[] {
    const byKey = new Map<string, Parameter>();
    for (const base of [itemPointer, operationPointer]) {
      const list = valueAtFragment(this.document, fragment(base, 'parameters'));
      if (!Array.isArray(list)) continue;
      list.forEach((_, index) => {
        const { pointer, value } = this.at(fragment(base, 'parameters', index));
        const schema = value.schema === undefined ? undefined : this.at(fragment(pointer, 'schema'));
        const example = 'example' in value ? value.example : schema?.value?.example;
        byKey.set(`${value.in}\u0000${value.name}`, {
          name: value.name,
          in: value.in,
          required: value.required === true,
          ...(schema ? { schema: schema.pointer } : {}),
          ...(example !== undefined ? { example } : {}),
        });
      });
    }
    return [...byKey.values()];
  }

  auth(operation: Json): AuthScheme {
    const requirements: Json[] = operation.security ?? this.document.security ?? [];
    const schemes = requirements.flatMap((requirement) => Object.keys(requirement ?? {}));
    const definitions = schemes.map((name) => this.document.components?.securitySchemes?.[name] ?? {});
    if (definitions.some((scheme) => scheme.type === 'apiKey')) return 'apiKey';
    if (definitions.some((scheme) => scheme.type === 'http' && String(scheme.scheme).toLowerCase() === 'bearer')) return 'bearer';
    return 'none';
  }
}

function readScopes(document: Json): ScopeDefinition[] | undefined {
  const table = document['x-scopes'];
  if (table === undefined) return undefined;
  if (!Array.isArray(table)) throw new ContractError('#/x-scopes', 'must be a list of { scope, resources }');
  const scopes = table.map((entry: unknown, index): ScopeDefinition => {
    if (!isRecord(entry) || typeof entry.scope !== 'string' || typeof entry.resources !== 'string') {
      throw new ContractError(`#/x-scopes/${index}`, 'each scope needs a "scope" name and a "resources" kind');
    }
    return { scope: entry.scope, resources: entry.resources, ...(typeof entry.grants === 'string' ? { grants: entry.grants } : {}) };
  });
  return scopes;
}

const isPointer = (value: unknown): value is string => typeof value === 'string' && (value === '' || value.startsWith('/'));

function readResource(resource: Json, fail: (path: string[], message: string) => never, method: string): ResourceLocation {
  if (!isRecord(resource)) return fail(['resource'], 'must be a mapping with "in"');
  switch (resource.in) {
    case 'path':
    case 'query':
      if (typeof resource.name !== 'string') fail(['resource', 'name'], `"in: ${resource.in}" needs the parameter's "name"`);
      return { in: resource.in, name: resource.name };
    case 'response':
      if (!Array.isArray(resource.pointers) || resource.pointers.length === 0 || !resource.pointers.every(isPointer)) {
        fail(['resource', 'pointers'], '"in: response" needs a non-empty list of JSON pointers');
      }
      // The answer is built before the permission is decided: only a request that changes nothing may be judged by it.
      if (method !== 'GET' && method !== 'HEAD') fail(['resource', 'in'], `"in: response" is only for GET and HEAD operations, not ${method}`);
      return { in: 'response', pointers: resource.pointers };
    case 'body':
      for (const name of ['source', 'target'] as const) {
        if (!isPointer(resource[name])) fail(['resource', name], `"in: body" needs a JSON pointer "${name}"`);
      }
      if (resource.amount !== undefined && !isPointer(resource.amount)) fail(['resource', 'amount'], 'must be a JSON pointer');
      return { in: 'body', source: resource.source, target: resource.target, ...(resource.amount !== undefined ? { amount: resource.amount } : {}) };
    default:
      return fail(['resource', 'in'], `must be path, query, body or response, not ${JSON.stringify(resource.in)}`);
  }
}

function readPermission(value: Json, at: string, method: string, scopes: ScopeDefinition[] | undefined): PermissionRequirement | undefined {
  if (value === undefined) return undefined;
  const fail = (path: string[], message: string): never => {
    throw new ContractError(`${at}/x-permission${toPointer(path)}`, message);
  };
  if (!isRecord(value) || typeof value.scope !== 'string') return fail([], 'needs a "scope"');
  if (scopes && !scopes.some((scope) => scope.scope === value.scope)) {
    fail(['scope'], `unknown scope "${value.scope}" (x-scopes lists ${scopes.map((scope) => scope.scope).join(', ')})`);
  }
  if (value.resource === undefined) return { scope: value.scope };
  return { scope: value.scope, resource: readResource(value.resource, fail, method) };
}

function readOperation(walker: Walker, item: { pointer: string; value: Json }, method: string, path: string, scopes: ScopeDefinition[] | undefined): Operation {
  const operationPointer = fragment(item.pointer, method);
  const operation = walker.at(operationPointer).value;
  if (typeof operation.operationId !== 'string') throw new ContractError(operationPointer, 'has no operationId; every operation needs one');
  const service = operation['x-service'] ?? item.value['x-service'];
  if (!isServiceName(service)) {
    throw new ContractError(item.pointer, `x-service must name the owning service (${SERVICE_NAMES.join(', ')}), not ${JSON.stringify(service)}`);
  }
  const parameters = walker.parameters(item.pointer, operationPointer);
  let requestBody: RequestBody | null = null;
  if (operation.requestBody !== undefined) {
    const body = walker.at(fragment(operationPointer, 'requestBody'));
    requestBody = { required: body.value.required === true, contents: walker.contents(fragment(body.pointer, 'content')) };
  }
  const responses = Object.keys(operation.responses ?? {}).map((status): Response => {
    const response = walker.at(fragment(operationPointer, 'responses', status));
    return { status, contents: walker.contents(fragment(response.pointer, 'content')), headers: Object.keys(response.value.headers ?? {}) };
  });
  const upper = method.toUpperCase();
  const permission = readPermission(operation['x-permission'], operationPointer, upper, scopes);
  return {
    operationId: operation.operationId,
    method: upper,
    path,
    webhook: path.startsWith('webhook:'),
    pointer: operationPointer,
    service,
    auth: walker.auth(operation),
    ...(permission ? { permission } : {}),
    idempotent: parameters.some((parameter) => parameter.in === 'header' && parameter.name.toLowerCase() === 'idempotency-key'),
    comingSoon: operation['x-coming-soon'] === true,
    parameters,
    requestBody,
    responses,
  };
}

/** Reads a bundled document. Throws a ContractError (with its fragment) on anything it cannot use. */
export function readContract(document: Json): Contract {
  if (!isRecord(document) || typeof document.openapi !== 'string' || !document.openapi.startsWith('3.')) {
    throw new ContractError('#', 'not an OpenAPI 3.x document (no "openapi: 3.x" at the root)');
  }
  const walker = new Walker(document);
  const scopes = readScopes(document);
  const operations: Operation[] = [];
  for (const [section, label] of [['paths', (key: string) => key], ['webhooks', (key: string) => `webhook:${key}`]] as const) {
    for (const key of Object.keys(document[section] ?? {})) {
      const item = walker.at(fragment('#', section, key));
      for (const method of HTTP_METHODS) {
        if (item.value[method]) operations.push(readOperation(walker, item, method, label(key), scopes));
      }
    }
  }
  const seen = new Map<string, Operation>();
  for (const operation of operations) {
    const earlier = seen.get(operation.operationId);
    if (earlier) throw new ContractError(operation.pointer, `operationId "${operation.operationId}" is also used at ${earlier.pointer}`);
    seen.set(operation.operationId, operation);
  }
  const info = isRecord(document.info) ? document.info : {};
  return {
    title: typeof info.title === 'string' ? info.title : '',
    version: typeof info.version === 'string' ? info.version : '',
    operations,
    scopes,
    ...(document['x-json-schema-faker'] !== undefined ? { jsonSchemaFaker: document['x-json-schema-faker'] } : {}),
  };
}

/** The component schemas by name, in document order. */
export function componentSchemaNames(document: Json): string[] {
  return Object.keys(document.components?.schemas ?? {});
}

/** What a message's body is checked against: its JSON media type's schema, anything, or nothing. */
export type BodyShape =
  | { kind: 'json'; mediaType: string; schema: string }
  /** A JSON media type without a schema, or only non-JSON media types: any body is accepted. */
  | { kind: 'unchecked'; mediaTypes: string[] }
  /** No content: the message has no body. */
  | { kind: 'empty' };

/** application/json first when a message offers several JSON media types. */
export function jsonContent(contents: Content[]): Content | undefined {
  return contents.find((content) => content.mediaType === 'application/json') ?? contents.find((content) => isJsonMediaType(content.mediaType));
}

export function bodyShape(contents: Content[]): BodyShape {
  if (contents.length === 0) return { kind: 'empty' };
  const json = jsonContent(contents);
  if (!json?.schema) return { kind: 'unchecked', mediaTypes: contents.map((content) => content.mediaType) };
  return { kind: 'json', mediaType: json.mediaType, schema: json.schema };
}
