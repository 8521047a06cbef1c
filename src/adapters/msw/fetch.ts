// The Fetch API side of the MSW door: a Request (as MSW hands it over, in Node and in a Service Worker's
// page alike) becomes the core's MockRequest, and the core's MockResponse becomes a Response.
import { DEFAULT_BODY_LIMITS } from '../../core/body.js';
import { parseQuery, type MockRequest, type MockResponse } from '../../core/http.js';

/** Statuses whose response has no body, whatever the core wrote (the Response constructor refuses one). */
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

/**
 * `path` is the request's path once the handlers' base URL is taken off, still percent-encoded.
 * The body is read whole (MSW has already buffered it); beyond the core's limit it is not decoded, and
 * the core answers 413, as it does when the Node door stops reading.
 */
export async function toMockRequest(request: Request, path: string, search: string): Promise<MockRequest> {
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name] = value;
  });
  let body: string | undefined;
  let tooLarge = false;
  if (request.body !== null) {
    const bytes = await request.arrayBuffer();
    if (bytes.byteLength > DEFAULT_BODY_LIMITS.maxBytes) tooLarge = true;
    else if (bytes.byteLength > 0) body = new TextDecoder().decode(bytes);
  }
  return {
    method: request.method,
    path,
    query: parseQuery(search),
    headers,
    ...(body !== undefined ? { body } : {}),
    ...(tooLarge ? { bodyTooLarge: true } : {}),
  };
}

export function toFetchResponse(answer: MockResponse): Response {
  const body = NULL_BODY_STATUSES.has(answer.status) ? null : (answer.body ?? null);
  return new Response(body, { status: answer.status, headers: answer.headers });
}
