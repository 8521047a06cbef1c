// What a storage engine hands the mock: the stateful resources, the Idempotency-Key memory, and a
// description of where they live for the ready banner. The in-memory engine is the default.
import type { MockResponse } from '../../core/http.js';
import { DAY_MS, MemoryIdempotencyStore, type IdempotencyStore, type MemoryIdempotencyOptions } from '../../core/idempotency.js';
import { MemoryStore, type ResourceStore } from '../../core/state/store.js';

export interface StorageEngine {
  resources: ResourceStore;
  idempotency: IdempotencyStore;
  /** Where state lives, as the banner prints it (`in memory`, a file, a URL without its password). */
  where: string;
  /** Something the user should know about how the store was opened (a state file migrated). */
  notice?: string;
  close(): Promise<void>;
}

export function memoryEngine(): StorageEngine {
  const resources = new MemoryStore();
  return { resources, idempotency: new MemoryIdempotencyStore(), where: 'in memory', close: () => resources.close() };
}

/** A recorded answer as stored text, and back: headers and body exactly as first sent. */
export const answerJson = {
  write: (response: MockResponse): string => JSON.stringify(response),
  read: (text: string): MockResponse => JSON.parse(text) as MockResponse,
};

/** How long the SQL engines keep an answer, and how many they keep, as the memory store does by default. */
export interface AnswerLimits {
  ttlMs: number;
  maxEntries: number;
  /** Expired and surplus answers are deleted once per this many first uses of a key. */
  pruneEvery: number;
}

export function answerLimits(options: MemoryIdempotencyOptions = {}): AnswerLimits {
  return { ttlMs: options.ttlMs ?? DAY_MS, maxEntries: options.maxEntries ?? 10_000, pruneEvery: 100 };
}
