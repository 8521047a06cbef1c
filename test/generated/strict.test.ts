// `{ strict: true }`: an object that lists its properties refuses the others, at any depth, through the
// contract's compositions (allOf bases, tagged unions, nullable references), and refuses nothing else.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as generated from '../../generated/validators.js';
import { compileValidators } from '../../src/validation/compile.js';
import type { ValidationResult, Validators } from '../../src/validation/results.js';
import { addStrictSchemas } from '../../src/validation/strict-schemas.js';
import { contractPayloads, mutatedPayload, objectsIn, replacementValues, withOpenObjects, type Payload } from './payloads.js';

const document = JSON.parse(readFileSync(new URL('../../generated/openapi.json', import.meta.url), 'utf8'));
const NOT_ALLOWED = /^Property "[^"]+" is not allowed here\.$/;

const check = (validators: Pick<Validators, 'validateRequest' | 'validateResponse'>, payload: Payload, strict: boolean): ValidationResult =>
  payload.status === undefined
    ? validators.validateRequest(payload.operationId as never, payload.value, { strict })
    : validators.validateResponse(payload.operationId as never, payload.status, payload.value, { strict });
const errorsOf = (result: ValidationResult) => (result.valid ? [] : result.errors);

/** Removes the property each "not allowed" error names. */
function withoutUnknown(value: unknown, result: ValidationResult): unknown {
  const copy = structuredClone(value);
  for (const { pointer } of errorsOf(result)) {
    const tokens = pointer.split('/').slice(1).map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
    const name = tokens.pop()!;
    const parent = tokens.reduce<any>((node, token) => node?.[token], copy);
    delete parent[name];
  }
  return copy;
}

/**
 * The strict check refuses only unknown properties: where the normal check refuses, the strict one
 * says the same first; where it accepts, the strict one accepts too, or names only properties that
 * are not allowed, and without them both accept.
 */
function expectStrictOnlyAddsUnknownProperties(validators: Validators, payload: Payload) {
  const normal = check(validators, payload, false);
  const strict = check(validators, payload, true);
  if (!normal.valid) {
    expect(strict.valid).toBe(false);
    const errors = errorsOf(strict);
    expect(errors.slice(0, normal.errors.length)).toEqual(normal.errors);
    for (const { message } of errors.slice(normal.errors.length)) expect(message).toMatch(NOT_ALLOWED);
    return;
  }
  if (strict.valid) return;
  for (const { message } of strict.errors) expect(message).toMatch(NOT_ALLOWED);
  const cleaned = { ...payload, value: withoutUnknown(payload.value, strict) };
  expect(check(validators, cleaned, true)).toEqual({ valid: true });
}

// A small contract with the compositions of the real one, open, and the same closed by hand.
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: unknown) => ({ content: { 'application/json': { schema } } });
const openShapes = {
  openapi: '3.1.0',
  info: { title: 'shapes', version: '1' },
  paths: {
    '/things': {
      'x-service': 'rules',
      post: { operationId: 'createThing', requestBody: { required: true, ...json(ref('Thing')) }, responses: { '201': { description: 'Created', ...json(ref('Thing')) } } },
    },
  },
  components: {
    schemas: {
      Node: { type: 'object', required: ['id'], properties: { id: { type: 'string' }, kind: { enum: ['a', 'b'] } } },
      Base: { type: 'object', required: ['type', 'source'], properties: { type: { type: 'string' }, source: ref('Node'), note: { type: 'string' } } },
      Percent: { allOf: [ref('Base'), { type: 'object', required: ['value'], properties: { type: { const: 'percent' }, value: { type: 'number' } } }] },
      Fixed: { allOf: [ref('Base'), { type: 'object', properties: { type: { const: 'fixed' }, amount: { type: 'integer' } } }] },
      Action: {
        oneOf: [ref('Percent'), ref('Fixed')],
        discriminator: { propertyName: 'type', mapping: { percent: '#/components/schemas/Percent', fixed: '#/components/schemas/Fixed' } },
      },
      Step: {
        oneOf: [
          { type: 'object', required: ['subject'], properties: { type: { const: 'email' }, subject: { type: 'string' } } },
          { type: 'object', required: ['type', 'discount'], properties: { type: { const: 'discount' }, discount: ref('Node') } },
        ],
      },
      Thing: {
        type: 'object',
        required: ['actions'],
        properties: {
          actions: { type: 'array', items: ref('Action') },
          steps: { type: 'array', items: ref('Step') },
          parent: { oneOf: [ref('Node'), { type: 'null' }] },
          pair: { type: 'array', prefixItems: [ref('Node'), { type: 'object', properties: { label: { type: 'string' } } }] },
          labels: { type: 'object', additionalProperties: { type: 'object', properties: { text: { type: 'string' } } } },
          metadata: { type: 'object' },
          mode: { enum: ['x', 'y'] },
          extra: { type: 'object', properties: { flag: { type: 'boolean' } } },
        },
        allOf: [{ if: { properties: { mode: { const: 'x' } }, required: ['mode'] }, then: { required: ['extra'] } }],
      },
    },
  },
};

function closedByHand() {
  const shapes = structuredClone(openShapes);
  const schemas: any = shapes.components.schemas;
  schemas.Node.additionalProperties = false;
  schemas.Percent.unevaluatedProperties = false;
  schemas.Fixed.unevaluatedProperties = false;
  for (const branch of schemas.Step.oneOf) branch.additionalProperties = false;
  schemas.Thing.additionalProperties = false;
  schemas.Thing.properties.pair.prefixItems[1].additionalProperties = false;
  schemas.Thing.properties.labels.additionalProperties.additionalProperties = false;
  schemas.Thing.properties.extra.additionalProperties = false;
  return shapes;
}

const things: Payload[] = [
  {
    label: 'every part',
    operationId: 'createThing',
    value: {
      actions: [{ type: 'percent', value: 5, source: { id: 'n1', kind: 'a' }, note: 'n' }, { type: 'fixed', amount: 2, source: { id: 'n2' } }],
      steps: [{ subject: 'Hi' }, { type: 'email', subject: 'Again' }, { type: 'discount', discount: { id: 'd' } }],
      parent: { id: 'p' },
      pair: [{ id: 'first' }, { label: 'second' }, 'third'],
      labels: { en: { text: 'Hello' }, fr: {} },
      metadata: { anything: { goes: [1] } },
      mode: 'x',
      extra: { flag: true },
    },
  },
  { label: 'the least', operationId: 'createThing', status: 201, value: { actions: [], parent: null } },
];

describe('strict copies of a small contract with the real one\'s compositions', () => {
  const open = compileValidators(openShapes);
  const closed = compileValidators(closedByHand());

  it('accept exactly what the same schemas closed by hand accept', () => {
    fc.assert(
      fc.property(mutatedPayload(things, replacementValues(openShapes)), (payload) => {
        expect(check(open, payload, true).valid).toBe(check(closed, payload, false).valid);
      }),
      { numRuns: 3000, seed: 20240301 },
    );
  });

  it('leave free-form objects and maps open, and close what they hold', () => {
    const [{ value }] = things;
    const body = structuredClone(value) as any;
    body.metadata.more = 1;
    body.labels.de = { text: 'Hallo' };
    expect(open.validateRequest('createThing', body, { strict: true })).toEqual({ valid: true });
    body.labels.de.colour = 'red';
    expect(open.validateRequest('createThing', body, { strict: true })).toEqual({
      valid: false,
      errors: [{ pointer: '/labels/de/colour', message: 'Property "colour" is not allowed here.' }],
    });
  });

  it('close no member of a composition itself, and no $ref target', () => {
    const { document: strictDocument } = addStrictSchemas(openShapes, ['#/components/schemas/Thing']);
    expect(strictDocument.components).toEqual(openShapes.components);
    const members = JSON.stringify(Object.values(strictDocument.$defs).flatMap((schema: any) => [...(schema.allOf ?? []), ...(schema.oneOf ?? [])]));
    expect(JSON.parse(members).filter((member: any) => 'unevaluatedProperties' in member)).toEqual([]);
  });
});

describe('the strict check of the contract', () => {
  const payloads = contractPayloads(document);
  const opened = compileValidators(withOpenObjects(document));

  it('has payloads to check', () => {
    expect(payloads.length).toBeGreaterThan(50);
  });

  it.each(payloads)('accepts $label verbatim (generated validators)', (payload) => {
    expect(check(generated, payload, true)).toEqual({ valid: true });
  });

  it.each(payloads)('accepts $label verbatim (every object of the contract open)', (payload) => {
    expect(check(opened, payload, true)).toEqual({ valid: true });
  });

  it('refuses only unknown properties, and names them (generated validators)', () => {
    fc.assert(
      fc.property(mutatedPayload(payloads, replacementValues(document)), (payload) => expectStrictOnlyAddsUnknownProperties(generated, payload)),
      { numRuns: 1500, seed: 7 },
    );
  });

  it('refuses only unknown properties, and names them (every object of the contract open)', () => {
    fc.assert(
      fc.property(mutatedPayload(payloads, replacementValues(document)), (payload) => expectStrictOnlyAddsUnknownProperties(opened, payload)),
      { numRuns: 1500, seed: 11 },
    );
  });

  it('refuses an unknown property in any object of every example (every object of the contract open)', () => {
    for (const payload of payloads) {
      const value = structuredClone(payload.value);
      const objects = objectsIn(value);
      for (const object of objects) (object as any).zz_unknown = true;
      if (objects.length === 0) continue;
      const result = check(opened, { ...payload, value }, true);
      expect(result.valid, payload.label).toBe(false);
      for (const { message } of errorsOf(result)) expect(message, payload.label).toMatch(NOT_ALLOWED);
    }
  });
});

describe('unknown properties in the contract\'s unions (every object open)', () => {
  const opened = compileValidators(withOpenObjects(document));
  const seed = (file: string) => structuredClone(contractPayloads(document).find((payload) => payload.label === `seed ${file}`)!.value) as any;

  const changed = (file: string, operationId: string) => (name: string, pointer: string, change: (body: any) => void) => ({
    name,
    operationId,
    pointer,
    body: () => {
      const body = seed(file);
      change(body);
      return body;
    },
  });
  const rule = changed('000_createRule_request.json', 'createRule');
  const sequence = changed('003_createEmailSequence_request_2.json', 'createEmailSequence');
  const cases = [
    rule('a rule', '/x', (body) => (body.x = 1)),
    rule('an ON_FUNDS_TRANSFERRED trigger (a tagged union)', '/trigger/x', (body) => (body.trigger.x = 1)),
    rule('a percentage action (an allOf base in a tagged union)', '/steps/0/actions/0/x', (body) => (body.steps[0].actions[0].x = 1)),
    rule('an action\'s source node', '/steps/0/actions/0/source/x', (body) => (body.steps[0].actions[0].source.x = 1)),
    rule('a rule step', '/steps/0/x', (body) => (body.steps[0].x = 1)),
    sequence('an email step without type (the union\'s default branch)', '/steps/0/x', (body) => (body.steps[0].x = 1)),
    sequence('a create_discount step', '/steps/0/x', (body) => {
      body.steps = [{ type: 'create_discount', discount: { discountType: 'percent', percentOff: 10 }, x: 1 }];
    }),
  ];

  it.each(cases)('is accepted by the normal check and refused by the strict one, at its pointer: $name', ({ operationId, body, pointer }) => {
    const value = body();
    expect(opened.validateRequest(operationId, value)).toEqual({ valid: true });
    expect(opened.validateRequest(operationId, value, { strict: true })).toEqual({
      valid: false,
      errors: [{ pointer, message: 'Property "x" is not allowed here.' }],
    });
  });

  it('leaves open what the contract says is open (additionalProperties: true): an avalanche action\'s unpublished fields', () => {
    const body = seed('000_createRule_request.json');
    const { source, destination } = body.steps[0].actions[0];
    body.steps[0].actions[0] = { type: 'avalanche', source, destination, debt_order: ['acc_1'] };
    expect(opened.validateRequest('createRule', body, { strict: true })).toEqual({ valid: true });
    body.steps[0].actions[0].source.x = 1;
    expect(opened.validateRequest('createRule', body, { strict: true })).toEqual({ valid: false, errors: [{ pointer: '/steps/0/actions/0/source/x', message: 'Property "x" is not allowed here.' }] });
  });

  it('names unknown properties beside an error elsewhere, not in the objects around the error', () => {
    const rule = seed('000_createRule_request.json');
    rule.trigger.y = 1;
    rule.steps[0].actions[0].type = 'teleport';
    rule.steps[0].z = 1;
    const result = opened.validateRequest('createRule', rule, { strict: true });
    expect(errorsOf(result).map((error) => error.pointer)).toEqual(['/steps/0/actions/0/type', '/trigger/y']);
  });
});
