// The stateful mock for one test file: a real server on a free 127.0.0.1 port, a call that checks every
// answer against the contract with the generated validators, and the fixtures the flows send.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { validateResponse, type OperationId } from '../../generated/validators.js';
import type { MockServerOptions } from '../../src/adapters/node/mock-server.js';
import type { Answer, CallOptions } from '../mock/client.js';
import { startTestMock } from '../mock/server.js';

const ROOT = resolve(import.meta.dirname, '../..');

/** Keys in two organizations (org_alpha, org_beta), and one limited to the seeded rule. */
export const STATEFUL_KEYS = join(ROOT, 'test/fixtures/stateful/keys.yaml');

export const ALPHA = { authorization: 'ApiKey alpha_admin' };
export const ALPHA_ONE_RULE = { authorization: 'ApiKey alpha_one_rule' };
export const BETA = { authorization: 'ApiKey beta_admin' };

/** The seeded rule (the getRule example), enabled, in every organization's space. */
export const SEEDED_RULE = 'rule_01HXYZ1234';

/** ULID-like ids with the service's prefix. */
export const idPattern = (prefix: string) => new RegExp(`^${prefix}[0-9A-HJKMNP-TV-Z]{26}$`);
/** ISO 8601 UTC, to the second. */
export const TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;

/** The `value` of a seed fixture (test/fixtures/seeds), verbatim. */
export function seedValue(file: string): any {
  return JSON.parse(readFileSync(join(ROOT, 'test/fixtures/seeds', file), 'utf8')).value;
}

/** The `value` of a contract example (examples/<service>/<name>.yaml). */
export function exampleValue(file: string): any {
  return parseYaml(readFileSync(join(ROOT, 'examples', file), 'utf8')).value;
}

/** Fails, with the body and the validator's problems, when an answer does not conform to the contract. */
export function expectConforms(operationId: OperationId, answer: Answer): void {
  const body = answer.text === '' ? undefined : answer.json;
  const result = validateResponse(operationId, answer.status, body);
  expect(result.valid, `${operationId} ${answer.status} ${answer.text}\n${JSON.stringify(result)}`).toBe(true);
}

export async function startStatefulMock(options: Partial<MockServerOptions> = {}) {
  const mock = await startTestMock({ keys: STATEFUL_KEYS, stateful: true, ...options });
  /** One request of `operationId`; its answer is checked against the contract before it is returned. */
  const api = async (operationId: OperationId, method: string, path: string, call: CallOptions = {}): Promise<Answer> => {
    const answer = await mock.call(method, path, call);
    expectConforms(operationId, answer);
    return answer;
  };
  return { ...mock, api, reset: () => mock.server.mock.reset() };
}

export type StatefulTestMock = Awaited<ReturnType<typeof startStatefulMock>>;
