// Idempotency-Key memory: per caller, the first answer to a key is replayed for 24 hours; bounded in size.
import { createHash } from 'node:crypto';

/** An answer exactly as it was sent, so that a replay is byte-for-byte the same. */
export interface RecordedResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface IdempotencyOptions {
  /** How long a key is remembered, from its first use (the docs: 24 hours). */
  ttlMs?: number;
  /** At most this many keys are remembered across all callers; the oldest are forgotten first. */
  maxEntries?: number;
  /** The clock, replaceable in tests. */
  now?: () => number;
}

export const DAY_MS = 24 * 60 * 60 * 1000;

interface Entry {
  fingerprint: string;
  expiresAt: number;
  /** Settles with the answer, or with undefined when the first request recorded none. */
  response: Promise<RecordedResponse | undefined>;
  settled?: RecordedResponse;
}

/** The outcome of presenting a key: run the request, replay an answer, or refuse a different body. */
export type Claim =
  | { kind: 'first'; record(response: RecordedResponse): void; release(): void }
  | { kind: 'replay'; response: RecordedResponse }
  | { kind: 'mismatch' };

/**
 * A fingerprint of what makes two requests "the same": method, path, query and the body's JSON value
 * (property order does not matter, so a client re-serializing the same object is not refused).
 */
export function requestFingerprint(method: string, pathAndQuery: string, body: unknown): string {
  return createHash('sha256')
    .update(`${method} ${pathAndQuery}\n`)
    .update(canonicalJson(body))
    .digest('base64url');
}

function canonicalJson(value: unknown): string {
  if (value === undefined) return '';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const keys = Object.keys(value).sort();
  return `{${keys.map(k => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
}

export class IdempotencyStore {
  readonly ttlMs: number;
  readonly maxEntries: number;
  private readonly now: () => number;
  /** Insertion order is expiry order (one TTL for all), so the oldest entries are always first. */
  private readonly entries = new Map<string, Entry>();

  constructor(options: IdempotencyOptions = {}) {
    this.ttlMs = options.ttlMs ?? DAY_MS;
    this.maxEntries = options.maxEntries ?? 10_000;
    this.now = options.now ?? Date.now;
  }

  get size(): number {
    return this.entries.size;
  }

  /**
   * Presents `idempotencyKey` for `caller` (keys of different callers never collide). A concurrent
   * duplicate waits for the first request's answer instead of running twice.
   */
  async claim(caller: string, idempotencyKey: string, fingerprint: string): Promise<Claim> {
    this.forgetExpired();
    const id = `${caller}\u0000${idempotencyKey}`;
    const existing = this.entries.get(id);
    if (existing) {
      if (existing.fingerprint !== fingerprint) return { kind: 'mismatch' };
      const response = existing.settled ?? (await existing.response);
      if (response) return { kind: 'replay', response };
      // The first request ended without an answer worth keeping: this one runs as the first.
      return this.claim(caller, idempotencyKey, fingerprint);
    }

    let settle!: (response: RecordedResponse | undefined) => void;
    const entry: Entry = {
      fingerprint,
      expiresAt: this.now() + this.ttlMs,
      response: new Promise(resolve => (settle = resolve)),
    };
    this.entries.set(id, entry);
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
    let done = false;
    return {
      kind: 'first',
      record: response => {
        if (done) return;
        done = true;
        entry.settled = response;
        settle(response);
      },
      release: () => {
        if (done) return;
        done = true;
        if (this.entries.get(id) === entry) this.entries.delete(id);
        settle(undefined);
      },
    };
  }

  private forgetExpired(): void {
    const now = this.now();
    for (const [id, entry] of this.entries) {
      if (entry.expiresAt > now) break;
      this.entries.delete(id);
    }
  }
}
