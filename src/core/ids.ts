// Identifiers as the services write them: a prefix (`req_`, `rule_`, `txr_`...) and a ULID, and the
// client's X-Request-ID when it can be echoed. The random source is the platform's Web Crypto.

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
  const random = crypto.getRandomValues(new Uint8Array(16));
  let tail = '';
  for (let i = 0; i < 16; i++) tail += CROCKFORD[random[i] % 32];
  return time + tail;
}

/** Makes the ids of new resources and requests; replaceable so that tests can predict them. */
export type IdGenerator = (prefix: string, now: number) => string;

export const ulidIds: IdGenerator = (prefix, now) => prefix + ulid(now);

/** The longest client-provided X-Request-ID the contract echoes (its maxLength). */
export const MAX_REQUEST_ID_LENGTH = 200;

/** The client's X-Request-ID when it is one the contract echoes: printable ASCII, 1 to 200 characters once trimmed. */
export function echoableRequestId(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const trimmed = header.trim();
  return trimmed.length > 0 && trimmed.length <= MAX_REQUEST_ID_LENGTH && /^[\x20-\x7e]+$/.test(trimmed) ? trimmed : undefined;
}
