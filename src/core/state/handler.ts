// The shape of a stateful operation: a function from a caller's space and a valid request to a reply.
// Handlers read and write the space and nothing else; the stateful responder runs each in one transaction.
import type { IdGenerator } from '../ids.js';
import type { AccountDirectory } from './seed.js';
import type { Space } from './space.js';

export interface StateRequest {
  pathParams: Record<string, string>;
  /** Query parameters coerced to their schemas' types (validated). */
  query: Record<string, unknown>;
  /** The parsed JSON body, valid against the operation. */
  body: unknown;
  /** When the request is handled: its ids and timestamps are made from it. */
  now: Date;
  ids: IdGenerator;
  /** The accounts the contract's examples name, for the names and types transfers and rules show. */
  accounts: AccountDirectory;
}

export interface Reply {
  status: number;
  /** Absent for 204 No Content. */
  body?: unknown;
}

export type Handler = (space: Space, request: StateRequest) => Promise<Reply>;

/** A service's stateful operations, by operationId. */
export type Handlers = Record<string, Handler>;

/** A query parameter's value as a string, if given (a repeated one counts once). */
export function queryString(query: Record<string, unknown>, name: string): string | undefined {
  const value = query[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined ? undefined : String(first);
}

/** An integer query parameter (already coerced and checked), or its default. */
export function queryInteger(query: Record<string, unknown>, name: string, fallback: number): number {
  const value = queryString(query, name);
  return value === undefined ? fallback : Number(value);
}

/** ISO 8601 UTC to the second, as every example of the contract prints it (`2024-03-01T10:00:00Z`). */
export function timestamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The timestamp `minutes` after `from` (a comms step's delay). */
export function minutesAfter(from: string, minutes: number): string {
  return timestamp(new Date(Date.parse(from) + minutes * 60_000));
}
