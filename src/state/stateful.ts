// Stateful mode (`npm start -- --stateful`): answers the life-cycle operations from stored resources
// instead of examples. Prism still validates every request first; everything else falls through to it.
import type { Contract, MockOperation } from '../mock/contract.js';
import { decideRequest } from '../mock/permission.js';
import type { EngineAnswer } from '../mock/prism-engine.js';
import type { AnswerContext, Responder } from '../mock/server.js';
import { commsHandlers } from './comms.js';
import type { Handler, Handlers, Reply, StateRequest } from './handler.js';
import { readStateFile, StateFileWriter } from './persistence.js';
import { rulesHandlers } from './rules.js';
import { seedFrom } from './seed.js';
import { sequencesHandlers } from './sequences.js';
import { StateStore, type Spaces, type StatefulService } from './store.js';

export interface StatefulOptions {
  /** Keep the state in this JSON file across restarts: read at start, written after every change. */
  stateFile?: string;
  /** The clock of ids and timestamps; replaceable in tests. */
  now?: () => Date;
}

export interface StatefulMock {
  readonly stateFile: string | undefined;
  /** Puts the stored state in front of Prism (see MockServerOptions.responder). */
  wrap(prism: Responder): Responder;
  /** Forgets every stored change: each caller starts again from the seed. */
  reset(): Promise<void>;
  /** Waits until the state file holds every change. */
  close(): Promise<void>;
}

const HANDLERS: { [S in StatefulService]: Handlers<Spaces[S]> } = {
  rules: rulesHandlers,
  sequences: sequencesHandlers,
  comms: commsHandlers,
};

/** The stateful version of an operation, if it has one; the others (accounts, cards, events) stay Prism's. */
function handlerFor(operation: MockOperation): Handler<Spaces[StatefulService]> | undefined {
  const handlers = HANDLERS[operation.service] as Handlers<Spaces[StatefulService]>;
  return Object.hasOwn(handlers, operation.operationId) ? handlers[operation.operationId] : undefined;
}

/** Whose space a request uses: Rules keys share their organization's; bearer tokens have their own. */
function ownerOf(context: AnswerContext): string {
  return context.operation.service === 'rules' && context.apiKey ? context.apiKey.organization : context.callerId;
}

function toAnswer(reply: Reply): EngineAnswer {
  return {
    kind: 'response',
    response: {
      statusCode: reply.status,
      headers: reply.body === undefined ? {} : { 'Content-Type': 'application/json' },
      // A copy: the stored object may change (another request) before the server serializes this one.
      body: reply.body === undefined ? undefined : structuredClone(reply.body),
    },
  };
}

export async function openStatefulMock(contract: Contract, options: StatefulOptions = {}): Promise<StatefulMock> {
  const seed = seedFrom(contract);
  const { stateFile } = options;
  const restored = stateFile ? await readStateFile(stateFile) : undefined;
  const store = new StateStore(seed.spaces, restored);
  const writer = stateFile
    ? new StateFileWriter(stateFile, () => store.snapshot(), error => process.stderr.write(`mock: cannot write state file ${stateFile}: ${error.message}\n`))
    : undefined;
  // A new file is created now, so that an unwritable path fails at start rather than on the first change.
  if (writer && !restored) await writer.writeNow();
  const clock = options.now ?? (() => new Date());

  function stateRequest(context: AnswerContext): StateRequest {
    return { pathParams: context.pathParams, query: context.request.query, body: context.request.body, now: clock(), accounts: seed.accounts };
  }

  return {
    stateFile,
    wrap(prism) {
      return async context => {
        const { operation } = context;
        const handler = handlerFor(operation);
        // A Prefer header (or `__code`...) asks for a documented example: Prism answers, nothing is stored.
        if (!handler || Object.keys(context.preferences).length > 0) return prism(context);
        // Prism validates the request; an invalid one is answered as without state, and changes nothing.
        const validated = await prism(context);
        if (validated.kind !== 'response') return validated;
        // Nor does a request the server is about to refuse with 403 (a resource outside the key's list).
        const { permission } = operation;
        if (permission && context.apiKey) {
          const facts = { pathParams: context.pathParams, query: context.request.query, body: context.request.body };
          if (!decideRequest(context.apiKey, permission, facts).allowed) return validated;
        }
        const reply = handler(store.space(operation.service, ownerOf(context)), stateRequest(context));
        if (reply.changed) writer?.schedule();
        return toAnswer(reply);
      };
    },
    async reset() {
      store.reset();
      writer?.schedule();
      await writer?.flush();
    },
    async close() {
      await writer?.flush();
    },
  };
}
