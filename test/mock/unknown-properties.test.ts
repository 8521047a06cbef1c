// Properties the contract does not name: accepted by default and named in X-Mock-Warning (the
// sources leave objects open), refused with `--strict` at their pointer in the service's envelope.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authFor, exampleRequest, type Service, type SpecOperation } from './spec.js';
import { startTestMock, type TestMock } from './server.js';

/** Each service's create operation, its validation status, and a nested object of its first example. */
const BODY_OPERATIONS: Array<[Service, string, number, string]> = [
  ['rules', 'createRule', 400, 'trigger'],
  ['sequences', 'createEmailSequence', 400, 'stopCondition'],
  ['comms', 'createCommsSequence', 422, 'steps/0'],
];

let open: TestMock;
let strict: TestMock;
beforeAll(async () => {
  [open, strict] = await Promise.all([startTestMock(), startTestMock({ strict: true })]);
});
afterAll(async () => {
  await Promise.all([open?.close(), strict?.close()]);
});

function send(mock: TestMock, operationId: string, change: (body: any) => void) {
  const operation = mock.operations.find((candidate) => candidate.operationId === operationId) as SpecOperation;
  const request = exampleRequest(operation);
  const body = structuredClone(request.body) as any;
  change(body);
  return mock.call(request.method, request.path, { headers: { ...authFor(operation.auth), ...request.headers }, body });
}

const detailsOf = (service: Service, body: any) => (service === 'rules' ? body.error.details : body.details);

describe.each(BODY_OPERATIONS)('the %s service', (service, operationId, status, nested) => {
  it('accepts an unknown property by default and names it in X-Mock-Warning', async () => {
    const answer = await send(open, operationId, (body) => {
      body.unexpected_field = 1;
      nested.split('/').reduce((node, key) => node[key], body).also_unknown = true;
    });
    expect(answer.status, answer.text).toBeLessThan(300);
    expect(answer.headers['x-mock-warning']).toMatch(/^accepted properties the contract does not name: .* \(--strict refuses them\)$/);
    expect(answer.headers['x-mock-warning'].split(': ')[1].split(' (')[0].split(', ').sort()).toEqual([`/${nested}/also_unknown`, '/unexpected_field'].sort());
  });

  it('sends no X-Mock-Warning for a body the contract names whole', async () => {
    const answer = await send(open, operationId, () => {});
    expect(answer.headers['x-mock-warning']).toBeUndefined();
  });

  it(`refuses it with --strict: ${status} at its pointer, in the validators' words`, async () => {
    const answer = await send(strict, operationId, (body) => (body.unexpected_field = 1));
    expect(answer.status).toBe(status);
    expect(detailsOf(service, answer.json)).toEqual([{ pointer: '/unexpected_field', message: 'Property "unexpected_field" is not allowed here.' }]);
  });
});
