// Stateful mode over some services only: the life cycles given answer from the store, every other
// operation from the examples, so that a mock of one service needs no other service's code.
import { describe, expect, it } from 'vitest';
import { readContract, type Operation } from '../../src/core/contract.js';
import type { Outcome, RespondContext, Responder } from '../../src/core/responders/responder.js';
import { LifeCycleResponder } from '../../src/core/state/life-cycles.js';
import { rulesLifeCycle } from '../../src/core/state/rules.js';
import { MemoryStore } from '../../src/core/state/store.js';
import { bundledSpecPath, readBundle } from '../mock/spec.js';

const contract = readContract(readBundle(bundledSpecPath()));
const operation = (operationId: string) => contract.operations.find((candidate) => candidate.operationId === operationId)!;
const FROM_EXAMPLES: Outcome = { kind: 'answer', status: 299, body: 'the examples answered' };
const examples: Responder = { respond: async () => FROM_EXAMPLES };
let counter = 0;
const ids = (prefix: string) => `${prefix}${++counter}`;

function context(op: Operation, pathParams: Record<string, string> = {}, body?: unknown): RespondContext {
  return {
    operation: op,
    path: op.path,
    pathParams,
    values: { path: pathParams, query: {}, header: {} },
    body,
    preferences: {},
    preferenceSource: '',
    accept: undefined,
    callerId: 'apikey:k',
    apiKey: { key: 'k', organization: 'org_test', permissions: [] },
    now: Date.parse('2024-03-01T10:00:00Z'),
  };
}

const newRule = operation('createRule').requestBody!.contents[0].examples[0].value;

describe('a responder given only the Rules life cycle', () => {
  const responder = new LifeCycleResponder(examples, { contract, store: new MemoryStore(), ids, lifeCycles: { rules: rulesLifeCycle } });

  it('creates a rule in the store and reads it back, beside the seeded one', async () => {
    const created = await responder.respond(context(operation('createRule'), {}, newRule));
    expect(created).toMatchObject({ kind: 'answer', status: 201, body: { data: { status: 'disabled' } } });
    const id = (created as { body: { data: { id: string } } }).body.data.id;
    expect(await responder.respond(context(operation('getRule'), { id }))).toMatchObject({ status: 200, body: { data: { id } } });
    expect(await responder.respond(context(operation('getRule'), { id: 'rule_01HXYZ1234' }))).toMatchObject({ status: 200 });
  });

  it('answers the operations of the services it was not given from the examples', async () => {
    expect(await responder.respond(context(operation('createEmailSequence'), {}, { name: 'x' }))).toBe(FROM_EXAMPLES);
    expect(await responder.respond(context(operation('getCommsSequence'), { id: 'seq_1' }))).toBe(FROM_EXAMPLES);
  });
});
