// The last stages: an outcome becomes the response sent. The request id goes into the X-Request-ID
// header and, where the body documents one, into the Rules `request_id`; a refusal is put in the
// owning service's envelope; notes and warnings become X-Mock-Reason and X-Mock-Warning.
import { headerSafe, isJsonMediaType, JSON_CONTENT_TYPE, type MockResponse } from './http.js';
import type { Outcome } from './responders/responder.js';
import { errorBody, type ServiceName, type ValidationProblem } from './services.js';

/** Sets `request_id` on a body that documents one, without touching the contract's example object. */
function withRequestId(body: unknown, requestId: string): unknown {
  if (body !== null && typeof body === 'object' && !Array.isArray(body) && Object.hasOwn(body, 'request_id')) {
    return { ...(body as Record<string, unknown>), request_id: requestId };
  }
  return body;
}

/** One line for X-Mock-Warning: the unknown properties the mock accepted. */
export function warningLine(warnings: ValidationProblem[]): string {
  const where = warnings.map((warning) => warning.pointer || '/').join(', ');
  return `accepted properties the contract does not name: ${where} (--strict refuses them)`;
}

export interface ReplyFacts {
  service: ServiceName;
  requestId: string;
  warnings?: ValidationProblem[];
}

export function toResponse(outcome: Outcome, { service, requestId, warnings }: ReplyFacts): MockResponse {
  const headers: Record<string, string> = {};
  let status: number;
  let body: string | undefined;
  if (outcome.kind === 'refusal') {
    status = outcome.error.status;
    headers['Content-Type'] = JSON_CONTENT_TYPE;
    Object.assign(headers, outcome.headers);
    body = JSON.stringify(errorBody(service, outcome.error));
  } else {
    status = outcome.status;
    if (outcome.body !== undefined) {
      const mediaType = outcome.mediaType ?? 'application/json';
      headers['Content-Type'] = mediaType;
      const value = withRequestId(outcome.body, requestId);
      body = typeof value === 'string' && !isJsonMediaType(mediaType) ? value : JSON.stringify(value);
    }
    if (outcome.note) headers['X-Mock-Reason'] = outcome.note;
  }
  headers['X-Request-ID'] = requestId;
  if (warnings && warnings.length > 0) headers['X-Mock-Warning'] = warningLine(warnings);
  for (const [name, value] of Object.entries(headers)) headers[name] = headerSafe(value);
  return { status, headers, ...(body !== undefined ? { body } : {}) };
}
