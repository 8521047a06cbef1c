// The one table of requests both doors of the mock (the Node server and the MSW handlers) must answer
// alike, planned from the contract: every documented example request, every documented answer asked
// for with Prefer, the auth matrix of every Rules operation, bad bodies and parameters of every
// service, Idempotency-Key replays and a mismatch, and the routes the contract does not document.
import type { Contract, Operation, ScopeDefinition } from '../../src/core/contract.js';
import { jsonContent } from '../../src/core/contract.js';
import { resolvePointer } from '../../src/core/json-pointer.js';
import type { KeysDocument, PermissionEntry } from '../../src/core/keys.js';
import { exampleRequest, parameterValue, requestExampleNames } from '../../src/verify/requests.js';

type Json = any; // the bundled document

export interface TableRequest {
  /** Names the request in a failure: what it is and what it should show. */
  name: string;
  method: string;
  /** Path and query, percent-encoded. */
  path: string;
  headers: Record<string, string>;
  /** Sent as is. */
  body?: string;
}

export const ADMIN = 'ApiKey demo_admin';
export const BEARER = 'Bearer equality_token';

export function authorizationFor(operation: Operation): Record<string, string> {
  return operation.auth === 'apiKey' ? { authorization: ADMIN } : operation.auth === 'bearer' ? { authorization: BEARER } : {};
}

/** The documented request of `operation` (its first or named example), with credentials that pass. */
export function documented(document: Json, operation: Operation, name: string, example?: string): TableRequest {
  const planned = exampleRequest(document, operation, example);
  return {
    name,
    method: planned.method,
    path: planned.path,
    headers: { ...planned.headers, ...authorizationFor(operation) },
    ...(planned.body !== undefined ? { body: JSON.stringify(planned.body) } : {}),
  };
}

const kindOf = (scopes: ScopeDefinition[], scope: string) => scopes.find((definition) => definition.scope === scope)!.resources;

/**
 * The keys the auth matrix needs, named after what they can do, beside the demo keys: for each scope,
 * every other scope but not it (`all_but_X`), it on every resource (`star_X`), it on another resource
 * only (`other_X`), and, per operation, it on exactly the resource the documented request touches.
 */
export function matrixKeys(demo: KeysDocument, contract: Contract, document: Json): KeysDocument {
  const scopes = contract.scopes!;
  const everything = (scope: string): PermissionEntry => (kindOf(scopes, scope) === 'none' ? { scope } : { scope, resources: '*' });
  const keys: KeysDocument['keys'] = [...demo.keys];
  const add = (key: string, permissions: PermissionEntry[]) => keys.push({ key, organization: 'org_matrix', permissions });
  for (const { scope, resources } of scopes) {
    add(`all_but_${scope}`, scopes.filter((other) => other.scope !== scope).map((other) => everything(other.scope)));
    add(`star_${scope}`, [everything(scope)]);
    if (resources === 'transfer_set') add(`other_${scope}`, [{ scope, resources: [{ source: 'acc_OTHER', target: 'acc_OTHER2' }] }]);
    else if (resources !== 'none') add(`other_${scope}`, [{ scope, resources: ['id_OTHER'] }]);
  }
  for (const operation of contract.operations) {
    const exact = exactGrant(document, operation);
    if (exact) add(`exact_${operation.operationId}`, [exact]);
  }
  return { keys };
}

/** The permission entry that allows the documented request of `operation` and nothing beside it. */
function exactGrant(document: Json, operation: Operation): PermissionEntry | undefined {
  const permission = operation.permission;
  const resource = permission?.resource;
  if (!permission || !resource) return undefined;
  const planned = exampleRequest(document, operation);
  switch (resource.in) {
    case 'path': {
      const parameter = operation.parameters.find((candidate) => candidate.in === 'path' && candidate.name === resource.name)!;
      return { scope: permission.scope, resources: [parameterValue(document, parameter)] };
    }
    case 'query':
      return { scope: permission.scope, resources: [new URL(planned.path, 'http://x').searchParams.get(resource.name)!] };
    case 'response': {
      const success = operation.responses.find((response) => response.status.startsWith('2'))!;
      const answer = jsonContent(success.contents)!.examples[0].value;
      const id = resource.pointers.map((pointer) => resolvePointer(answer, pointer)).find((value) => typeof value === 'string');
      return { scope: permission.scope, resources: [String(id)] };
    }
    case 'body': {
      const at = (pointer: string | undefined) => (pointer === undefined ? undefined : resolvePointer(planned.body, pointer));
      const amount = at(resource.amount);
      const set = { source: String(at(resource.source)), target: String(at(resource.target)), ...(typeof amount === 'number' ? { max_amount: amount } : {}) };
      return { scope: permission.scope, resources: [set] };
    }
  }
}

/** Every documented request example of every operation, and every documented answer asked for with Prefer. */
export function documentedRequests(document: Json, operations: Operation[]): TableRequest[] {
  const rows: TableRequest[] = [];
  for (const operation of operations) {
    const names = requestExampleNames(operation);
    if (names.length === 0) rows.push(documented(document, operation, `${operation.operationId}: the documented request`));
    for (const name of names) rows.push(documented(document, operation, `${operation.operationId}: request example "${name}"`, name));
    for (const response of operation.responses) {
      const request = documented(document, operation, `${operation.operationId}: Prefer: code=${response.status}`);
      rows.push({ ...request, headers: { ...request.headers, prefer: `code=${response.status}` } });
      for (const example of jsonContent(response.contents)?.examples ?? []) {
        const named = documented(document, operation, `${operation.operationId}: Prefer: code=${response.status}, example=${example.name}`);
        rows.push({ ...named, headers: { ...named.headers, prefer: `code=${response.status}, example=${example.name}` } });
      }
    }
  }
  return rows;
}

/** For every Rules operation: no key, an unknown key, a bearer token, a key without the scope, one for another resource, one with it all, one with exactly the resource. */
export function authMatrix(document: Json, contract: Contract, operations: Operation[]): TableRequest[] {
  const rows: TableRequest[] = [];
  for (const operation of operations.filter((candidate) => candidate.permission)) {
    const { scope } = operation.permission!;
    const as = (authorization: string | undefined, what: string): TableRequest => {
      const { headers, ...request } = documented(document, operation, `${operation.operationId}: ${what}`);
      const { authorization: _admin, ...rest } = headers;
      return { ...request, headers: authorization === undefined ? rest : { ...rest, authorization } };
    };
    rows.push(as(undefined, 'no key (401)'), as('ApiKey no_such_key', 'an unknown key (401)'), as('Bearer star_READ_RULES', 'a bearer token (401)'));
    rows.push(as(`ApiKey all_but_${scope}`, `a key without ${scope} (403)`), as(`ApiKey star_${scope}`, `a key with ${scope} on every resource`));
    if (kindOf(contract.scopes!, scope) !== 'none') rows.push(as(`ApiKey other_${scope}`, `a key with ${scope} for another resource only (403)`));
    if (operation.permission!.resource) rows.push(as(`ApiKey exact_${operation.operationId}`, `a key with ${scope} on exactly the resource`));
  }
  for (const operation of operations.filter((candidate) => candidate.auth === 'bearer')) {
    const { headers, ...request } = documented(document, operation, `${operation.operationId}: no bearer token (401)`);
    const { authorization: _bearer, ...rest } = headers;
    rows.push({ ...request, headers: rest }, { ...request, name: `${operation.operationId}: an API key instead of a bearer token (401)`, headers: { ...rest, authorization: ADMIN } });
  }
  return rows;
}

/** Bodies each service must refuse in its envelope, and unknown properties it must name in X-Mock-Warning. */
export function badInput(document: Json, operations: Operation[]): TableRequest[] {
  const rows: TableRequest[] = [];
  for (const operation of operations) {
    const request = documented(document, operation, operation.operationId);
    const named = (what: string, change: Partial<TableRequest>): TableRequest => ({ ...request, ...change, name: `${operation.operationId}: ${what}` });
    if (request.body !== undefined) {
      const example = JSON.parse(request.body);
      rows.push(named('an empty object as the body', { body: '{}' }));
      rows.push(named('a list as the body', { body: '[]' }));
      rows.push(named('malformed JSON', { body: '{"unfinished": ' }));
      rows.push(named('a body nested too deep', { body: `${'['.repeat(100)}${']'.repeat(100)}` }));
      rows.push(named('a text/plain body (415)', { headers: { ...request.headers, 'content-type': 'text/plain' } }));
      if (example !== null && typeof example === 'object' && !Array.isArray(example)) {
        rows.push(named('an unknown property (X-Mock-Warning)', { body: JSON.stringify({ ...example, not_in_the_contract: true }) }));
        const [first] = Object.keys(example);
        if (first !== undefined) rows.push(named(`"${first}" of the wrong type`, { body: JSON.stringify({ ...example, [first]: { wrong: [1] } }) }));
      }
    }
    for (const parameter of operation.parameters.filter((candidate) => candidate.in === 'query')) {
      const url = new URL(request.path, 'http://x');
      url.searchParams.set(parameter.name, 'not a valid value %');
      rows.push(named(`query parameter ${parameter.name}=not a valid value`, { path: `${url.pathname}${url.search}` }));
    }
  }
  return rows;
}

/** For every operation that takes an Idempotency-Key: the first request, its replay, and the same key with another body. */
export function idempotencyRequests(document: Json, operations: Operation[]): TableRequest[] {
  const rows: TableRequest[] = [];
  for (const operation of operations.filter((candidate) => candidate.idempotent)) {
    const request = documented(document, operation, operation.operationId);
    const key = `equality-${operation.operationId}`;
    const keyed = { ...request, headers: { ...request.headers, 'idempotency-key': key } };
    rows.push({ ...keyed, name: `${operation.operationId}: first request with Idempotency-Key` });
    rows.push({ ...keyed, name: `${operation.operationId}: the same request again (Idempotent-Replayed)` });
    if (request.body !== undefined) {
      const other = JSON.stringify({ ...JSON.parse(request.body), not_in_the_contract: 'another body' });
      rows.push({ ...keyed, body: other, name: `${operation.operationId}: the same key with another body (idempotency_key_mismatch)` });
    }
  }
  return rows;
}

/** What no operation documents: unknown paths and methods under a service's collections, a bad path escape, a preflight, request ids. */
export function routeRequests(document: Json, operations: Operation[]): TableRequest[] {
  const rows: TableRequest[] = [];
  const seen = new Set<string>();
  for (const operation of operations) {
    if (seen.has(operation.service)) continue;
    seen.add(operation.service);
    const request = documented(document, operation, operation.operationId);
    const path = request.path.split('?')[0];
    rows.push({ ...request, name: `${operation.service}: a path no operation documents (404)`, path: `${path}/not/documented` });
    rows.push({ ...request, name: `${operation.service}: a method the path does not accept (405)`, method: 'PATCH' });
    rows.push({ ...request, name: `${operation.service}: X-Request-ID echoed`, headers: { ...request.headers, 'x-request-id': 'req_from_the_client' } });
    rows.push({ ...request, name: `${operation.service}: an X-Request-ID that cannot be echoed`, headers: { ...request.headers, 'x-request-id': ' '.repeat(3) } });
    rows.push({
      name: `${operation.service}: a CORS preflight`,
      method: 'OPTIONS',
      path,
      headers: { origin: 'http://app.test', 'access-control-request-method': operation.method, 'access-control-request-headers': 'authorization, content-type' },
    });
    rows.push({ ...request, name: `${operation.service}: a CORS request from a page`, headers: { ...request.headers, origin: 'http://app.test' } });
    rows.push({ ...request, name: `${operation.service}: Prefer: code= an undocumented status`, headers: { ...request.headers, prefer: 'code=418' } });
    rows.push({ ...request, name: `${operation.service}: Prefer: example= an undocumented name`, headers: { ...request.headers, prefer: 'example=not_documented' } });
    if (request.body !== undefined) rows.push({ ...request, name: `${operation.service}: a body over the size limit (413)`, body: `"${'x'.repeat(1024 * 1024 + 1)}"` });
  }
  const withPathParameter = operations.find((operation) => operation.path.includes('{'))!;
  rows.push({ ...documented(document, withPathParameter, 'x'), name: `${withPathParameter.operationId}: a path parameter that is not valid percent-encoding`, path: withPathParameter.path.replace(/\{[^}]+\}/, '%ZZ') });
  return rows;
}
