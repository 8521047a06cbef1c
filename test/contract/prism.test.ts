// Bare Prism serves the source document as written: every operation answers every documented
// example with the documented status, the example verbatim, and no sl-violations.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listOperations, loadBundledDocument, projectRoot, type Operation } from '../support/contract.js';
import { freePort, startProcess, type RunningProcess } from '../support/processes.js';
import { sampleRequest } from '../support/requests.js';

const document = await loadBundledDocument();
const operations = listOperations(document).filter((operation) => !operation.path.startsWith('webhook:'));
type Case = [label: string, operation: Operation, status: string, exampleName?: string, exampleValue?: unknown];
const cases: Case[] = operations.flatMap((operation) =>
  Object.entries<any>(operation.definition.responses).flatMap(([status, response]): Case[] => {
    const examples = response.content?.['application/json']?.examples;
    if (!examples) return [[`${operation.operationId} ${status} (no body)`, operation, status]];
    return Object.entries<any>(examples).map(([name, example]): Case =>
      [`${operation.operationId} ${status} "${name}"`, operation, status, name, example.value]);
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
    const request = sampleRequest(document, operation);
    const prefer = exampleName ? `code=${status}, example=${exampleName}` : `code=${status}`;
    const response = await fetch(`${baseUrl}${request.url}`, {
      method: request.method,
      headers: { ...request.headers, prefer },
      body: request.body,
    });
    const text = await response.text();
    expect(response.headers.get('sl-violations'), text).toBeNull();
    expect(response.status, text).toBe(Number(status));
    if (exampleValue !== undefined) expect(JSON.parse(text)).toEqual(exampleValue);
  });
});
