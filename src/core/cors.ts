// CORS for browser frontends: every answer allows the calling origin, and preflights are answered
// here, from the methods the path documents.

/** Headers a browser script may read from an answer (beyond the CORS-safelisted ones). */
export const EXPOSED_HEADERS = ['X-Request-ID', 'Idempotent-Replayed', 'X-Mock-Reason', 'X-Mock-Warning', 'Allow'];

/** Headers a frontend sends to this API; allowed when the preflight names none. */
const ALLOWED_HEADERS = ['Authorization', 'Content-Type', 'Idempotency-Key', 'X-Request-ID', 'Prefer'];

type Headers = Record<string, string | undefined>;

/** The CORS headers of an ordinary (non-preflight) answer. */
export function corsHeaders(request: Headers): Record<string, string> {
  const { origin } = request;
  return {
    // Echoing the origin (rather than `*`) keeps credentialed requests working too.
    'Access-Control-Allow-Origin': origin ?? '*',
    ...(origin ? { 'Access-Control-Allow-Credentials': 'true', Vary: 'Origin' } : {}),
    'Access-Control-Expose-Headers': EXPOSED_HEADERS.join(', '),
  };
}

/** A browser's preflight: an OPTIONS request carrying Origin and Access-Control-Request-Method. */
export function isPreflight(method: string, request: Headers): boolean {
  return method === 'OPTIONS' && request.origin !== undefined && request['access-control-request-method'] !== undefined;
}

/** The headers of the 204 answer to a preflight; `methods` are those the path documents. */
export function preflightHeaders(request: Headers, methods: string[]): Record<string, string> {
  const requested = request['access-control-request-headers'];
  return {
    ...corsHeaders(request),
    'Access-Control-Allow-Methods': (methods.length > 0 ? methods : ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']).join(', '),
    'Access-Control-Allow-Headers': requested && requested.length > 0 ? requested : ALLOWED_HEADERS.join(', '),
    'Access-Control-Max-Age': '600',
    Vary: 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers',
  };
}
