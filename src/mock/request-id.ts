// Request identifiers: the client's X-Request-ID when it sent one, else a fresh `req_` + ULID-like id.
import { randomBytes } from 'node:crypto';

/** Crockford's base32, the alphabet of ULIDs (no I, L, O, U). */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A 26-character ULID: 48 bits of milliseconds then 80 random bits, so ids sort by creation time. */
export function ulid(now: number = Date.now()): string {
  let time = '';
  let remaining = now;
  for (let i = 0; i < 10; i++) {
    time = CROCKFORD[remaining % 32] + time;
    remaining = Math.floor(remaining / 32);
  }
  const random = randomBytes(16);
  let tail = '';
  for (let i = 0; i < 16; i++) tail += CROCKFORD[random[i] % 32];
  return time + tail;
}

/** Ids in the services' style: a prefix such as `req_`, `rule_` or `txr_` followed by a ULID. */
export function newId(prefix: string, now?: number): string {
  return prefix + ulid(now);
}

/** The longest client-provided X-Request-ID echoed back; longer values are replaced, not truncated. */
export const MAX_REQUEST_ID_LENGTH = 200;

/**
 * The request id of one request: the client's `X-Request-ID` when it is a usable header value,
 * otherwise a generated `req_...` id.
 */
export function requestIdFor(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  if (value !== undefined) {
    const trimmed = value.trim();
    // Only printable ASCII can be echoed back safely in a response header.
    if (trimmed.length > 0 && trimmed.length <= MAX_REQUEST_ID_LENGTH && /^[\x21-\x7e]+$/.test(trimmed)) {
      return trimmed;
    }
  }
  return newId('req_');
}
