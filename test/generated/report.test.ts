// The reporter of src/validation/ (bundled into generated/validators/runtime.js): how operations,
// statuses and bodies are looked up, and how Ajv's errors read, with hand-made checks instead of the contract.
import { describe, expect, it } from 'vitest';
import { explainErrors, type AjvError, type Validate } from '../../src/validation/report.js';
import { ANY_BODY, NO_BODY, requestResult, responseResult, type BodyCheck, type BodyChecks, type OperationChecks } from '../../src/validation/results.js';

/** A check that fails with `errors` unless the body is `"ok"`. */
function check(errors: AjvError[]): Validate {
  const validate: Validate = (body) => {
    validate.errors = body === 'ok' ? null : errors;
    return body === 'ok';
  };
  return validate;
}

const missingName: AjvError = { instancePath: '', schemaPath: '#/required', keyword: 'required', params: { missingProperty: 'name' } };

const body = (only: BodyCheck): BodyChecks => ({ check: only, strict: only });

const operations: Record<string, OperationChecks> = {
  createThing: {
    request: { required: true, ...body(check([missingName])) },
    responses: { '201': body(check([])), '4XX': body(check([])), default: body(ANY_BODY) },
    parameters: [],
  },
  deleteThing: { request: null, responses: { '204': body(NO_BODY) }, parameters: [] },
  searchThings: { request: { required: false, ...body(check([])) }, responses: { '200': body(check([])) }, parameters: [] },
};

describe('requestResult', () => {
  it('checks the body against the operation\'s request check', () => {
    expect(requestResult(operations, 'createThing', 'ok')).toEqual({ valid: true });
    expect(requestResult(operations, 'createThing', {})).toEqual({ valid: false, errors: [{ pointer: '/name', message: 'Required property "name" is missing.' }] });
  });

  it('accepts a missing body only when the request body is optional', () => {
    expect(requestResult(operations, 'searchThings', undefined)).toEqual({ valid: true });
    expect(requestResult(operations, 'createThing', undefined)).toEqual({ valid: false, errors: [{ pointer: '', message: 'createThing needs a request body.' }] });
  });

  it('throws on an operationId that is not in the table, even one inherited from Object', () => {
    expect(() => requestResult(operations, 'constructor', {})).toThrow('Unknown operationId "constructor". Known operationIds: createThing, deleteThing, searchThings.');
  });
});

describe('responseResult', () => {
  it('matches the exact status first, then its range, then default', () => {
    expect(responseResult(operations, 'createThing', 201, 'ok')).toEqual({ valid: true });
    expect(responseResult(operations, 'createThing', 404, 'nope').valid).toBe(false);
    expect(responseResult(operations, 'createThing', 500, 'anything')).toEqual({ valid: true });
    expect(responseResult(operations, 'createThing', '201', 'ok')).toEqual({ valid: true });
  });

  it('answers invalid for a status the operation does not declare', () => {
    expect(responseResult(operations, 'searchThings', 500, {})).toEqual({
      valid: false,
      errors: [{ pointer: '', message: 'searchThings declares no 500 response; it declares 200.' }],
    });
  });

  it('accepts an empty body where the response has no content, and nothing else', () => {
    expect(responseResult(operations, 'deleteThing', 204, undefined)).toEqual({ valid: true });
    expect(responseResult(operations, 'deleteThing', 204, '')).toEqual({ valid: true });
    expect(responseResult(operations, 'deleteThing', 204, { id: 1 })).toEqual({
      valid: false,
      errors: [{ pointer: '', message: 'The 204 response of deleteThing has no body; got an object.' }],
    });
  });
});

describe('explainErrors', () => {
  const error = (keyword: string, instancePath: string, params: Record<string, unknown>): AjvError => ({ keyword, instancePath, schemaPath: '#', params });

  it('writes one sentence per keyword, pointing at the property concerned', () => {
    const payload = { count: 11, when: 'soon', colour: 'red', tags: ['a', 'a'], id: 'x y', amount: 1.5 };
    expect(
      explainErrors(
        [
          error('maximum', '/count', { comparison: '<=', limit: 10 }),
          error('format', '/when', { format: 'date-time' }),
          error('additionalProperties', '', { additionalProperty: 'colour' }),
          error('uniqueItems', '/tags', { i: 1, j: 0 }),
          error('pattern', '/id', { pattern: '^[a-z]+$' }),
          error('type', '/amount', { type: 'integer' }),
          error('minItems', '/tags', { limit: 3 }),
          error('type', '/when', { type: 'object,null' }),
        ],
        payload,
      ),
    ).toEqual([
      { pointer: '/count', message: 'Must be at most 10, got 11.' },
      { pointer: '/when', message: 'The string "soon" is not a valid date-time (ISO 8601, such as 2024-03-01T10:00:00Z).' },
      { pointer: '/colour', message: 'Property "colour" is not allowed here.' },
      { pointer: '/tags', message: 'Items 0 and 1 are the same; every item must be unique.' },
      { pointer: '/id', message: 'The string "x y" does not match the pattern ^[a-z]+$.' },
      { pointer: '/amount', message: 'Expected an integer, got the number 1.5.' },
      { pointer: '/tags', message: 'Must have at least 3 items.' },
      { pointer: '/when', message: 'Expected an object or null, got the string "soon".' },
    ]);
  });

  it('escapes property names in pointers', () => {
    expect(explainErrors([error('required', '/a~1b', { missingProperty: 'c/d' })], {})).toEqual([
      { pointer: '/a~1b/c~1d', message: 'Required property "c/d" is missing.' },
    ]);
  });

  it('drops if bookkeeping and duplicate errors', () => {
    const required = error('required', '', { missingProperty: 'x' });
    expect(explainErrors([required, error('if', '', { failingKeyword: 'then' }), required], {})).toEqual([
      { pointer: '/x', message: 'Required property "x" is missing.' },
    ]);
  });

  it('replaces the errors inside a failed contract rule by its sentence, the innermost rule winning', () => {
    const rule = (phase: string, description: string) => error('contractRule', '', { phase, rule: description });
    expect(
      explainErrors(
        [
          rule('start', 'Each trigger\'s own settings.'),
          rule('start', '`tag_added` needs `tagName`\n\nA note for the docs.'),
          error('required', '', { missingProperty: 'tagName' }),
          rule('end', '`tag_added` needs `tagName`\n\nA note for the docs.'),
          rule('end', 'Each trigger\'s own settings.'),
          error('required', '', { missingProperty: 'name' }),
        ],
        {},
      ),
    ).toEqual([
      { pointer: '/tagName', message: '"tag_added" needs "tagName".' },
      { pointer: '/name', message: 'Required property "name" is missing.' },
    ]);
  });
});
