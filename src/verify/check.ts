// Checking one answer against what a check expects: a documented status, its Content-Type, a body
// the contract's validators accept (their `{pointer, message}` are the contract's words), and the
// check's own rule (401 without credentials, 403 for a key without the scope, an echoed request id).
import { jsonContent, type Contract, type Operation, type Response } from '../core/contract.js';
import { mediaTypeMatches, mediaTypeOf } from '../core/http.js';
import type { ContractValidators } from '../core/validation.js';
import type { Answer, Check, Expectation, Violation } from './model.js';

export interface CheckContext {
  contract: Contract;
  validators: ContractValidators;
  /** Also flag properties the contract does not name. */
  strict: boolean;
}

/** The response the contract documents for a status: exactly, then as `4XX`, then `default`. */
export function documentedResponse(operation: Operation, status: number): Response | undefined {
  const exact = operation.responses.find((response) => response.status === String(status));
  const range = operation.responses.find((response) => response.status.toUpperCase() === `${String(status)[0]}XX`);
  return exact ?? range ?? operation.responses.find((response) => response.status === 'default');
}

function documentedStatuses(operation: Operation): string {
  return operation.responses.map((response) => response.status).join(', ');
}

/** The body as JSON, or undefined with the parse error when it is not JSON. */
export function parseJson(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
}

/** The service whose error envelope a refused body is in, when it is not the operation's own. */
function envelopeOwner(context: CheckContext, operation: Operation, status: number, body: unknown): string | undefined {
  for (const other of context.contract.operations) {
    if (other.service === operation.service || other.webhook) continue;
    const response = documentedResponse(other, status);
    if (!response || response.contents.length === 0) continue;
    if (context.validators.validateResponse(other.operationId, status, body).valid) return other.service;
  }
  return undefined;
}

function documented(context: CheckContext, operation: Operation, answer: Answer): Violation[] {
  const response = documentedResponse(operation, answer.status);
  if (!response) {
    const rule = answer.status >= 500 ? 'server-error' : 'undocumented-status';
    return [{ rule, message: `${operation.operationId} does not document status ${answer.status} (it documents ${documentedStatuses(operation)})` }];
  }
  if (response.contents.length === 0) {
    return answer.body.trim() === '' ? [] : [{ rule: 'unexpected-body', message: `the contract documents no body for ${response.status}, got ${answer.body.length} bytes` }];
  }
  const found: Violation[] = [];
  const received = mediaTypeOf(answer.headers['content-type']);
  const declared = response.contents.map((content) => content.mediaType);
  if (!received || !declared.some((mediaType) => mediaTypeMatches(received, mediaType))) {
    found.push({ rule: 'content-type', message: `Content-Type is ${answer.headers['content-type'] ?? 'missing'}; the contract documents ${declared.join(' or ')} for ${response.status}` });
  }
  // A body whose documented media type is not JSON is not the validators' to judge.
  if (!jsonContent(response.contents)) return found;
  const parsed = parseJson(answer.body);
  if (!parsed.ok) return [...found, { rule: 'not-json', message: `the body is not JSON (${parsed.error}); the contract documents ${declared.join(' or ')}` }];
  const result = context.validators.validateResponse(operation.operationId, answer.status, parsed.value, { strict: context.strict });
  if (result.valid) return found;
  for (const error of result.errors) found.push({ rule: 'schema', pointer: error.pointer, message: error.message });
  if (answer.status >= 400) {
    const owner = envelopeOwner(context, operation, answer.status, parsed.value);
    // The plainest diagnosis first: the validator's words follow it.
    if (owner) found.unshift({ rule: 'envelope', message: `the body is in the ${owner} service's error envelope, not the ${operation.service} service's` });
  }
  return found;
}

function bodyRequestId(answer: Answer): { present: boolean; value?: unknown } {
  const parsed = parseJson(answer.body);
  if (!parsed.ok || parsed.value === null || typeof parsed.value !== 'object' || Array.isArray(parsed.value)) return { present: false };
  const body = parsed.value as Record<string, unknown>;
  return Object.hasOwn(body, 'request_id') ? { present: true, value: body.request_id } : { present: false };
}

function expectation(context: CheckContext, operation: Operation, answer: Answer, expected: Expectation): Violation[] {
  switch (expected.kind) {
    case 'documented':
      return documented(context, operation, answer);
    case 'status': {
      const wrong = answer.status === expected.status ? [] : [{ rule: `expected-${expected.status}`, message: `expected ${expected.status}, got ${answer.status}: ${expected.rule}` }];
      return [...wrong, ...documented(context, operation, answer)];
    }
    case 'client-error': {
      const refused = answer.status >= 400 && answer.status < 500 && answer.status !== 401;
      const wrong = refused ? [] : [{ rule: 'expected-4xx', message: `expected a documented 4xx, got ${answer.status}: ${expected.rule}` }];
      return [...wrong, ...documented(context, operation, answer)];
    }
    case 'not-denied':
      return answer.status === 401 || answer.status === 403 ? [{ rule: 'denied', message: `got ${answer.status}, though ${expected.rule}` }] : [];
    case 'request-id-echo': {
      const found: Violation[] = [];
      const header = answer.headers['x-request-id'];
      if (header !== expected.sent) found.push({ rule: 'request-id', message: `sent X-Request-ID "${expected.sent}", the answer's X-Request-ID is ${header === undefined ? 'missing' : `"${header}"`}` });
      const body = bodyRequestId(answer);
      if (body.present && body.value !== expected.sent) {
        found.push({ rule: 'request-id', pointer: '/request_id', message: `sent X-Request-ID "${expected.sent}", the body's request_id is ${JSON.stringify(body.value)}` });
      }
      return found;
    }
    case 'request-id-generated': {
      const header = answer.headers['x-request-id'];
      if (!header) return [{ rule: 'request-id', message: 'the answer has no X-Request-ID header, though every answer documents one' }];
      const body = bodyRequestId(answer);
      if (body.present && body.value !== header) {
        return [{ rule: 'request-id', pointer: '/request_id', message: `the body's request_id ${JSON.stringify(body.value)} differs from the X-Request-ID header "${header}"` }];
      }
      return [];
    }
  }
}

/** Every violation of `check` in `answer`; none means the check passed. A 5xx never passes. */
export function checkAnswer(context: CheckContext, operation: Operation, check: Check, answer: Answer): Violation[] {
  if (answer.error) return [{ rule: 'no-answer', message: answer.error }];
  const found = check.expectations.flatMap((expected) => expectation(context, operation, answer, expected));
  if (answer.status >= 500 && !found.some((violation) => violation.rule === 'server-error')) {
    found.unshift({ rule: 'server-error', message: `a server error (${answer.status}) is never a documented answer` });
  }
  const seen = new Set<string>();
  return found.filter((violation) => {
    const key = `${violation.rule}\u0000${violation.pointer ?? ''}\u0000${violation.message}`;
    return !seen.has(key) && (seen.add(key), true);
  });
}
