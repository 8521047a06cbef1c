// The mock in Node, composed: the contract (the bundled one inside the package, or another spec
// file), the keys file, the validators, Prism for generated bodies, the stateful store, and the
// node:http door. The command line and the tests start it the same way.
import { DEFAULT_BODY_LIMITS } from '../../core/body.js';
import type { Contract } from '../../core/contract.js';
import type { IdGenerator } from '../../core/ids.js';
import type { IdempotencyStore } from '../../core/idempotency.js';
import { readKeys, type KeyRing, type KeysDocument } from '../../core/keys.js';
import { createMock, type ExtraRoute, type Mock } from '../../core/mock.js';
import { StatefulResponder } from '../../core/state/stateful.js';
import { MemoryStore, type ResourceStore } from '../../core/state/store.js';
import { ulidIds } from '../../core/ids.js';
import { prismGenerator } from '../prism.js';
import { serve } from './http-server.js';
import { loadKeysFile } from './keys-file.js';
import { DEFAULT_KEYS, DEFAULT_SPEC } from './package-files.js';
import { loadSpecFile, type SpecFile } from './spec-file.js';
import { validatorsFor } from './validators.js';

export { DEFAULT_KEYS, DEFAULT_SPEC, PACKAGE_ROOT } from './package-files.js';

/** The mock-only endpoint (outside the contract) that clears stateful mode's memory. */
export const RESET_PATH = '/__mock/reset';

export interface MockServerOptions {
  /** A spec file, or one already loaded; default: the bundled contract. */
  spec?: string | SpecFile;
  /** A keys file, the keys-file structure, or keys already read; default: the demo keys. */
  keys?: string | KeysDocument | KeyRing;
  host?: string;
  /** 0 picks a free port; default 4010. */
  port?: number;
  /** Remember what clients create (in memory unless a store is given). */
  stateful?: boolean;
  store?: ResourceStore;
  strict?: boolean;
  idempotency?: IdempotencyStore;
  clock?: () => number;
  ids?: IdGenerator;
  /** Called once per answered request with a short line. */
  log?: (line: string) => void;
}

export interface MockServer {
  url: string;
  host: string;
  port: number;
  contract: Contract;
  keys: KeyRing;
  mock: Mock;
  stateful: boolean;
  close(): Promise<void>;
}

async function keysOf(keys: MockServerOptions['keys'], contract: Contract): Promise<KeyRing> {
  if (keys instanceof Map) return keys;
  if (keys === undefined || typeof keys === 'string') return loadKeysFile(keys ?? DEFAULT_KEYS, contract.scopes);
  return readKeys(keys, contract.scopes);
}

function resetRoute(): ExtraRoute {
  return {
    method: 'POST',
    path: RESET_PATH,
    async handle(_request, mock) {
      await mock.reset();
      return { status: 204, headers: {} };
    },
  };
}

/** Loads the spec and the keys, then listens. Errors are SpecError, KeysFileError or ListenError. */
export async function startMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  const spec = typeof options.spec === 'object' ? options.spec : await loadSpecFile(options.spec ?? DEFAULT_SPEC);
  const { contract, document } = spec;
  const keys = await keysOf(options.keys, contract);
  const ids = options.ids ?? ulidIds;
  const store = options.store ?? (options.stateful ? new MemoryStore() : undefined);
  const mock = createMock({
    contract,
    validators: validatorsFor(spec),
    keys,
    generator: prismGenerator(document, contract.jsonSchemaFaker),
    ids,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.idempotency ? { idempotency: options.idempotency } : {}),
    ...(options.strict ? { strict: true } : {}),
    ...(store ? { responder: (examples) => new StatefulResponder(examples, { contract, store, ids }), extraRoutes: [resetRoute()] } : {}),
    onError: (error, request) => process.stderr.write(`mock: ${request.method} ${request.path} failed: ${(error as Error)?.stack ?? String(error)}\n`),
  });
  const server = await serve(mock, { host: options.host, port: options.port, maxBodyBytes: DEFAULT_BODY_LIMITS.maxBytes, log: options.log });
  return {
    ...server,
    contract,
    keys,
    mock,
    stateful: store !== undefined,
    close: async () => {
      await server.close();
      await store?.close();
    },
  };
}
