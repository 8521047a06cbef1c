// The contract's own error examples are what the mock really sends: each documented validation and
// idempotency example is answered, verbatim, to a request that breaks the rule it shows.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { projectRoot } from '../support/contract.js';
import { readContract } from '../../src/core/contract.js';
import { ADMIN, BEARER } from './spec.js';
import { startTestMock, type TestMock } from './server.js';

let mock: TestMock;
beforeAll(async () => {
  mock = await startTestMock();
});
afterAll(() => mock?.close());

const example = (file: string) => parseYaml(readFileSync(path.join(projectRoot, 'examples', file), 'utf8')).value;
const seed = (file: string) => JSON.parse(readFileSync(path.join(projectRoot, 'test/fixtures/seeds', file), 'utf8')).value;

interface Case {
  example: string;
  status: number;
  send: () => Promise<{ status: number; json: unknown }>;
}

const cases: Case[] = [
  {
    example: 'rules/rules-validation-error.yaml',
    status: 400,
    send: () => mock.call('POST', '/api/v1/rules', { headers: ADMIN, body: { ...seed('000_createRule_request.json'), trigger: { type: 'BOGUS' } } }),
  },
  {
    example: 'rules/idempotency-key-mismatch.yaml',
    status: 400,
    send: async () => {
      const body = seed('000_createRule_request.json');
      const headers = { ...ADMIN, 'idempotency-key': 'documented-mismatch' };
      await mock.call('POST', '/api/v1/rules', { headers, body });
      return mock.call('POST', '/api/v1/rules', { headers, body: { ...body, nickname: 'Another rule' } });
    },
  },
  {
    example: 'sequences/sequences-validation-error.yaml',
    status: 400,
    send: () => mock.call('POST', '/api/v1/sequences', { headers: BEARER, body: { ...seed('003_createEmailSequence_request_1.json'), emailCount: 11, enrollmentMode: 'matching_field' } }),
  },
  {
    example: 'comms/comms-validation-error.yaml',
    status: 422,
    send: () => mock.call('POST', '/v1/sequences', { headers: BEARER, body: { brand_id: 'brand_01', name: 'Onboarding', steps: [{ position: 0, channel: 'fax', template_key: 'welcome', delay_minutes: 0 }] } }),
  },
  {
    example: 'comms/enroll-validation-error.yaml',
    status: 422,
    send: () => mock.call('POST', '/v1/sequences/seq_01JQ8M4ZK7C2V9XW3N5R6T8YBD/enroll', { headers: BEARER, body: { brand_id: 'brand_01', person_id: 'per_1', recipient: '' } }),
  },
];

it.each(cases.map((c) => [c.example, c] as const))('answers %s verbatim', async (_name, { example: file, status, send }) => {
  const answer = await send();
  expect(answer.status).toBe(status);
  expect(answer.json).toEqual(example(file));
});

it('covers every validation and idempotency example the contract documents', () => {
  const codeOf = (value: any) => value?.error?.code ?? value?.code ?? value?.error;
  const documented = readContract(mock.bundle).operations.flatMap((operation) =>
    operation.responses.flatMap((response) =>
      response.contents.flatMap((content) => content.examples.map((named) => named.value).filter((value) => ['validation_error', 'idempotency_key_mismatch'].includes(codeOf(value)))),
    ),
  );
  const tested = cases.map((c) => JSON.stringify(example(c.example)));
  expect(documented.length).toBeGreaterThan(0);
  expect(documented.filter((value) => !tested.includes(JSON.stringify(value)))).toEqual([]);
});
