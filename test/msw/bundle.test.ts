// What a browser app ships with the handlers, built as Vite builds an app: no Prism and no Node
// built-in anywhere in the graph, and an app that mocks one service ships no other service's
// operations. Structure, not size: the sizes are a benchmark (npm run bench:bundle).
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as comms from '../../generated/mock/comms.js';
import * as rules from '../../generated/mock/rules.js';
import * as sequences from '../../generated/mock/sequences.js';
import type { Operation } from '../../src/core/contract.js';
import { SERVICE_NAMES, type ServiceName } from '../../src/core/services.js';
import { bundleForBrowser, isNodeBuiltin } from '../support/browser-bundle.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const ENTRIES = { all: 'index', rules: 'rules', sequences: 'sequences', comms: 'comms' } as const;
const operationsOf: Record<ServiceName, Operation[]> = {
  rules: rules.contract.operations as Operation[],
  sequences: sequences.contract.operations as Operation[],
  comms: comms.contract.operations as Operation[],
};

/** A page that starts the worker with the entry's handlers, as an app does. */
const page = (entry: string) =>
  `import { setupWorker } from 'msw/browser';\nimport { createHandlers } from '${root}src/adapters/msw/${entry}.ts';\nawait setupWorker(...createHandlers()).start();`;

describe.each(Object.entries(ENTRIES))('a page with platform-contract/msw (%s)', (_name, entry) => {
  it('loads no Node built-in and no Prism module', async () => {
    const bundle = await bundleForBrowser(page(entry));
    const nodeOrPrism = bundle.imports.filter(({ specifier }) => isNodeBuiltin(specifier) || specifier.includes('@stoplight/'));
    expect(nodeOrPrism).toEqual([]);
    expect(bundle.modules.filter((id) => id.includes('@stoplight/') || id.includes('vite-browser-external'))).toEqual([]);
    // The graph is the real one: the handlers, the core and msw's worker are in it.
    expect(bundle.modules).toEqual(expect.arrayContaining([expect.stringContaining('src/core/mock.ts'), expect.stringContaining('src/adapters/msw/handlers.ts'), expect.stringContaining('msw')]));
  });
});

/** Where a service's operations show in minified code: their operationIds (strings or keys) and their path templates. */
function marksIn(code: string, services: ServiceName[]): string[] {
  const marks = services.flatMap((service) => operationsOf[service].flatMap((operation) => [operation.operationId, operation.path]));
  const escape = (mark: string) => mark.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return marks.filter((mark) => new RegExp(`(?<![\\w/])${escape(mark)}(?![\\w/])`).test(code));
}

describe.each(SERVICE_NAMES.map((service) => [service] as const))('the %s handlers', (service) => {
  const others = SERVICE_NAMES.filter((other) => other !== service);

  it('ship no other service’s operations: not their table, validators or life cycles', async () => {
    const bundle = await bundleForBrowser(`import { createHandlers } from '${root}src/adapters/msw/${service}.ts';\nconsole.log(createHandlers());`, { external: ['msw'] });
    expect(marksIn(bundle.code, others)).toEqual([]);
    const theirs = (id: string) => others.some((other) => [`generated/mock/${other}.js`, `generated/validators/${other}.js`, `src/core/state/${other}.ts`].some((file) => id.endsWith(file)));
    expect(bundle.modules.filter(theirs)).toEqual([]);
    expect(bundle.modules.filter((id) => id.endsWith('generated/validators.js'))).toEqual([]);
    // Their own are there.
    expect(marksIn(bundle.code, [service])).toHaveLength(2 * operationsOf[service].length);
  });
});
