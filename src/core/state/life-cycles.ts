// Stateful mode over the services it is given: each service's life cycle (its stateful operations and
// what a new space of it starts with) is passed in, so that a mock of one service (the in-page handlers
// of one service) carries that service's code alone. stateful.ts gives it every service.
import type { Contract, Operation } from '../contract.js';
import type { IdGenerator } from '../ids.js';
import { refusal, type Outcome, type RespondContext, type Responder } from '../responders/responder.js';
import type { ServiceName } from '../services.js';
import { BoundExceeded, DEFAULT_BOUNDS, type StoreBounds } from './bounds.js';
import type { Handler, Handlers, Reply } from './handler.js';
import { successExamples, type AccountDirectory, type SuccessExamples } from './seed.js';
import { Space, type SpaceSeed } from './space.js';
import type { ResourceStore, StoredSpace } from './store.js';

/** One service's life cycles: its stateful operations, by operationId, and a new space's resources. */
export interface LifeCycle {
  handlers: Handlers;
  seed(examples: SuccessExamples): SpaceSeed;
  /** The accounts its examples name, which its handlers show by name (Rules). */
  accounts?(examples: SuccessExamples): AccountDirectory;
}

export type LifeCycles = Partial<Record<ServiceName, LifeCycle>>;

export interface StatefulOptions {
  contract: Contract;
  store: ResourceStore;
  ids: IdGenerator;
  bounds?: StoreBounds;
}

/** Whose space it is, in the words of a refusal past a bound. */
const OWNER_WORDS: Record<ServiceName, string> = { rules: 'organization', sequences: 'bearer token', comms: 'bearer token' };

/** Whose space a request uses: Rules keys share their organization's; bearer tokens have their own. */
export function ownerOf(context: Pick<RespondContext, 'operation' | 'apiKey' | 'callerId'>): string {
  return context.operation.service === 'rules' && context.apiKey ? context.apiKey.organization : context.callerId;
}

function toOutcome(reply: Reply): Outcome {
  return { kind: 'answer', status: reply.status, ...(reply.body === undefined ? {} : { mediaType: 'application/json', body: reply.body }) };
}

/**
 * The life-cycle operations answer from stored resources instead of examples; the others (accounts,
 * cards, events), and any request that asks for a documented example with Prefer, answer from the
 * examples. Each stateful request runs in one transaction of its caller's space.
 */
export class LifeCycleResponder implements Responder {
  private readonly spaces: Partial<Record<ServiceName, SpaceSeed>> = {};
  private readonly accounts: AccountDirectory;

  constructor(
    private readonly examples: Responder,
    private readonly options: StatefulOptions & { lifeCycles: LifeCycles },
  ) {
    const documented = successExamples(options.contract);
    const lifeCycles = Object.entries(options.lifeCycles) as Array<[ServiceName, LifeCycle]>;
    for (const [service, lifeCycle] of lifeCycles) this.spaces[service] = lifeCycle.seed(documented);
    this.accounts = new Map(lifeCycles.flatMap(([, lifeCycle]) => [...(lifeCycle.accounts?.(documented) ?? [])]));
  }

  /** The stateful version of an operation, if it has one. */
  private handlerFor(operation: Operation): Handler | undefined {
    const handlers = this.options.lifeCycles[operation.service]?.handlers;
    return handlers && Object.hasOwn(handlers, operation.operationId) ? handlers[operation.operationId] : undefined;
  }

  async respond(context: RespondContext): Promise<Outcome> {
    const { operation } = context;
    const handler = this.handlerFor(operation);
    // A Prefer header (or `__code`...) asks for a documented example: the examples answer, nothing is stored.
    if (!handler || Object.keys(context.preferences).length > 0) return this.examples.respond(context);
    const request = {
      pathParams: context.pathParams,
      query: context.values.query,
      body: context.body,
      now: new Date(context.now),
      ids: this.options.ids,
      accounts: this.accounts,
    };
    const key = { service: operation.service, owner: ownerOf(context) };
    const seed = this.spaces[operation.service] ?? {};
    const space = { bounds: this.options.bounds ?? DEFAULT_BOUNDS, owner: OWNER_WORDS[operation.service] };
    try {
      // A GET only reads (no handler of a GET writes): engines that can run reads side by side do.
      const work = (stored: StoredSpace) => handler(new Space(stored, seed, space), request);
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
