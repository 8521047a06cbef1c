// Bare Prism serves the source document as written: every operation answers every documented
// example with the documented status, the example verbatim, and no sl-violations; and without a
// Prefer header it answers the first example, which for a written rule is a disabled one.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBundledDocument, projectRoot } from '../support/contract.js';
import { freePort, startProcess, type RunningProcess } from '../support/processes.js';
import { authFor, exampleRequest, specOperations, type SpecOperation } from '../mock/spec.js';

const operations = specOperations(await loadBundledDocument());
type Case = [label: string, operation: SpecOperation, status: string, exampleName?: string, exampleValue?: unknown];
const cases: Case[] = operations.flatMap((operation) =>
  operation.responses.flatMap(({ status, examples }): Case[] => {
    const named = Object.entries(examples);
    if (named.length === 0) return [[`${operation.operationId} ${status} (no body)`, operation, status]];
    return named.map(([name, value]): Case => [`${operation.operationId} ${status} "${name}"`, operation, status, name, value]);
  }),
);

let prism: RunningProcess;
let baseUrl: string;

beforeAll(async () => {
  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  prism = await startProcess(
    process.execPath,
    [path.join(projectRoot, 'node_modules/@stoplight/prism-cli/dist/index.js'), 'mock', 'openapi.yaml', '--host', '127.0.0.1', '--port', String(port)],
    /Prism is listening/,
    { cwd: projectRoot },
  );
});

afterAll(async () => {
  await prism?.stop();
});

describe('prism mock openapi.yaml', () => {
  it.each(cases)('answers %s as documented', async (_, operation, status, exampleName, exampleValue) => {
    const request = exampleRequest(operation);
    const prefer = exampleName ? `code=${status}, example=${exampleName}` : `code=${status}`;
    const response = await fetch(`${baseUrl}${request.path}`, {
      method: request.method,
      headers: { accept: 'application/json', ...authFor(operation.auth), ...request.headers, prefer },
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
    });
    const text = await response.text();
    expect(response.headers.get('sl-violations'), text).toBeNull();
    expect(response.status, text).toBe(Number(status));
    if (exampleValue !== undefined) expect(JSON.parse(text)).toEqual(exampleValue);
  });
});

describe('prism mock openapi.yaml without Prefer', () => {
  it.each(['createRule', 'updateRule'])('answers %s with a disabled rule, as the page says the service does', async (operationId) => {
    const operation = operations.find((candidate) => candidate.operationId === operationId)!;
    const request = exampleRequest(operation);
    const response = await fetch(`${baseUrl}${request.path}`, {
      method: request.method,
      headers: { accept: 'application/json', ...authFor(operation.auth), ...request.headers },
      body: JSON.stringify(request.body),
    });
    const answer = await response.json();
    expect(response.status).toBeLessThan(300);
    expect(answer.data.status).toBe('disabled');
  });
});
