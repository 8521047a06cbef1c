// Sending a planned request through an injected `fetch` (the platform's, or a test's), and writing
// it as the curl line a person can paste to repeat it. Credentials appear as given: the reader
// needs the exact request, and the keys are the provider's test keys.
import type { Answer } from './model.js';
import type { PlannedRequest } from './requests.js';

export type Fetch = (input: string, init: RequestInit) => Promise<Response>;

/** A request that takes longer than this has no answer worth waiting for in CI. */
export const REQUEST_TIMEOUT_MS = 10_000;

/** The base URL and the request's path (with its query) as one URL; a base path is kept. */
export function requestUrl(baseUrl: string, request: PlannedRequest): string {
  return baseUrl.replace(/\/+$/, '') + request.path;
}

export async function send(fetch: Fetch, baseUrl: string, request: PlannedRequest, timeoutMs = REQUEST_TIMEOUT_MS): Promise<Answer> {
  const init: RequestInit = {
    method: request.method,
    headers: request.headers,
    redirect: 'manual',
    signal: AbortSignal.timeout(timeoutMs),
    ...(request.body !== undefined ? { body: JSON.stringify(request.body) } : {}),
  };
  try {
    const response = await fetch(requestUrl(baseUrl, request), init);
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => (headers[name.toLowerCase()] = value));
    return { status: response.status, headers, body: await response.text() };
  } catch (error) {
    return { status: 0, headers: {}, body: '', error: describeFetchError(error) };
  }
}

/** `fetch failed` says nothing; its cause (ECONNREFUSED, a timeout) does. */
function describeFetchError(error: unknown): string {
  const failure = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (failure?.name === 'TimeoutError') return 'no answer within the time limit';
  const cause = failure?.cause?.code ?? failure?.cause?.message;
  return cause ? `${failure.message ?? 'fetch failed'} (${cause})` : String(failure?.message ?? error);
}

const quote = (text: string) => `'${text.replaceAll("'", `'\\''`)}'`;

/** The request as a curl command line. */
export function curlLine(baseUrl: string, request: PlannedRequest): string {
  const parts = ['curl', '-i'];
  if (request.method !== 'GET') parts.push('-X', request.method);
  parts.push(quote(requestUrl(baseUrl, request)));
  for (const [name, value] of Object.entries(request.headers)) parts.push('-H', quote(`${name}: ${value}`));
  if (request.body !== undefined) parts.push('--data-raw', quote(JSON.stringify(request.body)));
  return parts.join(' ');
}
