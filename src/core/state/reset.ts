// `POST /__mock/reset`, the mock-only route (outside the contract) that forgets stored resources and
// Idempotency-Key answers. It needs credentials and forgets the caller's own: an API key's
// organization (and the answers of that organization's keys), or a bearer token's spaces (and its
// answers). `?all=true` forgets everything, and needs the admin token the mock was started with.
// Its refusals use the Rules envelope, since the route belongs to no service (DECISIONS.md).
import { authenticate } from '../auth.js';
import { JSON_CONTENT_TYPE, type MockRequest, type MockResponse } from '../http.js';
import type { IdempotencyStore } from '../idempotency.js';
import type { KeyRing } from '../keys.js';
import type { ExtraRoute } from '../mock.js';
import { errorBody } from '../services.js';
import type { ResourceStore } from './store.js';

/** The mock-only endpoint that clears stateful mode's memory. */
export const RESET_PATH = '/__mock/reset';

export interface ResetOptions {
  keys: KeyRing;
  store: ResourceStore;
  idempotency: IdempotencyStore;
  /** The token of `--admin-token`: `Authorization: Bearer <it>` with `?all=true` resets everything. */
  adminToken?: string;
}

/** What one reset request forgets, or why it is refused. */
export type ResetScope =
  | { kind: 'all' }
  | { kind: 'owner'; owner: string; callers: string[] }
  | { kind: 'refused'; status: 401 | 403; code: string; message: string; reason: string };

const NEEDS_CREDENTIALS =
  `POST ${RESET_PATH} needs credentials: Authorization: ApiKey <key> resets that key's organization, Bearer <token> resets that token's spaces.`;

/** Compares without stopping at the first difference, so the time taken says nothing of the token. */
function sameSecret(given: string, expected: string): boolean {
  if (given.length !== expected.length) return false;
  let difference = 0;
  for (let i = 0; i < expected.length; i++) difference |= given.charCodeAt(i) ^ expected.charCodeAt(i);
  return difference === 0;
}

function wantsAll(query: MockRequest['query']): boolean {
  const value = query.all;
  return (Array.isArray(value) ? value.at(-1) : value) === 'true';
}

/** Decides, from the request alone, what a reset forgets. */
export function resetScope(request: MockRequest, keys: KeyRing, adminToken: string | undefined): ResetScope {
  const authorization = request.headers.authorization;
  const asKey = authenticate('apiKey', authorization, keys);
  const asBearer = authenticate('bearer', authorization, keys);
  if (!asKey.authenticated && !asBearer.authenticated) {
    const apiKeyRefused = /^\s*apikey\s/i.test(authorization ?? '');
    return { kind: 'refused', status: 401, code: 'unauthorized', message: NEEDS_CREDENTIALS, reason: apiKeyRefused ? asKey.reason : 'expected "Authorization: ApiKey <key>" or "Authorization: Bearer <token>"' };
  }
  if (wantsAll(request.query)) {
    const token = asBearer.authenticated ? asBearer.id.slice('bearer:'.length) : undefined;
    if (adminToken === undefined) {
      return { kind: 'refused', status: 403, code: 'forbidden', message: 'This mock was started without --admin-token, so nothing can reset every space over HTTP (SIGHUP or a restart can).', reason: 'no --admin-token was given at start' };
    }
    if (token === undefined || !sameSecret(token, adminToken)) {
      return { kind: 'refused', status: 403, code: 'forbidden', message: `Resetting every space (?all=true) needs Authorization: Bearer <the token given with --admin-token>.`, reason: 'not the admin token' };
    }
    return { kind: 'all' };
  }
  if (asKey.authenticated && asKey.apiKey) {
    const { organization } = asKey.apiKey;
    const callers = [...keys.values()].filter((key) => key.organization === organization).map((key) => `apikey:${key.key}`);
    return { kind: 'owner', owner: organization, callers };
  }
  const caller = (asBearer as { id: string }).id;
  return { kind: 'owner', owner: caller, callers: [caller] };
}

export function resetRoute(options: ResetOptions): ExtraRoute {
  return {
    method: 'POST',
    path: RESET_PATH,
    async handle(request): Promise<MockResponse> {
      const scope = resetScope(request, options.keys, options.adminToken);
      if (scope.kind === 'refused') {
        return {
          status: scope.status,
          headers: {
            'Content-Type': JSON_CONTENT_TYPE,
            'X-Mock-Reason': scope.reason,
            ...(scope.status === 401 ? { 'WWW-Authenticate': 'ApiKey, Bearer' } : {}),
          },
          body: JSON.stringify(errorBody('rules', { status: scope.status, code: scope.code, message: scope.message })),
        };
      }
      if (scope.kind === 'all') await Promise.all([options.store.reset(), options.idempotency.reset()]);
      else await Promise.all([options.store.reset(scope.owner), ...scope.callers.map((caller) => options.idempotency.reset(caller))]);
      return { status: 204, headers: {} };
    },
  };
}
