// Which documented answer a valid request gets: the status, the media type and the example, picked
// by the rules Prism 5 follows (lowest 2xx by default; `Prefer: code=`, `example=`, `dynamic=`; the
// Accept header), so a client sees the same answer from this mock as from bare Prism.
import Negotiator from 'negotiator';
import type { Content, Example, Operation, Response } from './contract.js';

export interface Desired {
  code?: number;
  exampleKey?: string;
  dynamic?: boolean;
}

export interface Selection {
  status: number;
  response: Response;
  /** Absent: the answer has no body. */
  content?: Content;
  /** The media type sent (Prism answers `*\/*` content as text/plain). */
  mediaType?: string;
  /** The example to answer; absent with a content when the body is generated from its schema. */
  example?: Example;
  /** How a body without an example is made: `dynamic` when asked, `static` (from the schema) otherwise. */
  generate?: 'dynamic' | 'static';
}

export type Negotiation =
  | { ok: true; selection: Selection }
  | { ok: false; kind: 'not-found' | 'not-acceptable' | 'no-response' | 'no-schema'; message: string };

const fail = (kind: Extract<Negotiation, { ok: false }>['kind'], message: string): Negotiation => ({ ok: false, kind, message });

/** The content a list of accepted media types prefers, as the `accepts` package (Prism's) decides it. */
function bestContent(contents: Content[], accepted: string[]): Content | undefined {
  const types = contents.map((content) => content.mediaType);
  const accept = accepted.join(',');
  const best = accept === '' ? types[0] : new Negotiator({ headers: { accept } }).mediaTypes(types)[0];
  if (best) return contents.find((content) => content.mediaType === best);
  // Prism's second try: the accepted types without their parameters (but q).
  const withParameters = accepted.filter((type) => type.split(';').slice(1).some((parameter) => parameter.split('=')[0].trim().toLowerCase() !== 'q'));
  if (withParameters.length === 0) return undefined;
  const stripped = withParameters.map((type) => {
    const [base, ...parameters] = type.split(';');
    return [base.trim(), ...parameters.filter((parameter) => parameter.split('=')[0].trim().toLowerCase() === 'q')].join(';');
  });
  return bestContent(contents, stripped);
}

function fromContent(status: number, response: Response, content: Content, desired: Desired): Negotiation {
  const mediaType = content.mediaType === '*/*' ? 'text/plain' : content.mediaType;
  const selection = { status, response, content, mediaType };
  if (desired.exampleKey !== undefined) {
    const example = content.examples.find((candidate) => candidate.name === desired.exampleKey);
    if (!example) return fail('not-found', `Response for contentType: ${content.mediaType} and exampleKey: ${desired.exampleKey} does not exist.`);
    return { ok: true, selection: { ...selection, example } };
  }
  if (desired.dynamic) {
    if (!content.schema) return fail('no-schema', `Tried to force a dynamic response for: ${content.mediaType} but schema is not defined.`);
    return { ok: true, selection: { ...selection, generate: 'dynamic' } };
  }
  const [first] = content.examples;
  if (first) return { ok: true, selection: { ...selection, example: first } };
  return { ok: true, selection: content.schema ? { ...selection, generate: 'static' } : selection };
}

function fromResponse(method: string, status: number, response: Response, desired: Desired, accepted: string[] | undefined): Negotiation {
  if (method === 'HEAD') return { ok: true, selection: { status, response } };
  if (accepted === undefined) {
    const content = response.contents.find((candidate) => candidate.mediaType === '*/*') ?? bestContent(response.contents, ['application/json', '*/*']);
    return content ? fromContent(status, response, content, desired) : { ok: true, selection: { status, response } };
  }
  const content = bestContent(response.contents, accepted);
  if (content) return fromContent(status, response, content, desired);
  if (response.contents.length > 0 && response.status !== '204' && !accepted.some((type) => type.includes('*/*'))) {
    return fail('not-acceptable', `Unable to find content for ${accepted.join(',')}`);
  }
  return { ok: true, selection: { status, response } };
}

/** `2XX` answers as 200, like Prism. */
const statusOf = (response: Response) => (/^\dXX$/.test(response.status) ? Number(`${response.status[0]}00`) : Number(response.status));

function forDefaultCode(operation: Operation, desired: Desired, accepted: string[] | undefined): Negotiation {
  const successes = operation.responses.filter((response) => /^2(\d\d|XX)$/.test(response.status)).sort((a, b) => (a.status < b.status ? -1 : a.status > b.status ? 1 : 0));
  const fallback = operation.responses.find((response) => response.status === 'default');
  if (successes[0]) return fromResponse(operation.method, statusOf(successes[0]), successes[0], desired, accepted);
  if (fallback) return fromResponse(operation.method, 200, fallback, desired, accepted);
  const first = operation.responses[0];
  if (!first) return fail('no-response', `${operation.operationId} documents no response.`);
  return fromResponse(operation.method, statusOf(first), first, desired, accepted);
}

function forCode(operation: Operation, code: number, desired: Desired, accepted: string[] | undefined): Negotiation {
  const response =
    operation.responses.find((candidate) => candidate.status.toLowerCase() === String(code)) ??
    operation.responses.find((candidate) => candidate.status === `${String(code)[0]}XX`) ??
    operation.responses.find((candidate) => candidate.status === 'default');
  if (!response) return fail('not-found', `Requested status code ${code} is not defined in the document.`);
  const negotiated = fromResponse(operation.method, code, response, desired, accepted);
  // Prism's fallback: when the asked response cannot answer as desired, the default one tries.
  return negotiated.ok ? negotiated : forDefaultCode(operation, desired, accepted);
}

/** The answer `operation` gives a valid request with these preferences and this Accept header. */
export function negotiate(operation: Operation, desired: Desired, accept: string | undefined): Negotiation {
  const accepted = accept === undefined ? undefined : accept.split(',');
  return desired.code !== undefined ? forCode(operation, desired.code, desired, accepted) : forDefaultCode(operation, desired, accepted);
}

