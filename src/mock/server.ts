// The mock HTTP server: routes a request, checks the caller and its permissions, lets Prism validate it
// and build the answer, then adds request ids, idempotent replays, CORS and the services' own errors.
import { createServer, type IncomingMessage, type OutgoingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { IHttpResponse } from '@stoplight/prism-http';
import { authenticate, challenge } from './auth.js';
import { loadContract, type Contract, type MockOperation } from './contract.js';
import { corsHeaders, isPreflight, preflightHeaders } from './cors.js';
import { IdempotencyStore, requestFingerprint, type IdempotencyOptions, type RecordedResponse } from './idempotency.js';
import { loadKeysFile, type KeyRing } from './keys.js';
import { decideRequest, decideResponse, decideScope, needsResponseCheck, type ApiKey } from './permission.js';
import { readPreferences, withoutMockControls, type MockPreferences } from './prefer.js';
import { configureDynamicGenerator, PrismEngine, type EngineAnswer, type EngineRequest } from './prism-engine.js';
import { requestIdFor } from './request-id.js';
import { Router } from './router.js';
import { errorBody, errors, type ServiceError, type ServiceName } from './service-errors.js';
import { ListenError } from './startup-errors.js';
import { toProblemDetails } from './violations.js';
import { openStatefulMock, type StatefulMock, type StatefulOptions } from '../state/stateful.js';

/** Bodies above this size are refused (413) before they are read in full. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** Who is asking and for what, once the request is routed, authenticated and its body parsed. */
export interface AnswerContext {
  operation: MockOperation;
  /** The path template's parameters (`{id}`), decoded. */
  pathParams: Record<string, string>;
  request: EngineRequest;
  preferences: MockPreferences;
  /** Stable per caller (`apikey:<key>`, `bearer:<token>`): the unit of per-caller memory. */
  callerId: string;
  apiKey?: ApiKey;
}

/**
 * Builds the answer of a valid, authorized request. Prism by default; a stateful layer can wrap it,
 * answering from stored resources and falling back to Prism for the rest.
 */
export type Responder = (context: AnswerContext) => Promise<EngineAnswer>;

export interface MockServerOptions {
  /** The spec file: the bundled generated/openapi.json, or any OpenAPI 3.x document. */
  spec: string | Contract;
  /** The keys file, or keys already loaded. */
  keys: string | KeyRing;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  idempotency?: IdempotencyOptions;
  /** Called once per answered request with a short line (method, path, status, time). */
  log?: (line: string) => void;
  /** Replaces Prism as the source of answers (see Responder). */
  responder?: (prism: Responder) => Responder;
  /** Stateful mode: resources created through the API are stored and read back (see src/state/). */
  stateful?: boolean | StatefulOptions;
}

/** The mock-only endpoint (outside the contract) that clears the stateful mode's memory. */
export const RESET_PATH = '/__mock/reset';

export interface MockServer {
  url: string;
  host: string;
  port: number;
  contract: Contract;
  keys: KeyRing;
  /** Present in stateful mode. */
  state?: { file: string | undefined; reset(): Promise<void> };
  close(): Promise<void>;
}

interface Outgoing {
  status: number;
  headers: OutgoingHttpHeaders;
  body?: string;
}

const JSON_TYPE = 'application/json; charset=utf-8';

/** A well-formed Accept: media ranges (`type/subtype`, optional parameters), comma-separated. */
const ACCEPT_PATTERN = /^\s*[\w.+*-]+\/[\w.+*-]+(\s*;\s*[\w.+-]+=("[^"]*"|[\w.+*-]+))*\s*(,\s*[\w.+*-]+\/[\w.+*-]+(\s*;\s*[\w.+-]+=("[^"]*"|[\w.+*-]+))*\s*)*$/;

/** Header values must be visible ASCII; ids from a path or a keys file may not be. */
function headerSafe(value: string): string {
  return value.replace(/[^\x20-\x7e]/g, '?');
}

function jsonMediaType(mediaType: string): boolean {
  return mediaType === 'application/json' || /^application\/[^;]*\+json$/.test(mediaType);
}

function mediaTypeMatches(received: string, declared: string): boolean {
  const [type, subtype] = declared.toLowerCase().split(';')[0].trim().split('/');
  const [rtype, rsubtype] = received.split('/');
  return (type === '*' || type === rtype) && (subtype === '*' || subtype === rsubtype);
}

function parseQuery(search: string): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  if (search === '') return query;
  for (const [name, value] of new URLSearchParams(search)) {
    const existing = query[name];
    query[name] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return query;
}

type BodyRead = { ok: true; text: string } | { ok: false };

function readBody(request: IncomingMessage): Promise<BodyRead> {
  const length = request.headers['content-length'];
  if (length === '0' || (length === undefined && request.headers['transfer-encoding'] === undefined)) {
    return Promise.resolve({ ok: true, text: '' });
  }
  if (length !== undefined && Number(length) > MAX_BODY_BYTES) {
    request.resume();
    return Promise.resolve({ ok: false });
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    request.on('end', () => resolve(size > MAX_BODY_BYTES ? { ok: false } : { ok: true, text: Buffer.concat(chunks).toString('utf8') }));
    request.on('error', reject);
  });
}

/** The request's headers as single strings, the way Prism reads them. */
function flatHeaders(request: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

/** Prism's answer as sent: the request id in header and body, the body as JSON (or text), a note if any. */
function serialize(response: IHttpResponse, requestId: string, note: string | undefined): Outgoing {
  const headers: Record<string, string> = {};
  let contentType: string | undefined;
  for (const [name, value] of Object.entries(response.headers ?? {})) {
    if (value === null || value === undefined) continue;
    if (name.toLowerCase() === 'content-type') contentType = String(value);
    else if (name.toLowerCase() !== 'x-request-id') headers[name] = String(value);
  }
  const body = withRequestId(response.body, requestId);
  let text: string | undefined;
  if (body !== undefined) {
    const isJson = !contentType || jsonMediaType(contentType.split(';')[0].trim().toLowerCase());
    text = typeof body === 'string' && !isJson ? body : JSON.stringify(body);
    headers['Content-Type'] = contentType ?? JSON_TYPE;
  }
  headers['X-Request-ID'] = requestId;
  if (note) headers['X-Mock-Reason'] = note;
  return { status: response.statusCode, headers, ...(text !== undefined ? { body: text } : {}) };
}

/** Sets `request_id` on a Rules body that documents one, without touching the spec's example object. */
function withRequestId(body: unknown, requestId: string): unknown {
  if (body !== null && typeof body === 'object' && !Array.isArray(body) && Object.hasOwn(body, 'request_id')) {
    return { ...(body as Record<string, unknown>), request_id: requestId };
  }
  return body;
}

export interface MockHandler {
  (request: IncomingMessage, response: ServerResponse): void;
  /** Stateful mode: clears the stored state and the Idempotency-Key memory (whose answers name it). */
  reset(): Promise<void>;
}

export function createMockHandler(
  contract: Contract,
  keys: KeyRing,
  options: Pick<MockServerOptions, 'idempotency' | 'log' | 'responder'> & { state?: StatefulMock } = {},
): MockHandler {
  const router = new Router(contract.operations);
  const engine = new PrismEngine();
  let idempotency = new IdempotencyStore(options.idempotency);
  const { state } = options;
  const prismResponder: Responder = context => engine.answer(context.operation.prism, context.request, context.preferences);
  const answerer = state ? state.wrap(prismResponder) : prismResponder;
  const respond = options.responder ? options.responder(answerer) : answerer;
  async function reset(): Promise<void> {
    idempotency = new IdempotencyStore(options.idempotency);
    await state?.reset();
  }
  const headerNames = new Map<string, Map<string, string>>();
  for (const operation of contract.operations) {
    headerNames.set(
      operation.operationId,
      new Map((operation.prism.request?.headers ?? []).map(header => [header.name.toLowerCase(), header.name])),
    );
  }

  function fail(service: ServiceName, error: ServiceError, extraHeaders: OutgoingHttpHeaders = {}): Outgoing {
    return {
      status: error.status,
      headers: { 'Content-Type': JSON_TYPE, ...extraHeaders },
      body: JSON.stringify(errorBody(service, error)),
    };
  }

  function fromPrismFailure(operation: MockOperation, answer: Extract<EngineAnswer, { kind: 'failed' }>, context: AnswerContext): Outgoing {
    const { service } = operation;
    if (answer.type === 'NOT_ACCEPTABLE') {
      const types = [...new Set(operation.prism.responses.flatMap(r => (r.contents ?? []).map(c => c.mediaType)))];
      return fail(service, errors.notAcceptable(context.request.headers.accept ?? '', types));
    }
    if (answer.type === 'INVALID_CONTENT_TYPE') {
      return fail(service, errors.unsupportedMediaType(context.request.headers['content-type'], operation.requestMediaTypes));
    }
    return fail(service, errors.internal(`The mock could not build an answer: ${answer.detail}`));
  }

  /** The request body as the operation documents it: JSON parsed, or the error to answer instead. */
  async function parseBody(operation: MockOperation, request: IncomingMessage): Promise<{ ok: true; body: unknown } | { ok: false; error: ServiceError }> {
    const read = await readBody(request);
    if (!read.ok) return { ok: false, error: errors.payloadTooLarge(MAX_BODY_BYTES) };
    if (read.text.length === 0) return { ok: true, body: undefined };
    if (operation.requestMediaTypes.length === 0) {
      // As Prism does: a body where none is documented is content the operation does not support.
      return { ok: false, error: errors.bodyNotAccepted(operation.method, operation.path) };
    }
    const contentType = request.headers['content-type'];
    const mediaType = contentType?.split(';')[0].trim().toLowerCase();
    if (!mediaType || !operation.requestMediaTypes.some(declared => mediaTypeMatches(mediaType, declared))) {
      return { ok: false, error: errors.unsupportedMediaType(contentType, operation.requestMediaTypes) };
    }
    if (!jsonMediaType(mediaType)) return { ok: true, body: read.text };
    try {
      return { ok: true, body: JSON.parse(read.text) };
    } catch (error) {
      const problem = { pointer: '', message: `is not valid JSON: ${(error as Error).message}` };
      return { ok: false, error: errors.validation(operation.service, [problem], 'The request body is not valid JSON.') };
    }
  }

  async function handle(request: IncomingMessage, requestId: string): Promise<Outgoing> {
    const method = (request.method ?? 'GET').toUpperCase();
    const rawUrl = request.url ?? '/';
    const queryStart = rawUrl.indexOf('?');
    const path = queryStart === -1 ? rawUrl : rawUrl.slice(0, queryStart);
    const search = queryStart === -1 ? '' : rawUrl.slice(queryStart + 1);

    if (isPreflight(method, request.headers)) {
      return { status: 204, headers: preflightHeaders(request.headers, router.methodsAt(path)) };
    }
    if (state && method === 'POST' && path === RESET_PATH) {
      await reset();
      return { status: 204, headers: {} };
    }

    const route = router.route(method, path);
    if (route.kind === 'not-found') return fail(route.service, errors.routeNotFound(method, path));
    if (route.kind === 'method-not-allowed') {
      return fail(route.service, errors.methodNotAllowed(method, path, route.allowed), { Allow: route.allowed.join(', ') });
    }
    const { operation, pathParams } = route;
    const { service } = operation;

    const caller = authenticate(operation.auth, request.headers.authorization, keys);
    if (!caller.authenticated) {
      const scheme = challenge(operation.auth);
      return fail(service, errors.unauthorized(service), { ...(scheme ? { 'WWW-Authenticate': scheme } : {}), 'X-Mock-Reason': caller.reason });
    }
    const { apiKey } = caller;
    const permission = operation.permission;
    if (permission && apiKey) {
      const decision = decideScope(apiKey, permission);
      if (!decision.allowed) return fail(service, errors.forbidden(), { 'X-Mock-Reason': decision.reason });
    }

    const parsed = await parseBody(operation, request);
    if (!parsed.ok) return fail(service, parsed.error);
    const { body } = parsed;

    const fullQuery = parseQuery(search);
    const prefer = request.headers.prefer;
    const preferencesRead = readPreferences(Array.isArray(prefer) ? prefer.join(', ') : prefer, fullQuery);
    // Preferences may be ignored (RFC 7240): an unusable one is, and X-Mock-Reason says why.
    let note = preferencesRead.ok ? undefined : `ignored ${preferencesRead.pointer}: ${preferencesRead.message}`;
    const preferPointer = prefer ? 'header:Prefer' : 'query:__code';
    const headers = flatHeaders(request);
    // Prism throws on a malformed Accept; like most servers, the mock ignores one instead.
    if (headers.accept !== undefined && !ACCEPT_PATTERN.test(headers.accept)) delete headers.accept;
    const context: AnswerContext = {
      operation,
      pathParams,
      request: { method, path, query: withoutMockControls(fullQuery), headers, body },
      preferences: preferencesRead.ok ? preferencesRead.preferences : {},
      callerId: caller.id,
      ...(apiKey ? { apiKey } : {}),
    };

    const idempotencyKey = operation.idempotent ? headers['idempotency-key'] : undefined;
    const claim = idempotencyKey
      ? await idempotency.claim(caller.id, idempotencyKey, requestFingerprint(method, rawUrl, body))
      : undefined;
    if (claim?.kind === 'mismatch') return fail(service, errors.idempotencyKeyMismatch());
    if (claim?.kind === 'replay') {
      return { status: claim.response.status, headers: { ...claim.response.headers, 'Idempotent-Replayed': 'true' }, body: claim.response.body };
    }

    let outgoing: Outgoing | undefined;
    try {
      let answer = await respond(context);
      if (answer.kind === 'failed' && answer.type === 'NOT_FOUND' && Object.keys(context.preferences).length > 0) {
        // The Prefer'd status or example is not documented for this operation: answer as if not asked.
        note = `ignored ${preferPointer}: ${answer.detail} This operation documents ${operation.prism.responses.map(r => r.code).join(', ')}.`;
        answer = await respond({ ...context, preferences: {} });
      }
      if (answer.kind === 'invalid') {
        return fail(service, errors.validation(service, toProblemDetails(answer.violations, headerNames.get(operation.operationId)!)));
      }
      if (answer.kind === 'failed') return fromPrismFailure(operation, answer, context);

      const { response } = answer;
      if (permission && apiKey) {
        const decision = decideRequest(apiKey, permission, { pathParams, query: context.request.query, body });
        if (!decision.allowed) return fail(service, errors.forbidden(), { 'X-Mock-Reason': decision.reason });
        if (response.statusCode >= 200 && response.statusCode < 300 && needsResponseCheck(apiKey, permission)) {
          const resolved = decideResponse(apiKey, permission, response.body);
          if (!resolved.allowed) return fail(service, errors.forbidden(), { 'X-Mock-Reason': resolved.reason });
        }
      }

      outgoing = serialize(response, requestId, answer.note ?? note);
      return outgoing;
    } finally {
      if (claim?.kind === 'first') {
        if (outgoing) claim.record(outgoing as RecordedResponse);
        else claim.release();
      }
    }
  }

  function send(request: IncomingMessage, response: ServerResponse, requestId: string, outgoing: Outgoing, started: number): void {
    const headers: OutgoingHttpHeaders = corsHeaders(request.headers);
    for (const [name, value] of Object.entries(outgoing.headers)) {
      headers[name] = typeof value === 'string' ? headerSafe(value) : value;
    }
    if (!('X-Request-ID' in outgoing.headers)) headers['X-Request-ID'] = requestId;
    if (outgoing.body !== undefined) headers['Content-Length'] = Buffer.byteLength(outgoing.body);
    response.writeHead(outgoing.status, headers);
    response.end(outgoing.body);
    options.log?.(`${request.method} ${request.url} ${outgoing.status} ${(performance.now() - started).toFixed(1)} ms ${headers['X-Request-ID']}`);
  }

  const listener = (request: IncomingMessage, response: ServerResponse) => {
    const started = performance.now();
    const requestId = requestIdFor(request.headers['x-request-id']);
    handle(request, requestId).then(
      outgoing => send(request, response, requestId, outgoing, started),
      (error: unknown) => {
        process.stderr.write(`mock: ${request.method} ${request.url} failed: ${(error as Error)?.stack ?? String(error)}\n`);
        if (response.headersSent) return response.destroy();
        const service = router.route((request.method ?? 'GET').toUpperCase(), (request.url ?? '/').split('?')[0]);
        const owner = service.kind === 'operation' ? service.operation.service : service.service;
        send(request, response, requestId, fail(owner, errors.internal('The mock failed while answering; see its console.')), started);
      },
    );
  };
  return Object.assign(listener, { reset });
}

export { ListenError };

function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      const where = `${host}:${port}`;
      reject(
        new ListenError(
          error.code === 'EADDRINUSE'
            ? `port ${port} is already in use on ${host} (stop the other server, or pick another with --port / PORT)`
            : error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND'
              ? `cannot listen on ${where}: no such address on this machine (--host / HOST)`
              : error.code === 'EACCES'
                ? `cannot listen on ${where}: permission denied (ports below 1024 need privileges)`
                : `cannot listen on ${where}: ${error.message}`,
        ),
      );
    };
    const onListening = () => {
      server.off('error', onError);
      resolve(server.address() as AddressInfo);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

/** Loads the spec and the keys, then listens. Errors are SpecError, KeysFileError or ListenError. */
export async function startMockServer(options: MockServerOptions): Promise<MockServer> {
  const contract = typeof options.spec === 'string' ? await loadContract(options.spec) : options.spec;
  const keys = typeof options.keys === 'string' ? await loadKeysFile(options.keys, contract.scopes) : options.keys;
  await configureDynamicGenerator(contract.fakerOptions);
  const state = options.stateful ? await openStatefulMock(contract, options.stateful === true ? {} : options.stateful) : undefined;
  const handler = createMockHandler(contract, keys, { ...options, ...(state ? { state } : {}) });
  const server = createServer({ keepAliveTimeout: 65_000 }, handler);
  const host = options.host ?? '127.0.0.1';
  const address = await listen(server, options.port ?? 4010, host);
  const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${urlHost}:${address.port}`,
    host: address.address,
    port: address.port,
    contract,
    keys,
    ...(state ? { state: { file: state.stateFile, reset: handler.reset } } : {}),
    close: async () => {
      await new Promise<void>((resolve, reject) => {
        server.close(error => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
      await state?.close();
    },
  };
}
