// Prism in-process: validates a routed request against its operation and builds the answer from the
// spec's examples (or dynamically). Prism's logging is off, and so is its response validation (where
// bare Prism spends its time; the tests check every answer against the spec instead) except for
// dynamic bodies, which are generated and so may not conform.
import { createRequire } from 'node:module';
import type { IHttpConfig, IHttpResponse } from '@stoplight/prism-http';
import type { HttpMethod, IHttpOperation } from '@stoplight/types';
import type { MockPreferences } from './prefer.js';
import { loadPrismHttp } from './prism-loader.js';

/** One problem Prism found in the request; `path` starts with its location (body, query, header, path). */
export interface Violation {
  path: string[];
  code: string;
  message: string;
}

export interface EngineRequest {
  method: string;
  path: string;
  query: Record<string, string | string[]>;
  headers: Record<string, string>;
  body: unknown;
}

export type EngineAnswer =
  | { kind: 'response'; response: IHttpResponse; note?: string }
  | { kind: 'invalid'; violations: Violation[] }
  | { kind: 'failed'; status: number; type: string; detail: string };

/** Prism's DiagnosticSeverity.Error. */
const SEVERITY_ERROR = 0;

const BASE_CONFIG: IHttpConfig = {
  checkSecurity: false, // the mock authenticates and authorizes itself (keys file, scopes)
  validateRequest: true,
  validateResponse: false,
  errors: false,
  upstreamProxy: undefined,
  isProxy: false,
  mock: { dynamic: false },
};

/** Dynamic bodies are generated again this many times when one does not conform to the spec. */
const DYNAMIC_ATTEMPTS = 5;

/**
 * Sets up Prism's dynamic generator (json-schema-faker) as the Prism CLI does, honouring the spec's
 * root `x-json-schema-faker`, but without `fillProperties`: the faker would add random properties
 * to objects closed by `unevaluatedProperties: false`, which it does not understand.
 */
export async function configureDynamicGenerator(fakerOptions: unknown): Promise<void> {
  loadPrismHttp();
  // The Prism CLI's own set-up of the generator (a module of the pinned prism-cli, not its public API).
  const { configureExtensionsUserProvided } = createRequire(import.meta.url)('@stoplight/prism-cli/dist/extensions.js') as typeof import('@stoplight/prism-cli/dist/extensions.js');
  await configureExtensionsUserProvided({ 'x-json-schema-faker': fakerOptions ?? {} }, { fillProperties: false });
}

/**
 * Prism logs every step of every request through pino, and creates child loggers per request even
 * when silent; this logger does nothing, at no cost.
 */
function silentLogger(): PrismLogger {
  const noop = () => {};
  const logger = {
    level: 'silent',
    trace: noop,
    debug: noop,
    info: noop,
    success: noop,
    warn: noop,
    error: noop,
    fatal: noop,
    child: () => logger,
  };
  return logger as unknown as PrismLogger;
}

type PrismLogger = Parameters<PrismHttp['createInstance']>[1]['logger'];
type PrismHttp = typeof import('@stoplight/prism-http');

export class PrismEngine {
  private readonly prism = loadPrismHttp().createInstance(BASE_CONFIG, { logger: silentLogger() });

  /**
   * Prism's answer. A dynamic body is checked against the spec (by Prism's own response validation,
   * only in that case) and generated again, or replaced by the documented example, when it does not
   * conform: the mock never answers what the contract forbids.
   */
  async answer(operation: IHttpOperation, request: EngineRequest, preferences: MockPreferences): Promise<EngineAnswer> {
    if (!preferences.dynamic) return (await this.answerOnce(operation, request, preferences, false)).answer;
    for (let attempt = 0; attempt < DYNAMIC_ATTEMPTS; attempt++) {
      const { answer, conforms } = await this.answerOnce(operation, request, preferences, true);
      if (answer.kind !== 'response' || conforms) return answer;
      if (preferences.seed !== undefined) break; // a seeded generator gives the same body every time
    }
    const { answer } = await this.answerOnce(operation, request, { ...preferences, dynamic: false }, false);
    return answer.kind === 'response'
      ? { ...answer, note: `dynamic body did not conform to the spec after ${DYNAMIC_ATTEMPTS} tries; answered the documented example` }
      : answer;
  }

  /** One pass through Prism; `conforms` is only meaningful when `checkOutput` is set. */
  private async answerOnce(
    operation: IHttpOperation,
    request: EngineRequest,
    preferences: MockPreferences,
    checkOutput: boolean,
  ): Promise<{ answer: EngineAnswer; conforms: boolean }> {
    // A fresh mock config per request: Prism writes the request's Accept header into it.
    const config: IHttpConfig = {
      ...BASE_CONFIG,
      validateResponse: checkOutput,
      mock: {
        dynamic: preferences.dynamic ?? false,
        ...(preferences.code !== undefined ? { code: preferences.code } : {}),
        ...(preferences.exampleKey !== undefined ? { exampleKey: preferences.exampleKey } : {}),
        ...(preferences.seed !== undefined ? { seed: preferences.seed } : {}),
      },
    };
    const result = await this.prism.request(
      {
        method: request.method.toLowerCase() as HttpMethod,
        url: { path: request.path, query: request.query },
        headers: request.headers,
        body: request.body,
      },
      [operation],
      config,
    )();

    if (result._tag === 'Left') {
      const error = result.left as Error & { status?: number; detail?: string; additional?: { validation?: unknown } };
      const type = error.name.replace(/^.*#/, '');
      // Prism fails this way when the request is invalid and the operation documents no 400/422.
      if (type === 'UNPROCESSABLE_ENTITY' && Array.isArray(error.additional?.validation)) {
        const details = error.additional.validation as Array<{ location?: string[]; code?: unknown; message: string }>;
        const violations = details.map(d => ({ path: d.location ?? [], code: String(d.code ?? ''), message: d.message }));
        return { answer: { kind: 'invalid', violations }, conforms: true };
      }
      return { answer: { kind: 'failed', status: error.status ?? 500, type, detail: error.detail || error.message }, conforms: true };
    }
    const violations = result.right.validations.input
      .filter(diagnostic => diagnostic.severity === SEVERITY_ERROR)
      .map(diagnostic => ({ path: diagnostic.path ?? [], code: String(diagnostic.code ?? ''), message: diagnostic.message }));
    if (violations.length > 0) return { answer: { kind: 'invalid', violations }, conforms: true };
    const conforms = !result.right.validations.output.some(diagnostic => diagnostic.severity === SEVERITY_ERROR);
    return { answer: { kind: 'response', response: result.right.output }, conforms };
  }
}
