// The core picks the documented answer the way Prism 5 does: for every operation, every documented
// status, every named example and every Prefer form (and a few Accept headers), the status, the media
// type and the example the core chooses are those bare Prism answers with, in process.
import { createRequire } from 'node:module';
import { isDeepStrictEqual } from 'node:util';
import type { IHttpConfig } from '@stoplight/prism-http';
import type { HttpMethod, IHttpOperation } from '@stoplight/types';
import { beforeAll, describe, expect, it } from 'vitest';
import { readContract, type Operation } from '../../src/core/contract.js';
import { negotiate, type Desired } from '../../src/core/negotiate.js';
import { exampleRequest } from '../../src/verify/requests.js';
import { bundledSpecPath, readBundle } from '../mock/spec.js';

type PrismHttp = typeof import('@stoplight/prism-http');
const prismHttp = createRequire(import.meta.url)('@stoplight/prism-http') as PrismHttp;

const document = readBundle(bundledSpecPath());
const operations = readContract(document).operations.filter((operation) => !operation.webhook);

const noop = () => {};
const logger = { level: 'silent', trace: noop, debug: noop, info: noop, success: noop, warn: noop, error: noop, fatal: noop, child: () => logger };
/** Bare Prism choosing answers: no checks of its own, no generated bodies. */
const BARE: IHttpConfig = { checkSecurity: false, validateRequest: false, validateResponse: false, errors: false, upstreamProxy: undefined, isProxy: false, mock: { dynamic: false } };
const prism = prismHttp.createInstance(BARE, { logger: logger as never });
let prismOperations: Map<string, IHttpOperation>;

beforeAll(async () => {
  const found = await prismHttp.getHttpOperationsFromSpec(structuredClone(document));
  prismOperations = new Map(found.map((operation) => [operation.iid!, operation]));
});

interface Form {
  label: string;
  desired: Desired;
  accept?: string;
}

/** Every Prefer form worth asking: none, each status, each example, each status with each example, a status nobody documents. */
function formsOf(operation: Operation): Form[] {
  const statuses = operation.responses.map((response) => response.status).filter((status) => /^\d+$/.test(status));
  const examples = [...new Set(operation.responses.flatMap((response) => response.contents.flatMap((content) => content.examples.map((example) => example.name))))];
  const forms: Form[] = [{ label: 'no Prefer', desired: {} }, { label: 'code=418', desired: { code: 418 } }];
  for (const status of statuses) forms.push({ label: `code=${status}`, desired: { code: Number(status) } });
  for (const name of examples) {
    forms.push({ label: `example=${name}`, desired: { exampleKey: name } });
    for (const status of statuses) forms.push({ label: `code=${status}, example=${name}`, desired: { code: Number(status), exampleKey: name } });
  }
  for (const accept of ['application/json', '*/*', 'text/html', 'text/plain;q=0.9, application/json;q=0.8']) forms.push({ label: `Accept: ${accept}`, desired: {}, accept });
  return forms;
}

type Choice = { status: number; mediaType?: string; body?: unknown } | { error: string };

/**
 * Prism names its refusals (`https://stoplight.io/prism/errors#NOT_FOUND`), except after its fallback
 * from a status to the default answer, where it wraps the refusal's text in a plain Error.
 */
function prismErrorKind(error: Error): string {
  const named = error.name.replace(/^.*#/, '');
  if (named !== 'Error') return named;
  const wrapped = /errors#([A-Z_]+)/.exec(error.message)?.[1];
  return wrapped ?? error.message;
}

async function prismChoice(operation: Operation, form: Form): Promise<Choice> {
  const request = exampleRequest(document, operation);
  const url = new URL(request.path, 'http://mock.local');
  const config: IHttpConfig = {
    ...BARE,
    mock: { dynamic: false, ...(form.desired.code !== undefined ? { code: form.desired.code } : {}), ...(form.desired.exampleKey !== undefined ? { exampleKey: form.desired.exampleKey } : {}) },
  };
  const result = await prism.request(
    {
      method: operation.method.toLowerCase() as HttpMethod,
      url: { path: url.pathname, query: Object.fromEntries(url.searchParams) },
      headers: { ...request.headers, ...(form.accept ? { accept: form.accept } : {}) },
      body: request.body,
    },
    [prismOperations.get(operation.operationId)!],
    config,
  )();
  if (result._tag === 'Left') return { error: prismErrorKind(result.left as Error) };
  const { statusCode, headers, body } = result.right.output;
  // Prism labels an answer without content text/plain; without a body there is nothing to label.
  const mediaType = body === undefined ? undefined : (headers?.['Content-type'] as string | undefined);
  return { status: statusCode, ...(mediaType ? { mediaType } : {}), ...(body !== undefined ? { body } : {}) };
}

function coreChoice(operation: Operation, form: Form): Choice {
  const negotiated = negotiate(operation, form.desired, form.accept);
  if (!negotiated.ok) return { error: negotiated.kind === 'not-found' ? 'NOT_FOUND' : negotiated.kind === 'not-acceptable' ? 'NOT_ACCEPTABLE' : negotiated.kind };
  const { status, mediaType, example } = negotiated.selection;
  return { status, ...(mediaType ? { mediaType } : {}), ...(example ? { body: example.value } : {}) };
}

describe('the core and Prism choose the same answer', () => {
  it('covers every operation of the contract', () => {
    expect(operations.length).toBeGreaterThan(20);
  });

  it.each(operations.map((operation) => [operation.operationId, operation] as const))('%s', async (_id, operation) => {
    const differences: string[] = [];
    const forms = formsOf(operation);
    for (const form of forms) {
      const [expected, actual] = [await prismChoice(operation, form), coreChoice(operation, form)];
      if (!isDeepStrictEqual(expected, actual)) differences.push(`${form.label}: Prism ${JSON.stringify(expected).slice(0, 200)}, core ${JSON.stringify(actual).slice(0, 200)}`);
    }
    expect(differences, `${differences.length} of ${forms.length} forms differ`).toEqual([]);
  });
});
