// What the respond stage hands a responder, and what it gets back: an answer to send, or a refusal in
// the owning service's envelope. Responders build answers; they never decide who may ask.
import type { Operation } from '../contract.js';
import type { ApiKey } from '../keys.js';
import type { MockPreferences } from '../prefer.js';
import type { ServiceError } from '../services.js';
import type { ParameterValues } from '../validation.js';

export interface RespondContext {
  operation: Operation;
  /** The request's path as sent (percent-encoded). */
  path: string;
  /** The path template's parameters, decoded. */
  pathParams: Record<string, string>;
  /** The parameters coerced to their schemas' types. */
  values: ParameterValues;
  /** The parsed body (undefined when none), valid against the operation. */
  body: unknown;
  preferences: MockPreferences;
  /** Where the preferences came from (`header:Prefer`, `query:__code`...), for the note when one is ignored. */
  preferenceSource: string;
  accept: string | undefined;
  /** Stable per caller (`apikey:<key>`, `bearer:<token>`): the unit of per-caller memory. */
  callerId: string;
  apiKey?: ApiKey;
  /** When the request is handled, in milliseconds since the epoch. */
  now: number;
}

export interface Answer {
  kind: 'answer';
  status: number;
  /** The media type of the body; absent when there is no body. */
  mediaType?: string;
  /** A JSON value (sent as JSON for JSON media types) or text; absent for no content. */
  body?: unknown;
  /** Why the answer is not the one asked for (an ignored Prefer...): sent as X-Mock-Reason. */
  note?: string;
}

export interface Refusal {
  kind: 'refusal';
  error: ServiceError;
  headers?: Record<string, string>;
}

export type Outcome = Answer | Refusal;

export interface Responder {
  respond(context: RespondContext): Promise<Outcome>;
  /** Forgets what this responder remembers of `owner` (or of everyone); examples remember nothing. */
  reset?(owner?: string): Promise<void>;
}

export function refusal(error: ServiceError, headers?: Record<string, string>): Refusal {
  return { kind: 'refusal', error, ...(headers ? { headers } : {}) };
}
