// The mock's behaviour as one pipeline over plain values: a MockRequest in, a MockResponse out. Every
// door (the Node server, the MSW handlers, a test) calls it; none adds behaviour of its own.
//
// Stages, in order: route (404/405) -> authenticate (401) -> parse the body (413/415/400) -> read
// Prefer -> validate parameters and body (400/422) -> permission (403) -> Idempotency-Key (replay,
// mismatch) -> respond -> request id and envelope. The permission is decided once, after validation,
// because what a key must hold is read from the valid request (a path or query id, a transfer's
// route and amount) or, for `x-permission.resource.in: response`, from the answer it would get.
import { authenticate, challenge } from './auth.js';
import { DEFAULT_BODY_LIMITS, parseBody, type BodyLimits } from './body.js';
import type { Contract, Operation } from './contract.js';
import { corsHeaders, isPreflight, preflightHeaders } from './cors.js';
import { errors } from './errors.js';
import type { MockRequest, MockResponse } from './http.js';
import { echoableRequestId, ulidIds, type IdGenerator } from './ids.js';
import { describeDifference, fingerprintOf, MemoryIdempotencyStore, type IdempotencyStore } from './idempotency.js';
import type { KeyRing } from './keys.js';
import { decidePermission, needsAnswer } from './permission.js';
import { readPreferences, withoutMockControls } from './prefer.js';
import { toResponse } from './reply.js';
import { ExamplesResponder, type BodyGenerator } from './responders/examples.js';
import { refusal, type Outcome, type Refusal, type RespondContext, type Responder } from './responders/responder.js';
import { Router } from './router.js';
import type { ServiceName } from './services.js';
import { validateRequest, type ContractValidators } from './validation.js';

export interface MockOptions {
  contract: Contract;
  validators: ContractValidators;
  keys: KeyRing;
  /** Builds answers; default: the documented examples. Stateful mode passes its own. */
  responder?: (examples: Responder) => Responder;
  /** Makes bodies from schemas (`Prefer: dynamic=true`); Prism in Node, absent in the browser. */
  generator?: BodyGenerator;
  /** The memory of Idempotency-Key answers; default: in memory. */
  idempotency?: IdempotencyStore;
  /** Milliseconds since the epoch; replaceable in tests. */
  clock?: () => number;
  ids?: IdGenerator;
  limits?: Partial<BodyLimits>;
  /** Refuse properties the contract does not name, instead of naming them in X-Mock-Warning. */
  strict?: boolean;
  /** Told about a failure of the mock itself (a bug), which is answered 500. */
  onError?: (error: unknown, request: MockRequest) => void;
  /** Mock-only routes outside the contract (`POST /__mock/reset`), tried before the contract's. */
  extraRoutes?: ExtraRoute[];
}

/** A mock-only route; it answers in plain JSON, never as an operation of the contract. */
export interface ExtraRoute {
  method: string;
  path: string;
  handle(request: MockRequest, mock: Mock): Promise<MockResponse>;
}

export interface Mock {
  readonly contract: Contract;
  handle(request: MockRequest): Promise<MockResponse>;
  /** Forgets everything remembered: stored resources and Idempotency-Key answers. */
  reset(): Promise<void>;
}

/** The permission stage's outcome; `preview` is the answer already built to decide it. */
type Permit = { kind: 'allowed'; preview?: Outcome } | Refusal;

export function createMock(options: MockOptions): Mock {
  const { contract, validators, keys } = options;
  const router = new Router(contract.operations);
  const clock = options.clock ?? Date.now;
  const ids = options.ids ?? ulidIds;
  const limits = { ...DEFAULT_BODY_LIMITS, ...options.limits };
  const strict = options.strict ?? false;
  const idempotency = options.idempotency ?? new MemoryIdempotencyStore();
  const examples = new ExamplesResponder({ validators, ...(options.generator ? { generator: options.generator } : {}) });
  const responder: Responder = options.responder ? options.responder(examples) : examples;
  const extraRoutes = options.extraRoutes ?? [];

  /** Stages up to the answer; each early return is a refusal in the owning service's envelope. */
  async function answer(request: MockRequest, method: string, requestId: string, now: number): Promise<MockResponse> {
    const route = router.route(method, request.path);
    const refuse = (service: ServiceName, outcome: Outcome) => toResponse(outcome, { service, requestId });
    if (route.kind === 'not-found') return refuse(route.service, refusal(errors.routeNotFound(method, request.path)));
    if (route.kind === 'method-not-allowed') {
      return refuse(route.service, refusal(errors.methodNotAllowed(method, request.path, route.allowed), { Allow: route.allowed.join(', ') }));
    }
    const { operation } = route;
    const { service } = operation;
    // A path that does not decode names no resource: 404, which every operation with a path parameter documents.
    if (route.kind === 'malformed') return refuse(service, refusal(errors.malformedPath(request.path, route.value)));
    const caller = authenticate(operation.auth, request.headers.authorization, keys);
    if (!caller.authenticated) {
      const scheme = challenge(operation.auth);
      return refuse(service, refusal(errors.unauthorized(service), { ...(scheme ? { 'WWW-Authenticate': scheme } : {}), 'X-Mock-Reason': caller.reason }));
    }
    const parsed = parseBody(operation, request, limits);
    if (!parsed.ok) return refuse(service, refusal(parsed.error));
    const preferences = readPreferences(request.headers.prefer, request.query);
    const query = withoutMockControls(request.query);
    const validated = validateRequest(validators, operation, { pathParams: route.pathParams, query, headers: request.headers, body: parsed.body }, strict);
    if (!validated.ok) return refuse(service, refusal(errors.validation(service, validated.problems)));
    const context: RespondContext = {
      operation,
      path: request.path,
      pathParams: route.pathParams,
      values: validated.request.values,
      body: parsed.body,
      preferences: preferences.ok ? preferences.preferences : {},
      preferenceSource: preferences.source,
      accept: request.headers.accept,
      callerId: caller.id,
      ...(caller.apiKey ? { apiKey: caller.apiKey } : {}),
      now,
    };
    // An unusable preference is ignored (RFC 7240), and X-Mock-Reason says why.
    const ignored = preferences.ok ? undefined : `ignored ${preferences.source}: ${preferences.message}`;
    const reply = (outcome: Outcome) => toResponse(ignored && outcome.kind === 'answer' && !outcome.note ? { ...outcome, note: ignored } : outcome, { service, requestId, warnings: validated.request.warnings });
    const permitted = await permit(operation, context);
    if (permitted.kind === 'refusal') return refuse(service, permitted);
    const run = async () => reply(permitted.preview ?? (await responder.respond(context)));
    return idempotent(operation, context, { request, method, requestId }, run);
  }

  /** The permission stage; for a resource only the answer names, the answer is built (a read) first. */
  async function permit(operation: Operation, context: RespondContext): Promise<Permit> {
    const { apiKey } = context;
    if (!apiKey || !operation.permission) return { kind: 'allowed' };
    const preview = needsAnswer(apiKey, operation.permission) ? await responder.respond(context) : undefined;
    // Only a successful answer names the resource; a 404 reveals nothing a key could not ask.
    const answer = preview?.kind === 'answer' && preview.status >= 200 && preview.status < 300 ? preview.body : undefined;
    if (preview && answer === undefined) return { kind: 'allowed', preview };
    const decision = decidePermission(apiKey, operation.permission, { pathParams: context.pathParams, query: context.values.query, body: context.body, answer });
    if (!decision.allowed) return refusal(errors.forbidden(), { 'X-Mock-Reason': decision.reason });
    return { kind: 'allowed', ...(preview ? { preview } : {}) };
  }

  /** Runs `run` once per caller and Idempotency-Key; a replay is the first answer, byte for byte. */
  async function idempotent(
    operation: Operation,
    context: RespondContext,
    { request, method, requestId }: { request: MockRequest; method: string; requestId: string },
    run: () => Promise<MockResponse>,
  ): Promise<MockResponse> {
    const key = operation.idempotent ? request.headers['idempotency-key'] : undefined;
    if (key === undefined) return run();
    const fingerprint = await fingerprintOf(method, request.path, context.values.query, context.body);
    const claim = await idempotency.claim(context.callerId, key, fingerprint, context.now);
    if (claim.kind === 'mismatch') {
      return toResponse(refusal(errors.idempotencyKeyMismatch(describeDifference(claim.recorded, fingerprint))), { service: operation.service, requestId });
    }
    if (claim.kind === 'replay') return { ...claim.response, headers: { ...claim.response.headers, 'Idempotent-Replayed': 'true' } };
    let response: MockResponse | undefined;
    try {
      response = await run();
      return response;
    } finally {
      // A 5xx is the mock's failure, not the request's answer: the client may try again.
      if (response && response.status < 500) await claim.record(response);
      else await claim.release();
    }
  }

  const mock: Mock = {
    contract,
    async handle(request) {
      const method = request.method.toUpperCase();
      const cors = corsHeaders(request.headers);
      if (isPreflight(method, request.headers)) return { status: 204, headers: preflightHeaders(request.headers, router.methodsAt(request.path)) };
      const now = clock();
      const extra = extraRoutes.find((route) => route.method === method && route.path === request.path);
      const requestId = echoableRequestId(request.headers['x-request-id']) ?? ids('req_', now);
      let response: MockResponse;
      try {
        response = extra ? await extra.handle(request, mock) : await answer(request, method, requestId, now);
      } catch (error) {
        // A bug of the mock, never of the request: reported to the door, answered in the owner's envelope.
        options.onError?.(error, request);
        const route = router.route(method, request.path);
        const service = route.kind === 'operation' || route.kind === 'malformed' ? route.operation.service : route.service;
        response = toResponse(refusal(errors.internal('The mock failed while answering; see its console.')), { service, requestId });
      }
      return { ...response, headers: { ...cors, ...response.headers } };
    },
    async reset() {
      await Promise.all([idempotency.reset(), responder.reset?.()]);
    },
  };
  return mock;
}
