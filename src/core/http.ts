// The plain values the core reads and writes: a request as any door receives it (Node's http server,
// a Service Worker, a test) and the answer it sends back, plus the few HTTP facts every stage shares.

export interface MockRequest {
  method: string;
  /** The path as sent, still percent-encoded, without the query string. */
  path: string;
  /** The query string's parameters; a repeated name collects its values in order. */
  query: Record<string, string | string[]>;
  /** Header names in lower case; repeated headers joined with ", ". */
  headers: Record<string, string | undefined>;
  /** The body as text; undefined when the request has none. */
  body?: string;
  /** The door stopped reading a body larger than the mock's limit (the core answers 413). */
  bodyTooLarge?: boolean;
}

export interface MockResponse {
  status: number;
  headers: Record<string, string>;
  /** The body exactly as sent (so that a replay is byte for byte the same); absent for no content. */
  body?: string;
}

export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

/** The query string of a URL (without `?`) as the request's `query`. */
export function parseQuery(search: string): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  if (search === '' || search === '?') return query;
  for (const [name, value] of new URLSearchParams(search)) {
    const existing = query[name];
    query[name] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return query;
}

/** `application/json; charset=utf-8` -> `application/json`. */
export function mediaTypeOf(contentType: string | undefined): string | undefined {
  const type = contentType?.split(';')[0].trim().toLowerCase();
  return type ? type : undefined;
}

/** `application/json` or `application/<something>+json`, with or without parameters. */
export function isJsonMediaType(mediaType: string): boolean {
  return /^application\/(?:[\w.-]+\+)?json(?:\s*;.*)?$/i.test(mediaType.trim());
}

/** Whether a received media type is one a declared one (possibly a range like `application/*`) admits. */
export function mediaTypeMatches(received: string, declared: string): boolean {
  const [type, subtype] = (mediaTypeOf(declared) ?? '').split('/');
  const [receivedType, receivedSubtype] = received.split('/');
  return (type === '*' || type === receivedType) && (subtype === '*' || subtype === receivedSubtype);
}

/** Header values must be visible ASCII; ids from a path or a keys file may not be. */
export function headerSafe(value: string): string {
  return value.replace(/[^\x20-\x7e]/g, '?');
}
