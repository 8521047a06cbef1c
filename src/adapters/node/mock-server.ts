// The mock in Node, composed: the contract (the bundled one inside the package, or another spec
// file), the keys file, the validators, Prism for generated bodies, the storage engine of stateful
// mode (memory, a state file, PostgreSQL) with its reset route, and the node:http door. The command
// line and the tests start it the same way.
import { DEFAULT_BODY_LIMITS } from '../../core/body.js';
import type { Contract } from '../../core/contract.js';
import type { IdGenerator } from '../../core/ids.js';
import { MemoryIdempotencyStore, type IdempotencyStore } from '../../core/idempotency.js';
import { readKeys, type KeyRing, type KeysDocument } from '../../core/keys.js';
import { createMock, type Mock } from '../../core/mock.js';
import { DEFAULT_BOUNDS, type StoreBounds } from '../../core/state/bounds.js';
import { resetRoute } from '../../core/state/reset.js';
import { StatefulResponder } from '../../core/state/stateful.js';
import type { ResourceStore } from '../../core/state/store.js';
import { ulidIds } from '../../core/ids.js';
import { prismGenerator } from '../prism.js';
import type { StorageEngine } from '../storage/engine.js';
import { openStorage } from '../storage/open.js';
import { serve } from './http-server.js';
import { loadKeysFile } from './keys-file.js';
import { DEFAULT_KEYS, DEFAULT_SPEC } from './package-files.js';
import { loadSpecFile, type SpecFile } from './spec-file.js';
import { validatorsFor } from './validators.js';

export { DEFAULT_KEYS, DEFAULT_SPEC, PACKAGE_ROOT } from './package-files.js';

export { RESET_PATH } from '../../core/state/reset.js';

export interface MockServerOptions {
  /** A spec file, or one already loaded; default: the bundled contract. */
  spec?: string | SpecFile;
  /** A keys file, the keys-file structure, or keys already read; default: the demo keys. */
  keys?: string | KeysDocument | KeyRing;
  host?: string;
  /** 0 picks a free port; default 4010. */
  port?: number;
  /** Remember what clients create: in memory, unless a state file, a store URL or a store is given. */
  stateful?: boolean;
  /** The embedded, durable engine (SQLite); implies stateful. */
  stateFile?: string;
  /** `postgres://user:password@host:port/db`, shared by any number of mocks; implies stateful. */
  storeUrl?: string;
  /** A storage engine already opened (closed with the server). */
  storage?: StorageEngine;
  /** Resources alone (their Idempotency-Key memory is `idempotency`, or in memory); implies stateful. */
  store?: ResourceStore;
  /** Lets `POST /__mock/reset?all=true` with `Authorization: Bearer <it>` reset every space. */
  adminToken?: string;
  bounds?: Partial<StoreBounds>;
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
  /** Where stateful mode keeps its state, and what the engine said when it opened. */
  storage?: { where: string; notice?: string };
  close(): Promise<void>;
}

async function keysOf(keys: MockServerOptions['keys'], contract: Contract): Promise<KeyRing> {
  if (keys instanceof Map) return keys;
  if (keys === undefined || typeof keys === 'string') return loadKeysFile(keys ?? DEFAULT_KEYS, contract.scopes);
  return readKeys(keys, contract.scopes);
}

/** The engine the options ask for, or none (the mock answers from examples and stores nothing). */
async function storageOf(options: MockServerOptions): Promise<StorageEngine | undefined> {
  if (options.storage) return options.storage;
  if (options.store) {
    const store = options.store;
    return { resources: store, idempotency: options.idempotency ?? new MemoryIdempotencyStore(), where: 'in the store given', close: () => store.close() };
  }
  if (!options.stateful && options.stateFile === undefined && options.storeUrl === undefined) return undefined;
  return openStorage({
    ...(options.stateFile !== undefined ? { stateFile: options.stateFile } : {}),
    ...(options.storeUrl !== undefined ? { storeUrl: options.storeUrl } : {}),
  });
}

/** Loads the spec and the keys, opens the storage, then listens. Errors are SpecError, KeysFileError, StorageError, StateFileError or ListenError. */
export async function startMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  const spec = typeof options.spec === 'object' ? options.spec : await loadSpecFile(options.spec ?? DEFAULT_SPEC);
  const { contract, document } = spec;
  const keys = await keysOf(options.keys, contract);
  const ids = options.ids ?? ulidIds;
  const storage = await storageOf(options);
  const idempotency = storage?.idempotency ?? options.idempotency;
  const bounds = { ...DEFAULT_BOUNDS, ...options.bounds };
  try {
    const mock = createMock({
      contract,
      validators: validatorsFor(spec),
      keys,
      generator: prismGenerator(document, contract.jsonSchemaFaker),
      ids,
      ...(options.clock ? { clock: options.clock } : {}),
      ...(idempotency ? { idempotency } : {}),
      ...(options.strict ? { strict: true } : {}),
      ...(storage
        ? {
            responder: (examples) => new StatefulResponder(examples, { contract, store: storage.resources, ids, bounds }),
            extraRoutes: [resetRoute({ keys, store: storage.resources, idempotency: storage.idempotency, ...(options.adminToken ? { adminToken: options.adminToken } : {}) })],
          }
        : {}),
      onError: (error, request) => process.stderr.write(`mock: ${request.method} ${request.path} failed: ${(error as Error)?.stack ?? String(error)}\n`),
    });
    const server = await serve(mock, { host: options.host, port: options.port, maxBodyBytes: DEFAULT_BODY_LIMITS.maxBytes, log: options.log });
    return {
      ...server,
      contract,
      keys,
      mock,
      stateful: storage !== undefined,
      ...(storage ? { storage: { where: storage.where, ...(storage.notice ? { notice: storage.notice } : {}) } } : {}),
      close: async () => {
        try {
          await server.close();
        } finally {
          await storage?.close();
        }
      },
    };
  } catch (error) {
    // A mock that cannot listen lets go of its state file (and its connections) before it reports.
    await storage?.close();
    throw error;
  }
}
