// The schema rewrites behind the validators' errors: each rewritten union reports the branch that was
// meant, and every rewrite accepts exactly what the schema as written accepts.
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import ajvFormats from 'ajv-formats';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createContractAjv, DOCUMENT_ID } from '../../src/generate/ajv.js';
import { listOperations } from '../../src/generate/operations.js';
import { explainErrors, type AjvError } from '../../src/generate/runtime/validation-report.js';
import { rewriteForValidation } from '../../src/generate/schema-rewrites.js';

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
      { path: '/kind', message: 'The string "triangle" is not one of the allowed values: "circle" or "square".' },
    ]);
  });

  it('reports only the errors of the branch the tag selects', () => {
    expect(explain('Shape', { kind: 'square', radius: 1 })).toEqual([
      { path: '/side', message: 'Required property "side" is missing.' },
      { path: '/radius', message: 'Property "radius" is not allowed here.' },
    ]);
  });

  it('uses the branch that leaves the tag optional when the tag is absent', () => {
    expect(explain('Step', { subject: 'Hi' })).toEqual([]);
    expect(explain('Step', { subject: '' })).toEqual([{ path: '/subject', message: 'Must not be empty.' }]);
    expect(explain('Step', { type: 'create_discount', subject: 'Hi' }).map((error) => error.path)).toEqual(['/percent', '/subject']);
  });

  it('says what a non-object is', () => {
    expect(explain('Shape', 'circle')).toEqual([{ path: '', message: 'Expected an object, got the string "circle".' }]);
  });
});

describe('a nullable union', () => {
  it('accepts null and reports only the non-null branch otherwise', () => {
    expect(explain('MaybeShape', null)).toEqual([]);
    expect(explain('MaybeShape', { kind: 'circle', radius: -1 })).toEqual([{ path: '/radius', message: 'Must be at least 0, got -1.' }]);
  });
});

describe('alternatives that only require properties', () => {
  it('names every alternative in one error (anyOf)', () => {
    expect(explain('Contact', {})).toEqual([{ path: '', message: 'Must have "email" or "phone".' }]);
    expect(explain('Contact', { email: 'a@b.c', phone: '1' })).toEqual([]);
  });

  it('refuses several alternatives at once (oneOf)', () => {
    expect(explain('Content', { goal: 'g', steps: [] })).toEqual([{ path: '', message: 'Must have only one of "goal" or "steps", not several.' }]);
    expect(explain('Content', {})).toEqual([{ path: '', message: 'Must have "goal" or "steps".' }]);
  });
});

describe('an implication written as anyOf', () => {
  it('reports what the condition asks for, with the rule\'s own sentence (first paragraph)', () => {
    expect(explain('Settings', { trigger: 'tag_added' })).toEqual([{ path: '/tagName', message: '"tag_added" needs "tagName".' }]);
    expect(explain('Settings', { trigger: 'segment_entered' })).toEqual([{ path: '/segmentId', message: '"segment_entered" needs "segmentId".' }]);
    expect(explain('Settings', { trigger: 'contact_added' })).toEqual([]);
  });

  it('reads "test or requirement" as "unless test, requirement"', () => {
    expect(explain('StopCondition', { type: 'has_tag' })).toEqual([{ path: '/value', message: 'Required property "value" is missing.' }]);
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

  const bodies = listOperations(document).flatMap((operation) => [
    ...(operation.request?.shape.kind === 'json' ? operation.request.examples.map((example) => ({ schema: (operation.request!.shape as { schema: string }).schema, value: example.value })) : []),
    ...operation.responses.flatMap((response) =>
      response.shape.kind === 'json' ? response.examples.map((example) => ({ schema: (response.shape as { schema: string }).schema, value: example.value })) : [],
    ),
  ]);
  const ajvRef = (fragment: string) => `${DOCUMENT_ID}#${fragment.slice(1).split('/').map(encodeURIComponent).join('/')}`;

  // Values that select other branches: every enum and const value of the contract.
  const tags = new Set<unknown>();
  JSON.stringify(document, (key, value) => {
    if (key === 'enum' && Array.isArray(value)) value.forEach((item) => tags.add(item));
    if (key === 'const') tags.add(value);
    return value;
  });
  const replacement = fc.oneof(fc.constantFrom(...tags), fc.jsonValue({ maxDepth: 1 }), fc.constant(null), fc.constant(undefined));

  function locations(value: unknown, found: Array<{ parent: any; key: string | number }> = []) {
    if (value && typeof value === 'object') {
      for (const key of Object.keys(value)) {
        found.push({ parent: value, key: Array.isArray(value) ? Number(key) : key });
        locations((value as any)[key], found);
      }
    }
    return found;
  }

  it('accepts exactly what the schemas as written accept, for mutated examples', () => {
    fc.assert(
      fc.property(fc.nat(bodies.length - 1), fc.nat(), replacement, fc.constantFrom('replace', 'add'), (bodyIndex, where, value, change) => {
        const body = structuredClone(bodies[bodyIndex]);
        const places = locations(body.value);
        if (places.length === 0) return;
        const { parent, key } = places[where % places.length];
        if (change === 'add' && !Array.isArray(parent)) parent[`${String(key)}_extra`] = value;
        else if (value === undefined) delete parent[key];
        else parent[key] = value;
        const original = asWritten.getSchema(ajvRef(body.schema))!(body.value);
        const rewrittenResult = asRewritten.getSchema(ajvRef(body.schema))!(body.value);
        expect(rewrittenResult).toBe(original);
      }),
      { numRuns: 2000, seed: 20240301 },
    );
  });
});
