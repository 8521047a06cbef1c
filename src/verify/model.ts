// The verifier's vocabulary, shared by its stages: a probe (one request and the checks its answer
// decides), what each check expects, the answer as received, and the result reported per check.
import type { Operation } from '../core/contract.js';
import type { PlannedRequest } from './requests.js';

/** What a check expects of an answer. Every expectation also refuses a 5xx. */
export type Expectation =
  /** A documented status, its documented Content-Type, and a body its schema accepts. */
  | { kind: 'documented' }
  /** Exactly `status`, and documented as above; `rule` is the contract's words for why. */
  | { kind: 'status'; status: number; rule: string }
  /** A documented 4xx other than 401 (the request carried credentials), documented as above. */
  | { kind: 'client-error'; rule: string }
  /** Neither 401 nor 403: the key holds the scope and the resource. */
  | { kind: 'not-denied'; rule: string }
  /** The X-Request-ID sent comes back in the header and, where the body has one, in `request_id`. */
  | { kind: 'request-id-echo'; sent: string }
  /** Without an X-Request-ID, the answer has one, and the body's `request_id` (if any) agrees. */
  | { kind: 'request-id-generated' };

export interface Check {
  /** Stable name within its operation: `example:autoSaveOnDeposit`, `scope:missing`, `generated:12`. */
  id: string;
  /** One sentence saying what is checked, with the key or value used. */
  title: string;
  expectations: Expectation[];
}

/** The answer as received; `error` when there was none (refused connection, timeout). */
export interface Answer {
  status: number;
  /** Header names in lower case. */
  headers: Record<string, string>;
  body: string;
  error?: string;
}

/** One problem with an answer: a short rule name, the contract's words, and where (a JSON pointer). */
export interface Violation {
  rule: string;
  message: string;
  pointer?: string;
}

/** One request to send and the checks its answer decides. */
export interface Probe {
  kind: 'probe';
  operation: Operation;
  request: PlannedRequest;
  checks: Check[];
  /** Steps planned from this probe's answer (the resource a key needs may only be named there). */
  followUp?: (answer: Answer) => Step[];
}

/** A check that cannot be made, and why; it is reported, never dropped. */
export interface Skip {
  kind: 'skip';
  operation: Operation;
  check: Omit<Check, 'expectations'>;
  reason: string;
}

export type Step = Probe | Skip;

export interface Exchange {
  request: PlannedRequest;
  url: string;
  answer: Answer;
}

export interface CheckResult {
  operationId: string;
  check: string;
  title: string;
  outcome: 'passed' | 'failed' | 'skipped';
  /** Why it failed (the first violation) or was skipped. */
  reason?: string;
  violations: Violation[];
  exchange?: Exchange;
}
