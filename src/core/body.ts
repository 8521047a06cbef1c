// The parse stage: the request body as the operation documents it (JSON parsed, or text), or the
// error to answer instead: too large, not a declared media type, not JSON, nested too deep, or a
// number JSON can write but no client can mean (1e400 is Infinity once parsed).
import type { Operation } from './contract.js';
import { errors } from './errors.js';
import { isJsonMediaType, mediaTypeMatches, mediaTypeOf, type MockRequest } from './http.js';
import { toPointer } from './json-pointer.js';
import type { ServiceError } from './services.js';

export interface BodyLimits {
  /** Bodies above this many bytes are refused (413). */
  maxBytes: number;
  /** Arrays and objects nested deeper than this are refused (400/422) before they are parsed. */
  maxDepth: number;
}

export const DEFAULT_BODY_LIMITS: BodyLimits = { maxBytes: 1024 * 1024, maxDepth: 64 };

export type ParsedBody = { ok: true; body: unknown } | { ok: false; error: ServiceError };

/** Whether `text` takes more than `limit` bytes in UTF-8 (a UTF-16 unit is 1 to 3 bytes: count only when that leaves it open). */
function longerThan(text: string, limit: number): boolean {
  if (text.length > limit) return true;
  return text.length * 3 > limit && new TextEncoder().encode(text).byteLength > limit;
}

/** How deep the text's arrays and objects nest, counted without parsing (strings skipped). */
function nestingExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (inString) {
      if (char === 0x5c) i++; // backslash: skip the escaped character
      else if (char === 0x22) inString = false;
    } else if (char === 0x22) inString = true;
    else if (char === 0x5b || char === 0x7b) {
      if (++depth > limit) return true;
    } else if (char === 0x5d || char === 0x7d) depth--;
  }
  return false;
}

/** The pointer of the first number that is not finite (JSON.parse turns 1e400 into Infinity). */
function firstNonFinite(value: unknown, path: Array<string | number> = []): string | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : toPointer(path);
  if (value === null || typeof value !== 'object') return undefined;
  for (const [key, child] of Object.entries(value)) {
    const found = firstNonFinite(child, [...path, Array.isArray(value) ? Number(key) : key]);
    if (found !== undefined) return found;
  }
  return undefined;
}

function invalid(operation: Operation, pointer: string, message: string, summary: string): ParsedBody {
  return { ok: false, error: errors.validation(operation.service, [{ pointer, message }], summary) };
}

export function parseBody(operation: Operation, request: MockRequest, limits: BodyLimits): ParsedBody {
  if (request.bodyTooLarge || (request.body !== undefined && longerThan(request.body, limits.maxBytes))) {
    return { ok: false, error: errors.payloadTooLarge(limits.maxBytes) };
  }
  const text = request.body;
  if (text === undefined || text.length === 0) return { ok: true, body: undefined };
  const declared = operation.requestBody?.contents.map((content) => content.mediaType) ?? [];
  // As Prism does: a body where none is documented is content the operation does not support.
  if (declared.length === 0) return { ok: false, error: errors.bodyNotAccepted(operation.method, operation.path) };
  const contentType = request.headers['content-type'];
  const mediaType = mediaTypeOf(contentType);
  if (!mediaType || !declared.some((candidate) => mediaTypeMatches(mediaType, candidate))) {
    return { ok: false, error: errors.unsupportedMediaType(contentType, declared) };
  }
  if (!isJsonMediaType(mediaType)) return { ok: true, body: text };
  if (nestingExceeds(text, limits.maxDepth)) {
    return invalid(operation, '', `Arrays and objects may nest at most ${limits.maxDepth} levels deep.`, 'The request body nests too deep.');
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    return invalid(operation, '', `Not valid JSON: ${(error as Error).message}.`.replace(/\.\.$/, '.'), 'The request body is not valid JSON.');
  }
  const nonFinite = firstNonFinite(body);
  if (nonFinite !== undefined) {
    return invalid(operation, nonFinite, 'Must be a finite number: this one is too large to represent.', 'The request body is invalid.');
  }
  return { ok: true, body };
}
