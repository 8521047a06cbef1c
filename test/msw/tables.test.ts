// generated/mock/: each service's table is the walker's reading of the contract (readContract) for that
// service, so the in-page core reads the same operations, examples and scopes as the Node server.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import * as comms from '../../generated/mock/comms.js';
import { demoKeys } from '../../generated/mock/demo-keys.js';
import * as rules from '../../generated/mock/rules.js';
import * as sequences from '../../generated/mock/sequences.js';
import { readContract, type Operation } from '../../src/core/contract.js';
import { SERVICE_NAMES } from '../../src/core/services.js';
import { bundledSpecPath, readBundle } from '../mock/spec.js';

const document = readBundle(bundledSpecPath());
const contract = readContract(document);
const tables = { rules, sequences, comms };

/** What the tables leave out: example summaries, which only a reader of the docs needs. */
function withoutSummaries(operation: Operation): unknown {
  return JSON.parse(JSON.stringify(operation, (key, value) => (key === 'summary' ? undefined : value)));
}

describe.each(SERVICE_NAMES.map((service) => [service] as const))('the %s table', (service) => {
  const table = tables[service];
  const operations = contract.operations.filter((operation) => operation.service === service && !operation.webhook);

  it("holds the walker's operations of the service, in its order, webhooks and summaries left out", () => {
    expect(operations.length).toBeGreaterThan(0);
    expect(table.contract.operations).toEqual(operations.map(withoutSummaries));
  });

  it('names the contract and carries the scope table only where its operations have permissions', () => {
    expect(table.contract).toMatchObject({ title: contract.title, version: contract.version });
    const guarded = operations.some((operation) => operation.permission);
    expect(table.contract.scopes).toEqual(guarded ? contract.scopes!.map(({ scope, resources }) => ({ scope, resources })) : undefined);
  });
});

it('holds the demo keys of mock/demo-keys.yaml', () => {
  expect(demoKeys).toEqual(parse(readFileSync(new URL('../../mock/demo-keys.yaml', import.meta.url), 'utf8')));
});
