// Starts the mock for one test file on a free 127.0.0.1 port, with the bundled spec.
import { join, resolve } from 'node:path';
import { startMockServer, type MockServer, type MockServerOptions } from '../../src/adapters/node/mock-server.js';
import { createClient } from './client.js';
import { bundledSpecPath, createConformance, readBundle, specOperations } from './spec.js';

export const DEMO_KEYS = join(resolve(import.meta.dirname, '../..'), 'mock/demo-keys.yaml');

export async function startTestMock(options: Partial<MockServerOptions> = {}) {
  const specFile = bundledSpecPath();
  const bundle = readBundle(specFile);
  const server: MockServer = await startMockServer({ spec: specFile, keys: DEMO_KEYS, host: '127.0.0.1', port: 0, ...options });
  const client = createClient(server.url);
  return {
    server,
    bundle,
    specFile,
    operations: specOperations(bundle),
    conformance: createConformance(),
    call: client.call,
    async close() {
      client.close();
      await server.close();
    },
  };
}

export type TestMock = Awaited<ReturnType<typeof startTestMock>>;
