// Providers for the verifier's tests: this repository's mock on a free port, and a provider in front
// of it that breaks one thing (the faulty providers of the table) and records what reached it.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { startMockServer, type MockServer, type MockServerOptions } from '../../src/adapters/node/mock-server.js';
import { loadSpecFile } from '../../src/adapters/node/spec-file.js';
import { validatorsFor } from '../../src/adapters/node/validators.js';
import { verifyProvider, type VerifyOptions, type VerifyReport } from '../../src/verify/run.js';

const ROOT = resolve(import.meta.dirname, '../..');
export const SPEC = join(ROOT, 'generated/openapi.json');
export const DEMO_KEYS = join(ROOT, 'mock/demo-keys.yaml');
/** The demo keys plus a key for every resource check they leave out (another rule, another account). */
export const FULL_KEYS = join(ROOT, 'test/fixtures/verify/keys.yaml');
export const BEARER = 'verify_token';

export async function startProvider(options: Partial<MockServerOptions> = {}): Promise<MockServer> {
  return startMockServer({ spec: SPEC, keys: DEMO_KEYS, host: '127.0.0.1', port: 0, ...options });
}

/** Runs the verifier against `url` with the bundled contract, the provider's keys and a bearer token. */
export async function verifyAt(url: string, server: MockServer, options: Partial<VerifyOptions> = {}): Promise<VerifyReport> {
  const spec = await loadSpecFile(SPEC);
  const report = await verifyProvider({
    baseUrl: url,
    fetch: (input, init) => fetch(input, init),
    document: spec.document,
    contract: spec.contract,
    validators: validatorsFor(spec),
    keys: server.keys,
    bearer: BEARER,
    ...options,
  });
  // A report of a provider that never answered has no failures, and would prove nothing.
  if (report.unreachable) throw new Error(`no answer from ${url}: ${report.unreachable}`);
  return report;
}

/** The failed checks of a report as `operationId check` lines, sorted. */
export function failedChecks(report: VerifyReport): string[] {
  return report.results.filter((result) => result.outcome === 'failed').map((result) => `${result.operationId} ${result.check}`).sort();
}

/** An answer as the faulty provider handles it: the mock's, before the fault changes it. */
export interface Relayed {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface Incoming {
  method: string;
  /** Path and query, as received. */
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** One broken behaviour: which requests it touches, and what it does to the request or to the answer. */
export interface Fault {
  /** A method, or `*` for every method. */
  method: string;
  path: RegExp;
  /** Rewrites the request before it reaches the mock. */
  request?(incoming: Incoming): Incoming;
  /** Rewrites the mock's answer; `again` forwards another request to the mock. */
  answer?(relayed: Relayed, incoming: Incoming, again: (incoming: Incoming) => Promise<Relayed>): Relayed | Promise<Relayed>;
}

export interface FaultyProvider {
  url: string;
  /** Every request that reached this provider, in order. */
  received: Incoming[];
  close(): Promise<void>;
}

async function read(request: IncomingMessage): Promise<Incoming> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) if (typeof value === 'string') headers[name] = value;
  return { method: request.method ?? 'GET', url: request.url ?? '/', headers, body: Buffer.concat(chunks).toString('utf8') };
}

const HOP_BY_HOP = new Set(['host', 'connection', 'content-length', 'transfer-encoding', 'keep-alive']);

/** A provider in front of `upstream` that applies `fault` (none: a faithful relay). */
export async function startFaultyProvider(upstream: string, fault?: Fault): Promise<FaultyProvider> {
  const received: Incoming[] = [];
  const forward = async (incoming: Incoming): Promise<Relayed> => {
    const headers = Object.fromEntries(Object.entries(incoming.headers).filter(([name]) => !HOP_BY_HOP.has(name)));
    const response = await fetch(upstream + incoming.url, { method: incoming.method, headers, ...(incoming.body !== '' ? { body: incoming.body } : {}) });
    const answer: Record<string, string> = {};
    response.headers.forEach((value, name) => (answer[name] = value));
    return { status: response.status, headers: answer, body: await response.text() };
  };
  const server: Server = createServer((request, response) => {
    void (async () => {
      let incoming = await read(request);
      received.push(incoming);
      const touched = fault && (fault.method === '*' || incoming.method === fault.method) && fault.path.test(incoming.url.split('?')[0]);
      if (touched && fault.request) incoming = fault.request(incoming);
      let relayed = await forward(incoming);
      if (touched && fault.answer) relayed = await fault.answer(relayed, incoming, forward);
      const headers = Object.fromEntries(Object.entries(relayed.headers).filter(([name]) => !HOP_BY_HOP.has(name) && name !== 'content-encoding'));
      response.writeHead(relayed.status, headers);
      response.end(relayed.body);
    })().catch((error: unknown) => {
      response.writeHead(502, { 'content-type': 'text/plain' });
      response.end(`test provider failed: ${String(error)}`);
    });
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        // The verifier's fetch keeps connections alive; they would hold close() for seconds.
        server.closeAllConnections();
      }),
  };
}
