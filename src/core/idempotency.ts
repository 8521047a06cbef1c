// Idempotency-Key: per caller, the first answer to a key is replayed for 24 hours; the same key with
// another request is refused, saying what differs. The memory of answers is injected (IdempotencyStore):
// in memory here, in a database when several mock instances share it.
import type { MockResponse } from './http.js';

/** What makes two requests "the same", part by part, so that a mismatch can say which part differs. */
export interface RequestFingerprint {
  method: string;
  path: string;
  /** SHA-256 of the query's canonical form (names sorted). */
  query: string;
  /** SHA-256 of the body's canonical JSON (property order does not matter). */
  body: string;
}

/** The outcome of presenting a key: run the request, replay an answer, or refuse a different request. */
export type Claim =
  | { kind: 'first'; record(response: MockResponse): Promise<void>; release(): Promise<void> }
  | { kind: 'replay'; response: MockResponse }
  | { kind: 'mismatch'; recorded: RequestFingerprint };

export interface IdempotencyStore {
  /**
   * Presents `key` for `caller` (keys of different callers never collide). A concurrent duplicate
   * waits for the first request's answer instead of running twice.
   */
  claim(caller: string, key: string, fingerprint: RequestFingerprint, now: number): Promise<Claim>;
  /** Forgets the answers of one caller, or of every caller. */
  reset(caller?: string): Promise<void>;
}

export const DAY_MS = 24 * 60 * 60 * 1000;

function canonicalJson(value: unknown): string {
  if (value === undefined) return '';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const keys = Object.keys(value).sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`).join(',')}}`;
}

async function sha256(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  let binary = '';
  for (const byte of digest) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The fingerprint of a request; `body` is the parsed JSON (its nesting is bounded by the parse stage). */
export async function fingerprintOf(method: string, path: string, query: Record<string, unknown>, body: unknown): Promise<RequestFingerprint> {
  const sortedQuery = Object.fromEntries(Object.entries(query).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return { method, path, query: await sha256(canonicalJson(sortedQuery)), body: await sha256(canonicalJson(body)) };
}

const PART_NAMES: Array<[keyof RequestFingerprint, string]> = [
  ['method', 'method'],
  ['path', 'path'],
  ['query', 'query string'],
  ['body', 'request body'],
];

/** "a different path and request body": what the mismatch message says. */
export function describeDifference(recorded: RequestFingerprint, presented: RequestFingerprint): string {
  const parts = PART_NAMES.filter(([part]) => recorded[part] !== presented[part]).map(([, name]) => name);
  const listed = parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
  return `a different ${listed || 'request'}`;
}

export interface MemoryIdempotencyOptions {
  /** How long a key is remembered, from its first use (the docs: 24 hours). */
  ttlMs?: number;
  /** At most this many keys are remembered across all callers; the oldest are forgotten first. */
  maxEntries?: number;
}

interface Entry {
  caller: string;
  fingerprint: RequestFingerprint;
  expiresAt: number;
  /** Settles with the answer, or with undefined when the first request recorded none. */
  response: Promise<MockResponse | undefined>;
  settled?: MockResponse;
}

/** Two requests are the same when every part of their fingerprints is. */
export const sameFingerprint = (a: RequestFingerprint, b: RequestFingerprint) => a.method === b.method && a.path === b.path && a.query === b.query && a.body === b.body;

/** The in-memory store: one process, bounded, the default. */
export class MemoryIdempotencyStore implements IdempotencyStore {
  readonly ttlMs: number;
  readonly maxEntries: number;
  /** Insertion order is expiry order (one TTL for all), so the oldest entries are always first. */
  private readonly entries = new Map<string, Entry>();

  constructor(options: MemoryIdempotencyOptions = {}) {
    this.ttlMs = options.ttlMs ?? DAY_MS;
    this.maxEntries = options.maxEntries ?? 10_000;
  }

  get size(): number {
    return this.entries.size;
  }

  async claim(caller: string, key: string, fingerprint: RequestFingerprint, now: number): Promise<Claim> {
    this.forgetExpired(now);
    const id = `${caller}\u0000${key}`;
    const existing = this.entries.get(id);
    if (existing) {
      if (!sameFingerprint(existing.fingerprint, fingerprint)) return { kind: 'mismatch', recorded: existing.fingerprint };
      const response = existing.settled ?? (await existing.response);
      if (response) return { kind: 'replay', response };
      // The first request ended without an answer worth keeping: this one runs as the first.
      return this.claim(caller, key, fingerprint, now);
    }
    let settle!: (response: MockResponse | undefined) => void;
    const entry: Entry = { caller, fingerprint, expiresAt: now + this.ttlMs, response: new Promise((resolve) => (settle = resolve)) };
    this.entries.set(id, entry);
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    let done = false;
    return {
      kind: 'first',
      record: async (response) => {
        if (done) return;
        done = true;
        entry.settled = response;
        settle(response);
      },
      release: async () => {
        if (done) return;
        done = true;
        if (this.entries.get(id) === entry) this.entries.delete(id);
        settle(undefined);
      },
    };
  }

  async reset(caller?: string): Promise<void> {
    if (caller === undefined) this.entries.clear();
    else for (const [id, entry] of this.entries) if (entry.caller === caller) this.entries.delete(id);
  }

  private forgetExpired(now: number): void {
    for (const [id, entry] of this.entries) {
      if (entry.expiresAt > now) break;
      this.entries.delete(id);
    }
  }
}
