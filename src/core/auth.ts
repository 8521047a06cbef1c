// Who is calling: the Rules service's `Authorization: ApiKey <key>` (looked up in the keys) or the
// other services' `Authorization: Bearer <token>` (any non-empty token is accepted).
import type { AuthScheme } from './contract.js';
import type { ApiKey, KeyRing } from './keys.js';

export type Caller =
  | { authenticated: true; id: string; apiKey?: ApiKey }
  | { authenticated: false; reason: string };

function credentials(header: string | undefined, scheme: string): string | undefined {
  if (!header) return undefined;
  const match = /^\s*(\S+)\s+(\S+)\s*$/.exec(header);
  if (!match || match[1].toLowerCase() !== scheme.toLowerCase()) return undefined;
  return match[2];
}

/** `id` names the caller for per-caller memory (Idempotency-Key answers, stored resources). */
export function authenticate(auth: AuthScheme, authorization: string | undefined, keys: KeyRing): Caller {
  switch (auth) {
    case 'apiKey': {
      const secret = credentials(authorization, 'ApiKey');
      if (secret === undefined) return { authenticated: false, reason: 'expected "Authorization: ApiKey <key>"' };
      const apiKey = keys.get(secret);
      if (!apiKey) return { authenticated: false, reason: `no key "${secret}" in the keys file` };
      return { authenticated: true, id: `apikey:${secret}`, apiKey };
    }
    case 'bearer': {
      const token = credentials(authorization, 'Bearer');
      if (token === undefined) return { authenticated: false, reason: 'expected "Authorization: Bearer <token>"' };
      return { authenticated: true, id: `bearer:${token}` };
    }
    case 'none':
      return { authenticated: true, id: 'anonymous' };
  }
}

/** The `WWW-Authenticate` challenge of a 401 answer. */
export function challenge(auth: AuthScheme): string | undefined {
  return auth === 'apiKey' ? 'ApiKey' : auth === 'bearer' ? 'Bearer' : undefined;
}
