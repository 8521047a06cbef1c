// The schema rewrites behind the validators' errors: each rewritten union reports the branch that was
// meant, and every rewrite accepts exactly what the schema as written accepts.
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import ajvFormats from 'ajv-formats';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bodyShape, jsonContent, readContract, type Content } from '../../src/core/contract.js';
import { ajvRef, createContractAjv, DOCUMENT_ID } from '../../src/validation/ajv.js';
import { explainErrors, type AjvError } from '../../src/validation/report.js';
import { rewriteForValidation } from '../../src/validation/schema-rewrites.js';
import { mutatedPayload, replacementValues } from './payloads.js';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

const shapes = {
  openapi: '3.1.0',
  components: {
    schemas: {
      ShapeBase: { type: 'object', required: ['kind'], properties: { kind: { type: 'string' } } },
      Circle: {
        type: 'object',
        additionalProperties: false,
        required: ['kind', 'radius'],
        properties: { kind: { const: 'circle' }, radius: { type: 'number', minimum: 0 } },
      },
      Square: {
        allOf: [ref('ShapeBase'), { properties: { kind: { const: 'square' }, side: { type: 'number' } }, required: ['side'] }],
        unevaluatedProperties: false,
      },
      Shape: {
        description: 'A circle or a square.',
        oneOf: [ref('Circle'), ref('Square')],
        discriminator: { propertyName: 'kind', mapping: { circle: '#/components/schemas/Circle', square: '#/components/schemas/Square' } },
      },
      MaybeShape: { oneOf: [ref('Shape'), { type: 'null' }] },
      Step: {
        description: 'No discriminator: the email step leaves `type` optional.',
        oneOf: [
          { type: 'object', additionalProperties: false, required: ['subject'], properties: { type: { const: 'email' }, subject: { type: 'string', minLength: 1 } } },
          { type: 'object', additionalProperties: false, required: ['type', 'percent'], properties: { type: { const: 'create_discount' }, percent: { type: 'integer' } } },
        ],
      },
      Contact: { type: 'object', anyOf: [{ required: ['email'] }, { required: ['phone'] }] },
      Content: { type: 'object', oneOf: [{ required: ['goal'] }, { required: ['steps'] }] },
      Settings: {
        type: 'object',
        properties: { trigger: { type: 'string' }, tagName: { type: 'string' }, segmentId: { type: 'string' } },
        allOf: [
          {
            description: 'Each trigger\'s own settings.',
            allOf: [
              {
                description: '`tag_added` needs `tagName`.\n\n**Contract extension**: a note for readers of the docs.',
                anyOf: [{ not: { properties: { trigger: { const: 'tag_added' } }, required: ['trigger'] } }, { required: ['tagName'] }],
              },
              {
                description: '`segment_entered` needs `segmentId`.',
                anyOf: [{ not: { properties: { trigger: { const: 'segment_entered' } }, required: ['trigger'] } }, { required: ['segmentId'] }],
              },
            ],
          },
        ],
      },
      StopCondition: {
        type: 'object',
        properties: { type: { enum: ['none', 'has_tag'] }, value: { type: 'string' } },
        anyOf: [
          { description: '`type` is `none`,', properties: { type: { const: 'none' } }, required: ['type'] },
          { description: 'or a `value` is given.', required: ['value'] },
        ],
      },
      TextOrNumber: { oneOf: [{ type: 'string' }, { type: 'integer' }] },
    },
  },
};

const { document: rewritten, report } = rewriteForValidation(shapes);
const ajv = createContractAjv(rewritten);

function explain(name: string, value: unknown) {
  const validate = ajv.getSchema(`${DOCUMENT_ID}#/components/schemas/${name}`)!;
  return validate(value) ? [] : explainErrors(validate.errors as AjvError[], value);
}

describe('a union told apart by a tag', () => {
  it('is rewritten with or without a discriminator object', () => {
    expect(report.taggedUnions).toEqual(['#/components/schemas/Shape/oneOf', '#/components/schemas/Step/oneOf']);
  });

  it('reports an unknown tag once, at the tag, with the allowed values', () => {
    expect(explain('Shape', { kind: 'triangle', radius: 1 })).toEqual([
      { pointer: '/kind', message: 'The string "triangle" is not one of the allowed values: "circle" or "square".' },
    ]);
  });

  it('reports only the errors of the branch the tag selects', () => {
    expect(explain('Shape', { kind: 'square', radius: 1 })).toEqual([
      { pointer: '/side', message: 'Required property "side" is missing.' },
      { pointer: '/radius', message: 'Property "radius" is not allowed here.' },
    ]);
  });

  it('uses the branch that leaves the tag optional when the tag is absent', () => {
    expect(explain('Step', { subject: 'Hi' })).toEqual([]);
    expect(explain('Step', { subject: '' })).toEqual([{ pointer: '/subject', message: 'Must not be empty.' }]);
    expect(explain('Step', { type: 'create_discount', subject: 'Hi' }).map((error) => error.pointer)).toEqual(['/percent', '/subject']);
  });

  it('says what a non-object is', () => {
    expect(explain('Shape', 'circle')).toEqual([{ pointer: '', message: 'Expected an object, got the string "circle".' }]);
  });
});

describe('a nullable union', () => {
  it('accepts null and reports only the non-null branch otherwise', () => {
    expect(explain('MaybeShape', null)).toEqual([]);
    expect(explain('MaybeShape', { kind: 'circle', radius: -1 })).toEqual([{ pointer: '/radius', message: 'Must be at least 0, got -1.' }]);
  });
});

describe('alternatives that only require properties', () => {
  it('names every alternative in one error (anyOf)', () => {
    expect(explain('Contact', {})).toEqual([{ pointer: '', message: 'Must have "email" or "phone".' }]);
    expect(explain('Contact', { email: 'a@b.c', phone: '1' })).toEqual([]);
  });

  it('refuses several alternatives at once (oneOf)', () => {
    expect(explain('Content', { goal: 'g', steps: [] })).toEqual([{ pointer: '', message: 'Must have only one of "goal" or "steps", not several.' }]);
    expect(explain('Content', {})).toEqual([{ pointer: '', message: 'Must have "goal" or "steps".' }]);
  });
});

describe('an implication written as anyOf', () => {
  it('reports what the condition asks for, with the rule\'s own sentence (first paragraph)', () => {
    expect(explain('Settings', { trigger: 'tag_added' })).toEqual([{ pointer: '/tagName', message: '"tag_added" needs "tagName".' }]);
    expect(explain('Settings', { trigger: 'segment_entered' })).toEqual([{ pointer: '/segmentId', message: '"segment_entered" needs "segmentId".' }]);
    expect(explain('Settings', { trigger: 'contact_added' })).toEqual([]);
  });

  it('reads "test or requirement" as "unless test, requirement"', () => {
    expect(explain('StopCondition', { type: 'has_tag' })).toEqual([{ pointer: '/value', message: 'Required property "value" is missing.' }]);
    expect(explain('StopCondition', { type: 'none' })).toEqual([]);
  });
});

describe('a union no rewrite applies to', () => {
  it('is left as written and reported', () => {
    expect(report.untouched).toEqual([{ pointer: '#/components/schemas/TextOrNumber/oneOf', reason: 'no property has a const or enum in every branch' }]);
    expect(explain('TextOrNumber', 1.5).map((error) => error.message)).toContain('Does not match any of the allowed shapes.');
  });
});

describe('the rewritten contract', () => {
  const document = JSON.parse(readFileSync(new URL('../../generated/openapi.json', import.meta.url), 'utf8'));
  const asWritten = new Ajv2020({ strict: false, allErrors: false });
  ajvFormats.default(asWritten);
  asWritten.addSchema(document, DOCUMENT_ID);
  const asRewritten = createContractAjv(rewriteForValidation(document).document);

  const examplesOf = (contents: Content[]) => {
    const shape = bodyShape(contents);
    return shape.kind === 'json' ? jsonContent(contents)!.examples.map((example) => ({ schema: shape.schema, value: example.value })) : [];
  };
  const bodies = readContract(document).operations.flatMap((operation) => [
    ...examplesOf(operation.requestBody?.contents ?? []),
    ...operation.responses.flatMap((response) => examplesOf(response.contents)),
  ]);

  it('accepts exactly what the schemas as written accept, for mutated examples', () => {
    fc.assert(
      fc.property(mutatedPayload(bodies, replacementValues(document)), (body) => {
        const original = asWritten.getSchema(ajvRef(body.schema))!(body.value);
        const rewrittenResult = asRewritten.getSchema(ajvRef(body.schema))!(body.value);
        expect(rewrittenResult).toBe(original);
      }),
      { numRuns: 2000, seed: 20240301 },
    );
  });
});
