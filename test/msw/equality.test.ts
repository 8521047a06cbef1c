// One behaviour, two doors: the same table of requests sent to the Node server (startMockServer on
// 127.0.0.1) and to the MSW handlers (msw's getResponse over createHandlers) gets the same answers:
// status, the headers a client reads, and the body byte for byte. Both get the same clock and id
// generator, so even request ids, resource ids and timestamps agree.
import { getResponse } from 'msw';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoKeys } from '../../generated/mock/demo-keys.js';
import { startMockServer, type MockServer } from '../../src/adapters/node/mock-server.js';
import { createHandlers, type MockHandlers } from '../../src/adapters/msw/index.js';
import { readContract, type Operation } from '../../src/core/contract.js';
import type { IdGenerator } from '../../src/core/ids.js';
import type { KeysDocument } from '../../src/core/keys.js';
import { createClient } from '../mock/client.js';
import { bundledSpecPath, readBundle } from '../mock/spec.js';
import { authMatrix, badInput, documented, documentedRequests, idempotencyRequests, matrixKeys, routeRequests, type TableRequest } from './request-table.js';

const document = readBundle(bundledSpecPath());
const contract = readContract(document);
const operations = contract.operations.filter((operation) => !operation.webhook);
const byId = (operationId: string) => operations.find((operation) => operation.operationId === operationId)!;
const keys = matrixKeys(demoKeys as KeysDocument, contract, document);

/** What a client reads of an answer beside its status and body. */
const COMPARED_HEADERS = [
  'content-type',
  'x-request-id',
  'idempotent-replayed',
  'x-mock-reason',
  'x-mock-warning',
  'www-authenticate',
  'allow',
  'access-control-allow-origin',
  'access-control-allow-credentials',
  'access-control-allow-methods',
  'access-control-allow-headers',
  'access-control-expose-headers',
  'vary',
];

interface Seen {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** A fixed clock and a counter for ids: each door gets its own, and both advance alike when the doors agree. */
function deterministic(): { clock: () => number; ids: IdGenerator } {
  let ticks = 0;
  let made = 0;
  return {
    clock: () => Date.parse('2024-06-01T12:00:00Z') + 1000 * ticks++,
    ids: (prefix) => `${prefix}EQ${String(++made).padStart(6, '0')}`,
  };
}

function pick(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(COMPARED_HEADERS.filter((name) => headers[name] !== undefined).map((name) => [name, headers[name]]));
}

/** The two doors of one configuration, each with its own (identical) clock and ids. */
async function startDoors(options: { stateful: boolean; strict?: boolean }) {
  const server: MockServer = await startMockServer({ keys, port: 0, host: '127.0.0.1', ...options, ...deterministic() });
  const client = createClient(server.url);
  const handlers: MockHandlers = createHandlers({ keys, ...options, ...deterministic() });
  return {
    async send(request: TableRequest): Promise<{ server: Seen; handlers: Seen }> {
      const fromServer = await client.call(request.method, request.path, { headers: request.headers, ...(request.body !== undefined ? { rawBody: request.body } : {}) });
      const response = await getResponse(handlers, new Request(`http://handlers.test${request.path}`, { method: request.method, headers: request.headers, body: request.body ?? null }));
      if (!response) throw new Error(`${request.name}: the handlers left ${request.method} ${request.path} unhandled`);
      return {
        server: { status: fromServer.status, headers: pick(fromServer.headers), body: fromServer.text },
        handlers: { status: response.status, headers: pick(Object.fromEntries(response.headers)), body: await response.text() },
      };
    },
    async close() {
      client.close();
      await server.close();
    },
  };
}

type Doors = Awaited<ReturnType<typeof startDoors>>;

/** Sends `request` to both doors and fails, naming it, on any difference. Returns the server's answer. */
async function expectSameAnswer(doors: Doors, request: TableRequest): Promise<Seen> {
  const { server, handlers } = await doors.send(request);
  expect(handlers, `${request.name}: ${request.method} ${request.path}`).toEqual(server);
  return server;
}

describe('without state', () => {
  let doors: Doors;
  beforeAll(async () => {
    doors = await startDoors({ stateful: false });
  });
  afterAll(() => doors?.close());

  const tables: Array<[string, TableRequest[]]> = [
    ['every documented request and every documented answer asked for with Prefer', documentedRequests(document, operations)],
    ['the auth matrix of every Rules operation, and bearer tokens', authMatrix(document, contract, operations)],
    ['bad bodies and parameters of every service', badInput(document, operations)],
    ['Idempotency-Key replays and a mismatch', idempotencyRequests(document, operations)],
    ['routes, request ids, CORS and preferences no operation documents', routeRequests(document, operations)],
  ];

  describe.each(tables)('%s', (_title, requests) => {
    it.each(requests.map((request) => [request.name, request] as const))('%s', async (_name, request) => {
      await expectSameAnswer(doors, request);
    });
  });
});

describe('strict (unknown properties refused)', () => {
  let doors: Doors;
  beforeAll(async () => {
    doors = await startDoors({ stateful: false, strict: true });
  });
  afterAll(() => doors?.close());

  it.each(badInput(document, operations).map((request) => [request.name, request] as const))('%s', async (_name, request) => {
    await expectSameAnswer(doors, request);
  });
});

/** A request of `operationId`'s documented shape at the path of the resource `id`. */
function at(operationId: string, id: string, change: Partial<TableRequest> = {}): TableRequest {
  const operation: Operation = byId(operationId);
  const request = documented(document, operation, `${operationId} ${id}`);
  const [, query] = request.path.split('?');
  const path = operation.path.replace(/\{[^}]+\}/, encodeURIComponent(id));
  return { ...request, path: query ? `${path}?${query}` : path, ...change };
}

const json = (seen: Seen) => JSON.parse(seen.body);

describe('with state: each service’s life cycle', () => {
  let doors: Doors;
  beforeAll(async () => {
    doors = await startDoors({ stateful: true });
  });
  afterAll(() => doors?.close());
  const send = (request: TableRequest) => expectSameAnswer(doors, request);

  it('Rules: create, read, list, replace, trigger, list its executions, delete, then 404', async () => {
    const created = await send(documented(document, byId('createRule'), 'createRule'));
    expect(created.status).toBe(201);
    const id: string = json(created).data.id;
    await send(at('getRule', id));
    await send(documented(document, byId('listRules'), 'listRules'));
    await send(at('updateRule', id));
    await send(at('triggerRule', id));
    await send({ ...documented(document, byId('listRuleExecutions'), 'listRuleExecutions'), path: `/api/v1/rule-executions?rule_id=${id}` });
    expect((await send(at('deleteRule', id))).status).toBe(204);
    expect((await send(at('getRule', id))).status).toBe(404);
    await send(documented(document, byId('listRules'), 'listRules after the delete'));
  });

  it('Rules: a transfer, then reading and listing it', async () => {
    const created = await send(documented(document, byId('createTransfer'), 'createTransfer'));
    const transfer = json(created).data;
    await send(at('getTransfer', transfer.id));
    await send({ ...documented(document, byId('listTransfers'), 'listTransfers'), path: `/api/v1/transfers?account_id=${transfer.source.id}` });
  });

  it('Sequences: create, read, list, enable, disable, list by status', async () => {
    const created = await send(documented(document, byId('createEmailSequence'), 'createEmailSequence'));
    const id: string = json(created).sequence.id;
    await send(at('getEmailSequence', id));
    await send(documented(document, byId('listEmailSequences'), 'listEmailSequences'));
    await send(at('enableEmailSequence', id));
    await send(at('disableEmailSequence', id));
    await send({ ...documented(document, byId('listEmailSequences'), 'listEmailSequences'), path: '/api/v1/sequences?status=paused' });
  });

  it('Comms: create, read, enroll, cancel, and enroll in a sequence that does not exist', async () => {
    const created = await send(documented(document, byId('createCommsSequence'), 'createCommsSequence'));
    const id: string = json(created).id;
    await send(at('getCommsSequence', id));
    const enrolled = await send(at('enrollInCommsSequence', id));
    await send(at('cancelCommsEnrollment', json(enrolled).id));
    expect((await send(at('enrollInCommsSequence', 'seq_not_there'))).status).toBe(404);
  });

  it('a replayed create stores nothing more, and a refused one stores nothing', async () => {
    const create = { ...documented(document, byId('createRule'), 'createRule'), headers: { ...documented(document, byId('createRule'), '').headers, 'idempotency-key': 'equality-stateful' } };
    await send(create);
    expect((await send(create)).headers['idempotent-replayed']).toBe('true');
    await send({ ...create, headers: { ...create.headers, authorization: 'ApiKey demo_reader', 'idempotency-key': 'refused' } });
    await send(documented(document, byId('listRules'), 'listRules'));
  });
});
