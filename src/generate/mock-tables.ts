// Writes generated/mock/: the contract as the mock's core reads it (`readContract`), one module per
// service, so that a page mocking one service ships only that service's operations; and the demo keys
// (mock/demo-keys.yaml) as a module, so that the in-page mock needs no file. Build time only.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { readContract, type Contract, type Operation } from '../core/contract.js';
import { readKeys } from '../core/keys.js';
import { SERVICE_NAMES, SERVICE_TITLES, type ServiceName } from '../core/services.js';
import { GENERATED_HEADER as HEADER } from './generated-header.js';

// The document is JSON of any shape; readContract checks what it reads.
type Json = any;

export const DEMO_KEYS_FILE = 'mock/demo-keys.yaml';

/** The files this step writes, by their path in generated/. */
export const MOCK_TABLE_FILES = [
  'mock/table.d.ts',
  ...SERVICE_NAMES.flatMap((service) => [`mock/${service}.js`, `mock/${service}.d.ts`]),
  'mock/demo-keys.js',
  'mock/demo-keys.d.ts',
] as const;

/** An operation as readContract reads it, less what only a reader needs (example summaries). */
function compact(operation: Operation): Operation {
  const contents = <T extends { contents: Operation['responses'][number]['contents'] }>(holder: T): T => ({
    ...holder,
    contents: holder.contents.map((content) => ({ ...content, examples: content.examples.map(({ summary: _summary, ...example }) => example) })),
  });
  return { ...operation, ...(operation.requestBody ? { requestBody: contents(operation.requestBody) } : {}), responses: operation.responses.map(contents) };
}

/** `service`'s part of the contract: its operations (webhooks are not routes), and the scope table where its keys use it. */
export function serviceTable(contract: Contract, service: ServiceName): Contract {
  const operations = contract.operations.filter((operation) => operation.service === service && !operation.webhook);
  const usesScopes = operations.some((operation) => operation.permission !== undefined);
  return {
    title: contract.title,
    version: contract.version,
    operations: operations.map(compact),
    scopes: usesScopes ? contract.scopes?.map(({ scope, resources }) => ({ scope, resources })) : undefined,
    ...(contract.jsonSchemaFaker !== undefined ? { jsonSchemaFaker: contract.jsonSchemaFaker } : {}),
  };
}

/** One entry a line: a change to the contract shows as a change to the lines of what it changes. */
function lines(entries: Array<[string, unknown]>, indent = '  '): string {
  return entries.map(([key, value]) => `${indent}${JSON.stringify(key)}: ${JSON.stringify(value)}`).join(',\n');
}

function tableModule(service: ServiceName, table: Contract, webhooks: string[]): { js: string; dts: string } {
  const { operations, ...rest } = table;
  const title = SERVICE_TITLES[service];
  const js = [
    HEADER,
    `// The ${title} operations as the mock's core reads them (readContract: webhooks, descriptions and`,
    '// example summaries left out), for the in-page handlers of platform-contract/msw.',
    '',
    'export const contract = {',
    `${lines(Object.entries(rest))},`,
    '  "operations": [',
    operations.map((operation) => `    ${JSON.stringify(operation)}`).join(',\n'),
    '  ]',
    '};',
    '',
  ].join('\n');
  const sent = webhooks.length === 0 ? 'never' : webhooks.map((id) => JSON.stringify(id)).join(' | ');
  const dts = [
    HEADER,
    '',
    `import type { OperationId as ServiceOperationId } from '../validators/${service}.js';`,
    "import type { ContractTable } from './table.js';",
    '',
    `/** Every operationId of the ${title} service the mock answers: its webhooks are sent by the service, not answered. */`,
    `export type OperationId = Exclude<ServiceOperationId, ${sent}>;`,
    '',
    `/** readContract's Contract, restricted to the ${title} operations. */`,
    'export declare const contract: ContractTable;',
    '',
  ].join('\n');
  return { js, dts };
}

async function demoKeysModule(root: string, contract: Contract): Promise<{ js: string; dts: string }> {
  const file = path.join(root, DEMO_KEYS_FILE);
  const keys = parse(await readFile(file, 'utf8'));
  readKeys(keys, contract.scopes); // a broken demo keys file fails the generation, not the first page that loads it
  const js = [
    HEADER,
    `// The demo keys of ${DEMO_KEYS_FILE}, the in-page handlers' default keys (the keys-file structure).`,
    '',
    `export const demoKeys = ${JSON.stringify(keys, null, 2)};`,
    '',
  ].join('\n');
  const dts = [
    HEADER,
    '',
    `/** The keys of ${DEMO_KEYS_FILE}, in the keys-file structure. */`,
    'export declare const demoKeys: {',
    '  readonly keys: ReadonlyArray<{',
    '    readonly key: string;',
    '    readonly description?: string;',
    '    readonly organization?: string;',
    '    readonly permissions: ReadonlyArray<{ readonly scope: string; readonly resources?: unknown }>;',
    '  }>;',
    '};',
    '',
  ].join('\n');
  return { js, dts };
}

/** The shape every table's contract is declared with: its .d.ts cannot name the core's types. */
const TABLE_DECLARATION = [
  HEADER,
  '',
  "/** The part of readContract's Contract one service's table holds; the handlers read it as the core's Contract. */",
  'export interface ContractTable {',
  '  readonly title: string;',
  '  readonly version: string;',
  '  readonly operations: readonly object[];',
  '  readonly scopes: ReadonlyArray<{ readonly scope: string; readonly resources: string }> | undefined;',
  '}',
  '',
].join('\n');

/** Every file of generated/mock/, by its path in generated/, in MOCK_TABLE_FILES order. */
export async function generateMockTables(document: Json, root: string): Promise<Array<[string, string]>> {
  const contract = readContract(document);
  const files: Array<[string, string]> = [['mock/table.d.ts', TABLE_DECLARATION]];
  for (const service of SERVICE_NAMES) {
    const webhooks = contract.operations.filter((operation) => operation.service === service && operation.webhook).map((operation) => operation.operationId);
    const { js, dts } = tableModule(service, serviceTable(contract, service), webhooks);
    files.push([`mock/${service}.js`, js], [`mock/${service}.d.ts`, dts]);
  }
  const keys = await demoKeysModule(root, contract);
  files.push(['mock/demo-keys.js', keys.js], ['mock/demo-keys.d.ts', keys.dts]);
  return files;
}
