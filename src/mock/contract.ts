// The contract as the mock reads it: Prism's operations plus what the mock needs from the spec
// (service of each operation, auth scheme, `x-permission`, Idempotency-Key, root `x-scopes`).
import { readFile } from 'node:fs/promises';
import type { IHttpOperation } from '@stoplight/types';
import { parse as parseYaml } from 'yaml';
import { toPointer } from './json-pointer.js';
import type { ScopeDefinition } from './keys.js';
import type { PermissionRequirement, ResourceLocation } from './permission.js';
import { SERVICE_NAMES, type ServiceName } from './service-errors.js';
import { SpecError } from './startup-errors.js';
import { loadPrismHttp } from './prism-loader.js';

export { SpecError };

export type AuthScheme = 'apiKey' | 'bearer' | 'none';

/** One operation, with everything the mock decides on before and after Prism answers. */
export interface MockOperation {
  operationId: string;
  method: string;
  /** The path template, e.g. `/api/v1/rules/{id}`. */
  path: string;
  service: ServiceName;
  auth: AuthScheme;
  permission?: PermissionRequirement;
  /** The operation declares an `Idempotency-Key` header, so repeated keys are replayed. */
  idempotent: boolean;
  /** Media types the request body may have; empty when the operation takes no body. */
  requestMediaTypes: string[];
  /** Prism's view of the operation, handed back to Prism to validate and mock. */
  prism: IHttpOperation;
}

export interface Contract {
  file: string;
  title: string;
  operations: MockOperation[];
  /** The scope table (root `x-scopes`), or undefined when the spec has none. */
  scopes: Map<string, ScopeDefinition> | undefined;
  /** Root `x-json-schema-faker`: options of Prism's dynamic generator, as the Prism CLI reads them. */
  fakerOptions: unknown;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

async function readDocument(file: string): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new SpecError(
      code === 'ENOENT'
        ? `${file}: spec not found${file.endsWith('generated/openapi.json') ? ' (run `npm run generate` to build it)' : ''}`
        : `${file}: cannot read spec (${code ?? String(error)})`,
    );
  }
  let document: unknown;
  try {
    document = file.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw new SpecError(`${file}: not valid ${file.endsWith('.json') ? 'JSON' : 'YAML'}: ${String((error as Error).message).split('\n')[0]}`);
  }
  if (!isRecord(document) || typeof document.openapi !== 'string' || !document.openapi.startsWith('3.')) {
    throw new SpecError(`${file}: not an OpenAPI 3.x document (no "openapi: 3.x" at the root)`);
  }
  return document;
}

function readScopes(file: string, document: Record<string, unknown>): Map<string, ScopeDefinition> | undefined {
  const table = document['x-scopes'];
  if (table === undefined) return undefined;
  if (!Array.isArray(table)) throw new SpecError(`${file}: #/x-scopes: must be a list of { scope, resources }`);
  const scopes = new Map<string, ScopeDefinition>();
  table.forEach((entry: unknown, index) => {
    if (!isRecord(entry) || typeof entry.scope !== 'string' || typeof entry.resources !== 'string') {
      throw new SpecError(`${file}: #/x-scopes/${index}: each scope needs a "scope" name and a "resources" kind`);
    }
    scopes.set(entry.scope, { scope: entry.scope, resources: entry.resources });
  });
  return scopes;
}

/** Tag name -> service, from the root `x-tagGroups` ("Rules service" groups the Rules tags...). */
function readServicesByTag(document: Record<string, unknown>): Map<string, ServiceName> {
  const byTag = new Map<string, ServiceName>();
  const groups = Array.isArray(document['x-tagGroups']) ? document['x-tagGroups'] : [];
  for (const group of groups) {
    if (!isRecord(group) || typeof group.name !== 'string' || !Array.isArray(group.tags)) continue;
    const service = group.name.split(/\s+/)[0].toLowerCase() as ServiceName;
    if (!SERVICE_NAMES.includes(service)) continue;
    for (const tag of group.tags) if (typeof tag === 'string') byTag.set(tag, service);
  }
  return byTag;
}

function readAuth(operation: IHttpOperation): AuthScheme {
  const schemes = (operation.security ?? []).flat();
  if (schemes.some(scheme => scheme.type === 'apiKey')) return 'apiKey';
  if (schemes.some(scheme => scheme.type === 'http' && scheme.scheme?.toLowerCase() === 'bearer')) return 'bearer';
  return 'none';
}

function readPermission(
  file: string,
  where: string,
  value: unknown,
  scopes: Map<string, ScopeDefinition> | undefined,
): PermissionRequirement | undefined {
  if (value === undefined) return undefined;
  const fail = (path: string[], message: string): never => {
    throw new SpecError(`${file}: ${where}/x-permission${toPointer(path)}: ${message}`);
  };
  if (!isRecord(value) || typeof value.scope !== 'string') return fail([], 'needs a "scope"');
  const scope = value.scope;
  if (scopes && !scopes.has(scope)) fail(['scope'], `unknown scope "${scope}" (x-scopes lists ${[...scopes.keys()].join(', ')})`);
  const resource = value.resource;
  if (resource === undefined) return { scope };
  if (!isRecord(resource)) return fail(['resource'], 'must be a mapping with "in"');
  const isPointer = (v: unknown): v is string => typeof v === 'string' && (v === '' || v.startsWith('/'));
  let location: ResourceLocation;
  switch (resource.in) {
    case 'path':
    case 'query':
      if (typeof resource.name !== 'string') fail(['resource', 'name'], `"in: ${resource.in}" needs the parameter's "name"`);
      location = { in: resource.in, name: resource.name as string };
      break;
    case 'response':
      if (!Array.isArray(resource.pointers) || resource.pointers.length === 0 || !resource.pointers.every(isPointer)) {
        fail(['resource', 'pointers'], '"in: response" needs a non-empty list of JSON pointers');
      }
      location = { in: 'response', pointers: resource.pointers as string[] };
      break;
    case 'body':
      for (const name of ['source', 'target'] as const) {
        if (!isPointer(resource[name])) fail(['resource', name], `"in: body" needs a JSON pointer "${name}"`);
      }
      if (resource.amount !== undefined && !isPointer(resource.amount)) fail(['resource', 'amount'], 'must be a JSON pointer');
      location = {
        in: 'body',
        source: resource.source as string,
        target: resource.target as string,
        ...(resource.amount !== undefined ? { amount: resource.amount as string } : {}),
      };
      break;
    default:
      return fail(['resource', 'in'], `must be path, query, body or response, not ${JSON.stringify(resource.in)}`);
  }
  return { scope, resource: location };
}

/** Loads a spec (bundled JSON or multi-file YAML) for the mock; every problem is a one-line SpecError. */
export async function loadContract(file: string): Promise<Contract> {
  const document = await readDocument(file);
  const scopes = readScopes(file, document);
  const servicesByTag = readServicesByTag(document);

  let prismOperations: IHttpOperation[];
  try {
    // Loaded here, not at the top: Prism takes a second to load, and a bad path should fail fast.
    prismOperations = await loadPrismHttp().getHttpOperationsFromSpec(file);
  } catch (error) {
    throw new SpecError(`${file}: Prism cannot read the spec: ${String((error as Error).message ?? error).split('\n')[0]}`);
  }
  if (prismOperations.length === 0) throw new SpecError(`${file}: the spec has no operations under "paths"`);

  const operations = prismOperations.map((operation): MockOperation => {
    const method = operation.method.toUpperCase();
    const operationId = operation.iid ?? `${method} ${operation.path}`;
    const where = `#${toPointer(['paths', operation.path, operation.method])}`;
    const tag = operation.tags?.[0]?.name;
    const contents = operation.request?.body?.contents ?? [];
    return {
      operationId,
      method,
      path: operation.path,
      service: (tag && servicesByTag.get(tag)) || 'rules',
      auth: readAuth(operation),
      permission: readPermission(file, where, operation.extensions?.['x-permission'], scopes),
      idempotent: (operation.request?.headers ?? []).some(header => header.name.toLowerCase() === 'idempotency-key'),
      requestMediaTypes: contents.map(content => content.mediaType),
      prism: operation,
    };
  });
  const info = isRecord(document.info) ? document.info : {};
  return {
    file,
    title: typeof info.title === 'string' ? info.title : file,
    operations,
    scopes,
    fakerOptions: document['x-json-schema-faker'],
  };
}
