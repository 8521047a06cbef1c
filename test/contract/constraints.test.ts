// Constraints the sources state, each as a payload that breaks exactly one of them: the contract
// rejects it, pointing at the offending field. A passing base payload proves the break is the cause.
// And what the sources allow, each as a payload the contract once refused: it is accepted.
import { describe, expect, it } from 'vitest';
import type { ErrorObject } from 'ajv';
import {
  bodySchema, createContractValidator, listOperations, loadBundledDocument, readSeedFixtures,
} from '../support/contract.js';

const document = await loadBundledDocument();
const operations = listOperations(document);
const validate = createContractValidator(document);
const seedValue = (file: string) => structuredClone(readSeedFixtures().find((f) => f.file === file)!.value) as any;
const exampleValue = (operationId: string, direction: 'request' | 'response', status?: number) => {
  const operation = operations.find((o) => o.operationId === operationId)!;
  const content = direction === 'request'
    ? operation.definition.requestBody.content
    : operation.definition.responses[String(status)].content;
  return structuredClone(Object.values<any>(content['application/json'].examples)[0].value);
};

/** Where each error points: the failing value, or for a missing/extra property, that property. */
function pointersOf(errors: ErrorObject[]): string[] {
  return errors.map((error) => {
    const property = (error.params as any).missingProperty
      ?? (error.params as any).additionalProperty
      ?? (error.params as any).unevaluatedProperty;
    return property === undefined ? error.instancePath : `${error.instancePath}/${property}`;
  });
}

interface Case {
  name: string;
  operationId: string;
  direction: 'request' | 'response';
  status?: number;
  base: () => any;
  mutate: (payload: any) => void;
  pointer: string;
}

function accept({ operationId, direction, status, base, mutate }: Omit<Case, 'pointer'>) {
  const schema = bodySchema(operations.find((o) => o.operationId === operationId)!, direction, status);
  const payload = base();
  mutate(payload);
  expect(validate(schema, payload)).toEqual([]);
}

function check({ operationId, direction, status, base, mutate, pointer }: Case) {
  const operation = operations.find((o) => o.operationId === operationId)!;
  const schema = bodySchema(operation, direction, status);
  const payload = base();
  expect(validate(schema, payload), 'the unbroken payload is valid').toEqual([]);
  mutate(payload);
  const errors = validate(schema, payload);
  expect(errors.length, 'the broken payload is rejected').toBeGreaterThan(0);
  expect(pointersOf(errors)).toContain(pointer);
}

const createRule = () => seedValue('000_createRule_request.json');
const updateRule = () => seedValue('001_updateRule_request.json');
const ruleResponse = () => seedValue('000_createRule_response_201.json');

const rulesCases: Case[] = [
  { name: 'an unknown trigger type', operationId: 'createRule', direction: 'request', base: createRule,
    mutate: (p) => { p.trigger.type = 'ON_FULL_MOON'; }, pointer: '/trigger/type' },
  { name: 'an ON_FUNDS_TRANSFERRED trigger without account_id', operationId: 'createRule', direction: 'request', base: createRule,
    mutate: (p) => { delete p.trigger.account_id; }, pointer: '/trigger/account_id' },
  { name: 'a SCHEDULED trigger whose start_date is not a date-time', operationId: 'updateRule', direction: 'request', base: updateRule,
    mutate: (p) => { p.trigger.start_date = 'first of April'; }, pointer: '/trigger/start_date' },
  { name: 'a SCHEDULED trigger without schedule_type', operationId: 'updateRule', direction: 'request', base: updateRule,
    mutate: (p) => { delete p.trigger.schedule_type; }, pointer: '/trigger/schedule_type' },
  { name: 'a status other than enabled or disabled', operationId: 'createRule', direction: 'request', base: createRule,
    mutate: (p) => { p.status = 'paused'; }, pointer: '/status' },
  { name: 'a missing status', operationId: 'createRule', direction: 'request', base: createRule,
    mutate: (p) => { delete p.status; }, pointer: '/status' },
  { name: 'a null nickname on create (nullable only on replace)', operationId: 'createRule', direction: 'request', base: createRule,
    mutate: (p) => { p.nickname = null; }, pointer: '/nickname' },
  { name: 'a null description on create (nullable only on replace)', operationId: 'createRule', direction: 'request', base: createRule,
    mutate: (p) => { p.description = null; }, pointer: '/description' },
  { name: 'a nickname that is neither string nor null on replace', operationId: 'updateRule', direction: 'request', base: updateRule,
    mutate: (p) => { p.nickname = 42; }, pointer: '/nickname' },
  { name: 'no steps at all', operationId: 'createRule', direction: 'request', base: createRule,
    mutate: (p) => { p.steps = []; }, pointer: '/steps' },
  { name: 'an unknown action type', operationId: 'createRule', direction: 'request', base: createRule,
    mutate: (p) => { p.steps[0].actions[0].type = 'lottery'; }, pointer: '/steps/0/actions/0/type' },
  { name: 'a percentage above 100', operationId: 'createRule', direction: 'request', base: createRule,
    mutate: (p) => { p.steps[0].actions[0].percentage_value = 120; }, pointer: '/steps/0/actions/0/percentage_value' },
  { name: 'a fixed amount that is not integer cents', operationId: 'createRule', direction: 'request', base: createRule,
    mutate: (p) => { p.steps[1].actions[0].amount_in_cents = 50.5; }, pointer: '/steps/1/actions/0/amount_in_cents' },
  { name: 'an unknown condition fact', operationId: 'createRule', direction: 'request', base: createRule,
    mutate: (p) => { p.steps[0].conditions.condition.fact = 'MOOD'; }, pointer: '/steps/0/conditions/condition/fact' },
  { name: 'an unknown source node type', operationId: 'createRule', direction: 'request', base: createRule,
    mutate: (p) => { p.steps[0].actions[0].source.type = 'piggy_bank'; }, pointer: '/steps/0/actions/0/source/type' },
  { name: 'a rule response without request_id', operationId: 'createRule', direction: 'response', status: 201, base: ruleResponse,
    mutate: (p) => { delete p.request_id; }, pointer: '/request_id' },
  { name: 'an error body without a message', operationId: 'deleteRule', direction: 'response', status: 404,
    base: () => seedValue('002_deleteRule_response_404.json'), mutate: (p) => { delete p.error.message; }, pointer: '/error/message' },
];

const aiSequence = () => seedValue('003_createEmailSequence_request_1.json');
const blocksSequence = () => seedValue('003_createEmailSequence_request_2.json');
const discountSequence = () => seedValue('003_createEmailSequence_request_4.json');
const eventSequence = () => seedValue('003_createEmailSequence_request_5.json');
const sequencesCases: Case[] = [
  { name: 'more than 10 emails to generate', operationId: 'createEmailSequence', direction: 'request', base: aiSequence,
    mutate: (p) => { p.emailCount = 11; }, pointer: '/emailCount' },
  { name: 'an unknown trigger', operationId: 'createEmailSequence', direction: 'request', base: aiSequence,
    mutate: (p) => { p.trigger = 'full_moon'; }, pointer: '/trigger' },
  { name: 'a missing name', operationId: 'createEmailSequence', direction: 'request', base: aiSequence,
    mutate: (p) => { delete p.name; }, pointer: '/name' },
  { name: 'matching_field enrollment on a trigger other than event_received', operationId: 'createEmailSequence', direction: 'request', base: aiSequence,
    mutate: (p) => { p.enrollmentMode = 'matching_field'; }, pointer: '/trigger' },
  { name: 'an unknown enrollment mode', operationId: 'createEmailSequence', direction: 'request', base: eventSequence,
    mutate: (p) => { p.enrollmentMode = 'twice'; }, pointer: '/enrollmentMode' },
  { name: 'an unknown stop condition', operationId: 'createEmailSequence', direction: 'request', base: aiSequence,
    mutate: (p) => { p.stopCondition.type = 'has_mood'; }, pointer: '/stopCondition/type' },
  { name: 'an email step with neither blocks nor html', operationId: 'createEmailSequence', direction: 'request', base: blocksSequence,
    mutate: (p) => { delete p.steps[1].blocks; }, pointer: '/steps/1/blocks' },
  { name: 'a step of an unknown type', operationId: 'createEmailSequence', direction: 'request', base: discountSequence,
    mutate: (p) => { p.steps[0].type = 'send_sms'; }, pointer: '/steps/0/type' },
  { name: 'a discount step without its discount', operationId: 'createEmailSequence', direction: 'request', base: discountSequence,
    mutate: (p) => { delete p.steps[0].discount; }, pointer: '/steps/0/discount' },
  { name: 'a percent discount above 100%', operationId: 'createEmailSequence', direction: 'request', base: discountSequence,
    mutate: (p) => { p.steps[0].discount.percentOff = 150; }, pointer: '/steps/0/discount/percentOff' },
  { name: 'an unknown discount duration', operationId: 'createEmailSequence', direction: 'request', base: discountSequence,
    mutate: (p) => { p.steps[0].discount.duration = 'sometimes'; }, pointer: '/steps/0/discount/duration' },
  { name: 'both a goal and explicit steps', operationId: 'createEmailSequence', direction: 'request', base: blocksSequence,
    mutate: (p) => { p.goal = 'Welcome people'; }, pointer: '' },
  { name: 'an event without its name', operationId: 'trackSubscriberEvent', direction: 'request',
    base: () => seedValue('003_trackSubscriberEvent_request.json'), mutate: (p) => { delete p.event; }, pointer: '/event' },
  { name: 'a created response whose status is not draft', operationId: 'createEmailSequence', direction: 'response', status: 200,
    base: () => seedValue('003_createEmailSequence_response_200.json'), mutate: (p) => { p.sequence.status = 'sending'; }, pointer: '/sequence/status' },
];

const commsSequence = () => exampleValue('createCommsSequence', 'request');
const commsEnroll = () => exampleValue('enrollInCommsSequence', 'request');
const commsCases: Case[] = [
  { name: 'an empty brand_id', operationId: 'createCommsSequence', direction: 'request', base: commsSequence,
    mutate: (p) => { p.brand_id = ''; }, pointer: '/brand_id' },
  { name: 'a missing brand_id', operationId: 'createCommsSequence', direction: 'request', base: commsSequence,
    mutate: (p) => { delete p.brand_id; }, pointer: '/brand_id' },
  { name: 'an empty name', operationId: 'createCommsSequence', direction: 'request', base: commsSequence,
    mutate: (p) => { p.name = ''; }, pointer: '/name' },
  { name: 'an unknown channel', operationId: 'createCommsSequence', direction: 'request', base: commsSequence,
    mutate: (p) => { p.steps[0].channel = 'fax'; }, pointer: '/steps/0/channel' },
  { name: 'a negative position', operationId: 'createCommsSequence', direction: 'request', base: commsSequence,
    mutate: (p) => { p.steps[0].position = -1; }, pointer: '/steps/0/position' },
  { name: 'a fractional delay_minutes', operationId: 'createCommsSequence', direction: 'request', base: commsSequence,
    mutate: (p) => { p.steps[0].delay_minutes = 1.5; }, pointer: '/steps/0/delay_minutes' },
  { name: 'an empty template_key', operationId: 'createCommsSequence', direction: 'request', base: commsSequence,
    mutate: (p) => { p.steps[0].template_key = ''; }, pointer: '/steps/0/template_key' },
  { name: 'an enrollment without recipient', operationId: 'enrollInCommsSequence', direction: 'request', base: commsEnroll,
    mutate: (p) => { delete p.recipient; }, pointer: '/recipient' },
  { name: 'an enrollment with an empty person_id', operationId: 'enrollInCommsSequence', direction: 'request', base: commsEnroll,
    mutate: (p) => { p.person_id = ''; }, pointer: '/person_id' },
  { name: 'a sequence response missing description (required, nullable)', operationId: 'getCommsSequence', direction: 'response', status: 200,
    base: () => exampleValue('getCommsSequence', 'response', 200), mutate: (p) => { delete p.description; }, pointer: '/description' },
];

describe('the Rules service rejects', () => {
  it.each(rulesCases.map((c) => [c.name, c] as const))('%s', (_, c) => check(c));
});

describe('the Sequences service rejects', () => {
  it.each(sequencesCases.map((c) => [c.name, c] as const))('%s', (_, c) => check(c));
});

describe('the Comms service rejects', () => {
  it.each(commsCases.map((c) => [c.name, c] as const))('%s', (_, c) => check(c));
});

const UNPUBLISHED_ACTION_TYPES = ['avalanche', 'snowball', 'top_up', 'round_down', 'next_payment_minimum'];
const acceptedCases: Array<Omit<Case, 'pointer'>> = [
  ...UNPUBLISHED_ACTION_TYPES.map((type): Omit<Case, 'pointer'> => ({
    name: `an action of type ${type} carrying fields of its own, which the docs do not publish`, operationId: 'createRule', direction: 'request', base: createRule,
    mutate: (p) => {
      const { source, destination } = p.steps[1].actions[0];
      p.steps[1].actions[0] = { type, source, destination, group_index: 0, up_to_enabled: true, target_amount_in_cents: 10000, account_ids: ['acc_01HGHI7890'] };
    },
  })),
  { name: 'a rule with a field the pages do not list (objects are open where the sources are silent)', operationId: 'updateRule', direction: 'request', base: updateRule,
    mutate: (p) => { p.priority = 1; p.steps[0].actions[0].source.name = 'Chase Checking'; } },
  { name: 'an empty enrollmentFieldPath, which the seed says to leave empty for the Shopify default', operationId: 'createEmailSequence', direction: 'request', base: eventSequence,
    mutate: (p) => { p.enrollmentMode = 'matching_field'; p.enrollmentFieldPath = ''; } },
  { name: 'planIds as objects, as the seed\'s type template prints them ([{}])', operationId: 'createEmailSequence', direction: 'request', base: discountSequence,
    mutate: (p) => { p.steps[0].discount.appliesToAllPlans = false; p.steps[0].discount.planIds = [{}, { id: 'price_basic' }]; } },
  { name: 'planIds as provider IDs', operationId: 'createEmailSequence', direction: 'request', base: discountSequence,
    mutate: (p) => { p.steps[0].discount.appliesToAllPlans = false; p.steps[0].discount.planIds = ['prod_basic']; } },
  { name: 'the vendor SDK\'s sms and update_subscriber steps, with their unpublished fields', operationId: 'createEmailSequence', direction: 'request', base: blocksSequence,
    mutate: (p) => { p.steps.push({ type: 'sms', message: 'Welcome!', delay: { days: 1 } }, { type: 'update_subscriber', tags: ['onboarded'] }); } },
  { name: 'a Comms sequence with fields the printed schema does not list, at the top and in a step', operationId: 'createCommsSequence', direction: 'request', base: commsSequence,
    mutate: (p) => { p.locale = 'en'; p.steps[0].subject = 'Welcome'; } },
  { name: 'a Comms 201 answer with fields the printed schema does not list', operationId: 'createCommsSequence', direction: 'response', status: 201,
    base: () => exampleValue('createCommsSequence', 'response', 201), mutate: (p) => { p.archived_at = null; p.steps[0].template_version = 3; } },
];

describe('the contract accepts what the sources allow', () => {
  it.each(acceptedCases.map((c) => [c.name, c] as const))('%s', (_, c) => accept(c));
});

describe('headers and query parameters', () => {
  const parameters = operations.flatMap((operation) =>
    (operation.definition.parameters ?? [])
      .filter((parameter: any) => parameter.in === 'header' || parameter.in === 'query')
      .map((parameter: any) => [`${operation.operationId} ${parameter.in} ${parameter.name}`, parameter] as const));

  it('exist', () => {
    expect(parameters.length).toBeGreaterThan(operations.length);
  });

  it.each(parameters)('%s refuses an empty value', (_, parameter) => {
    expect(validate(parameter.schema, '').length).toBeGreaterThan(0);
  });

  it('take an X-Request-ID of up to 200 characters, a limit the contract marks as its own', () => {
    const requestIds = parameters.filter(([, parameter]) => parameter.name === 'X-Request-ID').map(([, parameter]) => parameter);
    expect(requestIds.length).toBeGreaterThan(10);
    for (const { schema } of requestIds) {
      expect(validate(schema, `req_${'x'.repeat(196)}`)).toEqual([]);
      expect(validate(schema, `req_${'x'.repeat(197)}`).map((error) => error.keyword)).toEqual(['maxLength']);
      expect(schema['x-extension']).toMatch(/200/);
    }
  });
});
