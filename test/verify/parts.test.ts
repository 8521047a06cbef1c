// The verifier's pure parts on the bundled contract: the schema-driven generator and mutations, the
// answer checks, the key choice and the curl line.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadKeysFile } from '../../src/adapters/node/keys-file.js';
import { loadSpecFile } from '../../src/adapters/node/spec-file.js';
import { validatorsFor } from '../../src/adapters/node/validators.js';
import { jsonContent, type Contract, type Operation } from '../../src/core/contract.js';
import type { ContractValidators } from '../../src/core/validation.js';
import { arbitraryFor } from '../../src/verify/arbitraries.js';
import { checkAnswer } from '../../src/verify/check.js';
import { keysWithoutScope, narrowestAllowing, broadestAllowing } from '../../src/verify/key-choice.js';
import type { Answer, Check } from '../../src/verify/model.js';
import { bodyMutations } from '../../src/verify/mutations.js';
import { planGenerated } from '../../src/verify/generated.js';
import { negativesOf } from '../../src/verify/plan.js';
import type { PlanContext } from '../../src/verify/planning.js';
import { exampleParts } from '../../src/verify/requests.js';
import { curlLine } from '../../src/verify/send.js';
import { DEMO_KEYS, SPEC } from './provider.js';

let document: unknown;
let contract: Contract;
let validators: ContractValidators;
let context: PlanContext;
const operation = (id: string): Operation => contract.operations.find((candidate) => candidate.operationId === id)!;

beforeAll(async () => {
  const spec = await loadSpecFile(SPEC);
  ({ document, contract } = spec);
  validators = validatorsFor(spec);
  context = { document, contract, validators, keys: await loadKeysFile(DEMO_KEYS, contract.scopes), bearer: 'token', readOnly: false, newId: () => 'id' };
});

const withBody = () => contract.operations.filter((candidate) => !candidate.webhook && candidate.requestBody && jsonContent(candidate.requestBody.contents)?.schema);

describe('requests generated from the schemas', () => {
  it('are often valid for every request body, so discarding the refused ones leaves plenty', () => {
    for (const candidate of withBody()) {
      const schema = { $ref: jsonContent(candidate.requestBody!.contents)!.schema };
      const bodies = fc.sample(arbitraryFor(document, schema), { seed: 1, numRuns: 200 });
      const valid = bodies.filter((body) => validators.validateRequest(candidate.operationId, body).valid);
      expect(valid.length, candidate.operationId).toBeGreaterThan(20);
    }
  });

  it('are sent as valid only when the contract accepts them: its `not` and if/then rules included', () => {
    const generated = planGenerated(context, [operation('createEmailSequence')], 60, 4);
    const bodies = generated.steps.flatMap((step) => (step.kind === 'probe' && step.checks[0].title.includes('(valid,') ? [step.request.body as Record<string, unknown>] : []));
    expect(bodies.length).toBeGreaterThan(20);
    // The generator does not model "not both goal and steps": the validators discarded those candidates.
    expect(generated.discarded).toBeGreaterThan(0);
    expect(bodies.filter((body) => 'goal' in body && 'steps' in body)).toEqual([]);
    expect(bodies.filter((body) => body.enrollmentMode === 'matching_field' && body.trigger !== 'event_received')).toEqual([]);
  });

  it('repeat with the same seed and differ with another', () => {
    const schema = { $ref: jsonContent(operation('createRule').requestBody!.contents)!.schema };
    const sample = (seed: number) => fc.sample(arbitraryFor(document, schema), { seed, numRuns: 5 });
    expect(sample(9)).toEqual(sample(9));
    expect(sample(9)).not.toEqual(sample(10));
  });

  it('leave out readOnly properties, which a request never carries', () => {
    const schema = { $ref: jsonContent(operation('createRule').requestBody!.contents)!.schema };
    const text = JSON.stringify(fc.sample(arbitraryFor(document, schema), { seed: 3, numRuns: 100 }));
    expect(text).not.toContain('is_direct_deposit');
    expect(text).toContain('up_to_enabled');
  });
});

describe('negative cases', () => {
  it('find a missing required field, a wrong type and a broken bound for every request body that has one, each refused by the contract', () => {
    for (const candidate of withBody()) {
      const negatives = negativesOf(context, candidate, exampleParts(document, candidate));
      const kinds = new Set(negatives.map((negative) => negative.kind));
      expect(kinds.has('wrong-type'), candidate.operationId).toBe(true);
      for (const negative of negatives) expect(validators.validateRequest(candidate.operationId, negative.parts.body).valid, negative.description).toBe(false);
    }
  });

  it('follow the branch a tagged union selects and list shallow places first', () => {
    const body = exampleParts(document, operation('createRule')).body as { trigger: { type: string } };
    const mutations = bodyMutations(document, { $ref: jsonContent(operation('createRule').requestBody!.contents)!.schema }, body);
    const descriptions = mutations.map((mutation) => mutation.description);
    expect(descriptions[0]).toBe('without the required /status');
    expect(body.trigger.type).toBe('ON_FUNDS_TRANSFERRED');
    expect(descriptions).toContain('without the required /trigger/account_id');
    expect(descriptions).not.toContain('without the required /trigger/schedule_type');
    expect(descriptions).toContain('/steps = [] (minItems 1)');
  });

  it('use the query string when the operation has no body', () => {
    const negatives = negativesOf(context, operation('listRuleExecutions'), exampleParts(document, operation('listRuleExecutions')));
    expect(negatives.map((negative) => negative.description)).toEqual(
      expect.arrayContaining(['without the required query parameter rule_id', 'query first=not-a-number where the contract says integer', 'query first=0 (minimum 1)', 'query first=101 (maximum 100)']),
    );
  });
});

describe('checking an answer', () => {
  const answer = (status: number, body: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }): Answer => ({
    status,
    headers,
    body: body === undefined ? '' : JSON.stringify(body),
  });
  const documented: Check = { id: 'example', title: 'x', expectations: [{ kind: 'documented' }] };
  const checkContext = () => ({ contract, validators, strict: false });

  it('passes the documented example answer and names the place of a broken one', () => {
    const rule = jsonContent(operation('getRule').responses[0].contents)!.examples[0].value as { data: Record<string, unknown> };
    expect(checkAnswer(checkContext(), operation('getRule'), documented, answer(200, rule))).toEqual([]);
    const broken = { ...rule, data: { ...rule.data, status: 'paused' } };
    expect(checkAnswer(checkContext(), operation('getRule'), documented, answer(200, broken))).toEqual([expect.objectContaining({ rule: 'schema', pointer: '/data/status' })]);
  });

  it('refuses a body where the contract documents none, and a body that is not JSON', () => {
    expect(checkAnswer(checkContext(), operation('deleteRule'), documented, answer(204, { deleted: true }))).toEqual([expect.objectContaining({ rule: 'unexpected-body' })]);
    expect(checkAnswer(checkContext(), operation('deleteRule'), documented, answer(204, undefined, {}))).toEqual([]);
    const notJson = { status: 200, headers: { 'content-type': 'application/json' }, body: '<html>' };
    expect(checkAnswer(checkContext(), operation('getRule'), documented, notJson)).toEqual([expect.objectContaining({ rule: 'not-json' })]);
  });

  it('fails every check, whatever it expects, on a 5xx or when there is no answer', () => {
    const echo: Check = { id: 'request-id:echo', title: 'x', expectations: [{ kind: 'request-id-echo', sent: 'r1' }] };
    const failed = answer(503, { error: { code: 'unavailable', message: 'down' } }, { 'content-type': 'application/json', 'x-request-id': 'r1' });
    expect(checkAnswer(checkContext(), operation('getRule'), echo, failed).map((violation) => violation.rule)).toEqual(['server-error']);
    expect(checkAnswer(checkContext(), operation('getRule'), echo, { status: 0, headers: {}, body: '', error: 'fetch failed (ECONNRESET)' })).toEqual([{ rule: 'no-answer', message: 'fetch failed (ECONNRESET)' }]);
  });

  it('asks the validators for strictness when --strict is on', () => {
    const seen: unknown[] = [];
    const recording: ContractValidators = { ...validators, validateResponse: (id, status, body, options) => (seen.push(options), validators.validateResponse(id, status, body, options)) };
    checkAnswer({ contract, validators: recording, strict: true }, operation('listRules'), documented, answer(200, { request_id: 'r', data: [] }));
    expect(seen).toEqual([{ strict: true }]);
  });
});

describe('choosing keys', () => {
  it('picks the broadest key for the examples, the narrowest to show a grant works, and a key without the scope', () => {
    const getRule = operation('getRule');
    const facts = { pathParams: { id: 'rule_01HXYZ1234' }, query: {}, body: undefined };
    expect(broadestAllowing(context.keys!, getRule.permission!, facts).map((key) => key.key)).toEqual(['demo_admin', 'demo_reader']);
    expect(narrowestAllowing(context.keys!, getRule.permission!, facts).map((key) => key.key)).toEqual(['demo_reader', 'demo_admin']);
    expect(keysWithoutScope(context.keys!, 'READ_RULES').map((key) => key.key)).toEqual(['demo_transfers', 'demo_no_access']);
  });
});

describe('the curl line', () => {
  it('repeats the request exactly, quoting what the shell would change', () => {
    const request = { method: 'POST', path: '/v1/sequences', headers: { authorization: 'Bearer t', 'content-type': 'application/json' }, body: { name: "it's" } };
    expect(curlLine('http://127.0.0.1:4010/', request)).toBe(
      `curl -i -X POST 'http://127.0.0.1:4010/v1/sequences' -H 'authorization: Bearer t' -H 'content-type: application/json' --data-raw '{"name":"it'\\''s"}'`,
    );
  });
});
