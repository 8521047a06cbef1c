// The shape of a stateful operation: a function from a caller's space and a valid request to a reply.
// Handlers change the space in memory and nothing else; the responder does the I/O around them.
import type { AccountDirectory } from './seed.js';

export interface StateRequest {
  pathParams: Record<string, string>;
  query: Record<string, string | string[]>;
  /** The parsed JSON body, already validated against the operation by Prism. */
  body: unknown;
  /** When the request is handled: its ids and timestamps are made from it. */
  now: Date;
  /** The accounts the contract's examples name, for the names and types transfers and rules show. */
  accounts: AccountDirectory;
}

export interface Reply {
  status: number;
  /** Absent for 204 No Content. */
  body?: unknown;
  /** The space was changed (so the state file must be written). */
  changed?: boolean;
}

export type Handler<Space> = (space: Space, request: StateRequest) => Reply;

/** A service's stateful operations, by operationId. */
export type Handlers<Space> = Record<string, Handler<Space>>;

/** The first value of a query parameter (a repeated one counts once). */
export function queryValue(query: Record<string, string | string[]>, name: string): string | undefined {
  const value = query[name];
  return Array.isArray(value) ? value[0] : value;
}

/** An integer query parameter Prism has already checked, or its default. */
export function queryInteger(query: Record<string, string | string[]>, name: string, fallback: number): number {
  const value = queryValue(query, name);
  return value === undefined ? fallback : Number(value);
}
