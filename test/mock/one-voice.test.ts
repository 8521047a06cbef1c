// One voice: for every seed request (and the Comms create example, seed 004 printing none), each
// field broken several ways, the mock's `details` are exactly what `validateRequest` of the shipped
// validators says about the same body; and a body they call valid, the mock accepts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateRequest, type OperationId } from '../../generated/validators.js';
import { MAX_DETAILS } from '../../src/core/validation.js';
import { readSeedFixtures } from '../support/contract.js';
import { authFor, exampleRequest, type SpecOperation } from './spec.js';
import { startTestMock, type TestMock } from './server.js';

type Path = Array<string | number>;

/** Every location in a JSON value but the root. */
function locations(value: unknown, at: Path = []): Path[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => [[...at, index], ...locations(item, [...at, index])]);
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([key, child]) => [[...at, key], ...locations(child, [...at, key])]);
  return [];
}

/** The ways a field gets broken: gone, of another type, null, empty, out of any sensible bound. */
function breakings(current: unknown): Array<[string, unknown]> {
  const ways: Array<[string, unknown]> = [['deleted', undefined], ['null', null]];
  if (typeof current === 'string') ways.push(['a number', 42], ['empty', '']);
  else if (typeof current === 'number') ways.push(['a string', String(current)], ['negative', -1], ['huge', 10 ** 12]);
  else if (typeof current === 'boolean') ways.push(['a string', 'yes']);
  else if (Array.isArray(current)) ways.push(['empty', []], ['an object', {}]);
  else ways.push(['an array', []], ['empty', {}]);
  return ways;
}

function broken(body: unknown, path: Path, value: unknown): unknown {
  const copy = structuredClone(body) as any;
  const parent = path.slice(0, -1).reduce((node: any, key) => node[key], copy);
  const key = path[path.length - 1];
  if (value !== undefined) parent[key] = value;
  else if (Array.isArray(parent)) parent.splice(Number(key), 1);
  else delete parent[key];
  return copy;
}

let mock: TestMock;
beforeAll(async () => {
  mock = await startTestMock();
});
afterAll(() => mock?.close());

const requests = [
  ...readSeedFixtures()
    .filter((fixture) => fixture.direction === 'request')
    .map((fixture) => ({ label: fixture.file, operationId: fixture.operationId, body: fixture.value })),
  { label: 'createCommsSequence example', operationId: 'createCommsSequence', body: undefined as unknown },
];

const detailsOf = (body: any) => body?.error?.details ?? body?.details;

describe.each(requests)('$label', ({ operationId, body: seedBody }) => {
  it('answers every broken field with the validators\' own errors', async () => {
    const operation = mock.operations.find((candidate) => candidate.operationId === operationId) as SpecOperation;
    const request = exampleRequest(operation);
    const body = seedBody ?? request.body;
    const differences: string[] = [];
    let refused = 0;
    for (const path of locations(body)) {
      const current = path.reduce((node: any, key) => node[key], body);
      for (const [way, value] of breakings(current)) {
        const payload = broken(body, path, value);
        const expected = validateRequest(operationId as OperationId, payload);
        const answer = await mock.call(request.method, request.path, { headers: { ...authFor(operation.auth), ...request.headers }, body: payload });
        const where = `/${path.join('/')} ${way}`;
        if (expected.valid) {
          if (answer.status >= 300) differences.push(`${where}: the validators accept it, the mock answered ${answer.status} ${answer.text}`);
          continue;
        }
        refused++;
        const wanted = expected.errors.slice(0, MAX_DETAILS);
        const got = detailsOf(answer.json);
        if (JSON.stringify(got) !== JSON.stringify(wanted)) differences.push(`${where}: validators ${JSON.stringify(wanted)}, mock ${answer.status} ${JSON.stringify(got)}`);
      }
    }
    expect(differences).toEqual([]);
    expect(refused, 'some breakings must be refused, or the test compares nothing').toBeGreaterThan(3);
  });
});
