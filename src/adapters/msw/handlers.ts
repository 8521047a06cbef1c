// The MSW door: request handlers that turn each request the contract owns into the core's MockRequest,
// let the core answer it (`createMock`, the same pipeline as the Node server) and send back what it
// answers. They add no behaviour of their own; the typed override only replaces the documented answer.
import { http, type HttpHandler } from 'msw';
import { jsonContent, type Contract, type Operation } from '../../core/contract.js';
import { ulidIds, type IdGenerator } from '../../core/ids.js';
import { MemoryIdempotencyStore } from '../../core/idempotency.js';
import { toPointer } from '../../core/json-pointer.js';
import { KeysError, readKeys, type KeyRing, type KeysDocument } from '../../core/keys.js';
import { createMock, type Mock, type MockOptions } from '../../core/mock.js';
import type { MockRequest } from '../../core/http.js';
import type { Outcome, Responder } from '../../core/responders/responder.js';
import { Router } from '../../core/router.js';
import { LifeCycleResponder, type LifeCycles } from '../../core/state/life-cycles.js';
import { MemoryStore } from '../../core/state/store.js';
import type { ContractValidators } from '../../core/validation.js';
import { claimsOf, type Claims } from './claims.js';
import { toFetchResponse, toMockRequest } from './fetch.js';
import type { ContractOperationId, OverrideAnswer, OverrideOptions } from './override.js';

export interface HandlersOptions {
  /**
   * Where the API is: an absolute URL (`https://api.example.com`, or with a path prefix that is taken off
   * before routing) or a path prefix (`/mock`). Default: the contract's paths on any origin.
   */
  baseUrl?: string;
  /** The keys-file structure (`{ keys: [{ key, organization?, permissions }] }`); default: the demo keys. */
  keys?: KeysDocument;
  /** Remember what clients create, in memory, per handler set (`reset()` forgets it). */
  stateful?: boolean;
  /** Refuse properties the contract does not name, instead of naming them in X-Mock-Warning. */
  strict?: boolean;
  /** Milliseconds since the epoch (timestamps of created resources, request ids); default Date.now. */
  clock?: () => number;
  /** Makes request and resource ids from a prefix (`req_`, `rule_`...); default a ULID after the prefix. */
  ids?: IdGenerator;
  /** Told about a failure of the mock itself (answered 500); default console.error. */
  onError?: (error: unknown, request: MockRequest) => void;
}

/** What a set of handlers mocks: the contract's operations, the validators, the life cycles, the default keys. */
export interface MockedContract {
  contract: Contract;
  validators: ContractValidators;
  /** The stateful life cycles of the services mocked (only theirs, so a page ships no other's). */
  lifeCycles: LifeCycles;
  /** The default keys, in the keys-file structure (checked by readKeys like any other). */
  demoKeys: unknown;
}

/** The handlers, spread into `setupServer(...)` or `setupWorker(...)`, and what else a test needs. */
export interface MockHandlers<Id extends ContractOperationId = ContractOperationId> extends Array<HttpHandler> {
  /**
   * A handler (for `server.use(...)` / `worker.use(...)`) that answers `operationId` with `answer`
   * instead of the documented example. The contract still applies: routing, 401/403, validation,
   * Idempotency-Key, X-Request-ID and the Rules `request_id`.
   */
  override<Operation extends Id>(operationId: Operation, answer: OverrideAnswer<Operation>, options?: OverrideOptions): HttpHandler;
  /** Forgets stored resources and Idempotency-Key answers, as a fresh handler set would start. */
  reset(): Promise<void>;
  /** The core itself, for what MSW does not reach (`mock.handle(request)`). */
  readonly mock: Mock;
}

function keyRingOf(keys: unknown, contract: Contract): KeyRing {
  try {
    return readKeys(keys, contract.scopes);
  } catch (error) {
    if (error instanceof KeysError) throw new Error(`createHandlers: keys${toPointer(error.path)}: ${error.problem}`);
    throw error;
  }
}

/** The one kind of handler: requests the claims take, and `accepts` (if given) narrows, go to `core`. */
function coreHandler(core: Mock, claims: Claims, accepts?: (method: string, path: string) => boolean, options?: OverrideOptions): HttpHandler {
  return http.all(
    ({ request }) => {
      const claimed = claims.claim(request.url);
      return claimed !== undefined && (accepts?.(request.method, claimed.path) ?? true);
    },
    async ({ request }) => {
      const { path, search } = claims.claim(request.url)!;
      return toFetchResponse(await core.handle(await toMockRequest(request, path, search)));
    },
    options?.once ? { once: true } : undefined,
  );
}

/** The answer an override gives, in the media type the operation documents for that status. */
function overrideOutcome(operation: Operation, answer: { status: number; body?: unknown }): Outcome {
  const response = operation.responses.find((candidate) => candidate.status === String(answer.status));
  if (!response) {
    throw new Error(`override('${operation.operationId}'): ${answer.status} is not a status it documents (${operation.responses.map((r) => r.status).join(', ')})`);
  }
  if (answer.body === undefined) return { kind: 'answer', status: answer.status };
  return { kind: 'answer', status: answer.status, mediaType: jsonContent(response.contents)?.mediaType ?? 'application/json', body: answer.body };
}

export function handlersFor<Id extends ContractOperationId>(mocked: MockedContract, options: HandlersOptions = {}): MockHandlers<Id> {
  const { contract, validators, lifeCycles } = mocked;
  const ids = options.ids ?? ulidIds;
  // Shared by the set's overrides: a key replayed against an override replays as it would against the set.
  const idempotency = new MemoryIdempotencyStore();
  const store = options.stateful ? new MemoryStore() : undefined;
  const base: MockOptions = {
    contract,
    validators,
    keys: keyRingOf(options.keys ?? mocked.demoKeys, contract),
    ids,
    idempotency,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.strict ? { strict: true } : {}),
    onError: options.onError ?? ((error, request) => console.error(`platform-contract/msw: ${request.method} ${request.path} failed:`, error)),
  };
  const stateful = store ? { responder: (examples: Responder) => new LifeCycleResponder(examples, { contract, store, ids, lifeCycles }) } : {};
  const mock = createMock({ ...base, ...stateful });
  const claims = claimsOf(contract.operations, options.baseUrl);
  const router = new Router(contract.operations);

  function override(operationId: Id, answer: { status: number; body?: unknown }, overrideOptions?: OverrideOptions): HttpHandler {
    const operation = contract.operations.find((candidate) => candidate.operationId === operationId && !candidate.webhook);
    if (!operation) throw new Error(`override('${String(operationId)}'): not an operation these handlers answer`);
    const outcome = overrideOutcome(operation, answer);
    const overridden = createMock({ ...base, responder: () => ({ respond: async () => outcome }) });
    const routesHere = (method: string, path: string) => {
      const route = router.route(method.toUpperCase(), path);
      return route.kind === 'operation' && route.operation === operation;
    };
    return coreHandler(overridden, claims, routesHere, overrideOptions);
  }

  return Object.assign([coreHandler(mock, claims)], {
    override: override as MockHandlers<Id>['override'],
    reset: () => mock.reset(),
    mock,
  });
}
