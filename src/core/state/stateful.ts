// Stateful mode: the life-cycle operations answer from stored resources instead of examples; the
// others (accounts, cards, events), and any request that asks for a documented example with Prefer,
// answer from the examples. Each stateful request runs in one transaction of its caller's space.
import type { Contract, Operation } from '../contract.js';
import type { IdGenerator } from '../ids.js';
import { refusal, type Outcome, type RespondContext, type Responder } from '../responders/responder.js';
import type { ServiceName } from '../services.js';
import { BoundExceeded, DEFAULT_BOUNDS, type StoreBounds } from './bounds.js';
import { commsHandlers } from './comms.js';
import type { Handler, Handlers, Reply } from './handler.js';
import { rulesHandlers } from './rules.js';
import { seedFrom, type Seed } from './seed.js';
import { sequencesHandlers } from './sequences.js';
import { Space } from './space.js';
import type { ResourceStore, StoredSpace } from './store.js';

const HANDLERS: Record<ServiceName, Handlers> = {
  rules: rulesHandlers,
  sequences: sequencesHandlers,
  comms: commsHandlers,
};

/** The stateful version of an operation, if it has one. */
function handlerFor(operation: Operation): Handler | undefined {
  const handlers = HANDLERS[operation.service];
  return Object.hasOwn(handlers, operation.operationId) ? handlers[operation.operationId] : undefined;
}

/** Whose space a request uses: Rules keys share their organization's; bearer tokens have their own. */
export function ownerOf(context: Pick<RespondContext, 'operation' | 'apiKey' | 'callerId'>): string {
  return context.operation.service === 'rules' && context.apiKey ? context.apiKey.organization : context.callerId;
}

function toOutcome(reply: Reply): Outcome {
  return { kind: 'answer', status: reply.status, ...(reply.body === undefined ? {} : { mediaType: 'application/json', body: reply.body }) };
}

export interface StatefulOptions {
  contract: Contract;
  store: ResourceStore;
  ids: IdGenerator;
  bounds?: StoreBounds;
}

/** Whose space it is, in the words of a refusal past a bound. */
const OWNER_WORDS: Record<ServiceName, string> = { rules: 'organization', sequences: 'bearer token', comms: 'bearer token' };

export class StatefulResponder implements Responder {
  private readonly seed: Seed;

  constructor(
    private readonly examples: Responder,
    private readonly options: StatefulOptions,
  ) {
    this.seed = seedFrom(options.contract);
  }

  async respond(context: RespondContext): Promise<Outcome> {
    const { operation } = context;
    const handler = handlerFor(operation);
    // A Prefer header (or `__code`...) asks for a documented example: the examples answer, nothing is stored.
    if (!handler || Object.keys(context.preferences).length > 0) return this.examples.respond(context);
    const request = {
      pathParams: context.pathParams,
      query: context.values.query,
      body: context.body,
      now: new Date(context.now),
      ids: this.options.ids,
      accounts: this.seed.accounts,
    };
    const key = { service: operation.service, owner: ownerOf(context) };
    const space = { bounds: this.options.bounds ?? DEFAULT_BOUNDS, owner: OWNER_WORDS[operation.service] };
    try {
      // A GET only reads (no handler of a GET writes): engines that can run reads side by side do.
      const work = (stored: StoredSpace) => handler(new Space(stored, this.seed.spaces[operation.service], space), request);
      const reply = await this.options.store.transaction(key, work, { readOnly: operation.method === 'GET' });
      return toOutcome(reply);
    } catch (error) {
      // Past a bound the transaction kept nothing; the refusal says which bound and how to lift it.
      if (error instanceof BoundExceeded) return refusal(error.error, { 'X-Mock-Reason': error.reason });
      throw error;
    }
  }

  async reset(owner?: string): Promise<void> {
    await this.options.store.reset(owner);
  }
}
