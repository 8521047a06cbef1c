// Answers from the contract's documented examples, picked as Prism picks them (negotiate.ts). A body
// that must be generated (`Prefer: dynamic=true`, or a response without examples) comes from the
// injected generator (Prism, in Node), checked against the contract before it is sent.
import type { Operation } from '../contract.js';
import { errors } from '../errors.js';
import { negotiate, type Selection } from '../negotiate.js';
import type { MockPreferences } from '../prefer.js';
import type { ContractValidators } from '../validation.js';
import type { Answer, Outcome, RespondContext, Responder } from './responder.js';
import { refusal } from './responder.js';

/** Makes a body from a response's schema: Prism's json-schema-faker in Node. */
export interface BodyGenerator {
  generate(request: { operation: Operation; selection: Selection; path: string; seed?: string }): Promise<unknown>;
}

/** A generated body is made again this many times when it does not conform to the contract. */
export const GENERATION_ATTEMPTS = 5;

export interface ExamplesOptions {
  validators: ContractValidators;
  generator?: BodyGenerator;
}

function describeStatuses(operation: Operation): string {
  return operation.responses.map((response) => response.status).join(', ');
}

export class ExamplesResponder implements Responder {
  constructor(private readonly options: ExamplesOptions) {}

  async respond(context: RespondContext): Promise<Outcome> {
    const { operation, preferences } = context;
    let negotiated = negotiate(operation, preferences, context.accept);
    let note: string | undefined;
    if (!negotiated.ok && (negotiated.kind === 'not-found' || negotiated.kind === 'no-schema') && Object.keys(preferences).length > 0) {
      // Preferences may be ignored (RFC 7240): the asked status or example is not documented.
      note = `ignored ${context.preferenceSource}: ${negotiated.message} This operation documents ${describeStatuses(operation)}.`;
      negotiated = negotiate(operation, {}, context.accept);
    }
    if (!negotiated.ok) {
      if (negotiated.kind === 'not-acceptable') {
        const types = [...new Set(operation.responses.flatMap((response) => response.contents.map((content) => content.mediaType)))];
        return refusal(errors.notAcceptable(context.accept ?? '', types));
      }
      return refusal(errors.internal(`The contract gives no answer for ${operation.operationId}: ${negotiated.message}`));
    }
    const answer = await this.body(context, negotiated.selection, preferences);
    return note && !answer.note ? { ...answer, note } : answer;
  }

  /** The answer of a selection: its example, or a generated body that conforms to the contract. */
  private async body(context: RespondContext, selection: Selection, preferences: MockPreferences): Promise<Answer> {
    const base = { kind: 'answer' as const, status: selection.status, ...(selection.mediaType ? { mediaType: selection.mediaType } : {}) };
    if (!selection.content) return base;
    if (selection.example) return { ...base, body: selection.example.value };
    const { generator, validators } = this.options;
    const fallback = selection.content.examples[0];
    if (generator) {
      const request = { operation: context.operation, selection, path: context.path, ...(preferences.seed !== undefined ? { seed: preferences.seed } : {}) };
      let problem = `the generated body did not conform to the contract after ${GENERATION_ATTEMPTS} tries`;
      try {
        for (let attempt = 0; attempt < GENERATION_ATTEMPTS; attempt++) {
          const body = await generator.generate(request);
          if (validators.validateResponse(context.operation.operationId, selection.status, body).valid) return { ...base, body };
          if (preferences.seed !== undefined) break; // a seeded generator gives the same body every time
        }
      } catch (error) {
        problem = `no body could be generated (${(error as Error).message})`;
      }
      if (fallback) return { ...base, body: fallback.value, note: `${problem}; answered the documented example` };
    } else if (fallback) {
      return { ...base, body: fallback.value, note: 'this mock generates no bodies (no generator); answered the documented example' };
    }
    return { ...base, note: 'the contract documents no example for this answer and no body could be generated' };
  }
}

