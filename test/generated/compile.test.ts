// compileValidators(document): the validators of any bundled document compiled at run time answer
// exactly as the generated standalone modules do for this contract, and work for another document.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as generated from '../../generated/validators.js';
import { readContract } from '../../src/core/contract.js';
import { compileValidators, SchemaCompileError } from '../../src/validation/compile.js';
import { contractPayloads, mutatedPayload, replacementValues, type Payload } from './payloads.js';

const document = JSON.parse(readFileSync(new URL('../../generated/openapi.json', import.meta.url), 'utf8'));
const compiled = compileValidators(document);
const payloads = contractPayloads(document);

const answers = (validators: typeof compiled, payload: Payload) =>
  [false, true].map((strict) =>
    payload.status === undefined
      ? validators.validateRequest(payload.operationId, payload.value, { strict })
      : validators.validateResponse(payload.operationId, payload.status, payload.value, { strict }),
  );

describe('compileValidators on this contract', () => {
  it('knows the same operations and schemas', () => {
    expect(compiled.operationIds).toEqual(generated.operationIds);
    expect(compiled.schemaNames).toEqual(generated.schemaNames);
  });

  it.each(payloads)('answers as generated/validators.js on $label, strict or not', (payload) => {
    expect(answers(compiled, payload)).toEqual(answers(generated as never, payload));
  });

  it('answers as generated/validators.js on broken payloads, strict or not', () => {
    fc.assert(
      fc.property(mutatedPayload(payloads, replacementValues(document)), (payload) => {
        expect(answers(compiled, payload)).toEqual(answers(generated as never, payload));
      }),
      { numRuns: 1500, seed: 3 },
    );
  });

  it('answers as generated/validators.js on every schema, for its examples and for nothing alike', () => {
    for (const name of generated.schemaNames) {
      for (const value of [document.components.schemas[name].example, {}, null, 'text', 7]) {
        expect(compiled.validateSchema(name, value), name).toEqual(generated.validateSchema(name, value));
      }
    }
  });

  it('answers as generated/validators.js on parameters: none, each example, empty, a word, repeated', () => {
    for (const operation of readContract(document).operations) {
      const inputs = [{}, ...[(p: any) => String(p.example ?? 'x'), () => '', () => 'ten', () => ['1', '2']].map((value) => {
        const input: Record<string, Record<string, unknown>> = { path: {}, query: {}, header: {} };
        for (const parameter of operation.parameters) if (parameter.in !== 'cookie') input[parameter.in][parameter.name] = value(parameter);
        return input;
      })];
      for (const input of inputs) {
        expect(compiled.validateParameters(operation.operationId, input as never), operation.operationId).toEqual(
          generated.validateParameters(operation.operationId as never, input as never),
        );
      }
    }
  });

  it('throws on unknown names as generated/validators.js does', () => {
    expect(() => compiled.validateRequest('createRules', {})).toThrow(/^Unknown operationId "createRules"\. Known operationIds: listAccounts, /);
    expect(() => compiled.validateSchema('Rules', {})).toThrow(/^Unknown schema "Rules"\. Known schemas: ValidationProblem, /);
  });
});

describe('compileValidators on another document', () => {
  const other = (schema: unknown) => ({
    openapi: '3.1.0',
    info: { title: 'other', version: '1' },
    paths: {
      '/pets': {
        'x-service': 'comms',
        post: {
          operationId: 'addPet',
          parameters: [{ name: 'dry_run', in: 'query', schema: { type: 'boolean' } }],
          requestBody: { required: true, content: { 'application/json': { schema } } },
          responses: { '204': { description: 'Added' } },
        },
      },
    },
  });

  it('validates with keywords of its own ignored', () => {
    const validators = compileValidators(other({ type: 'object', required: ['name'], properties: { name: { type: 'string', 'x-nickname': true, nullable: true } } }));
    expect(validators.validateRequest('addPet', { name: 'Rex' })).toEqual({ valid: true });
    expect(validators.validateRequest('addPet', {})).toEqual({ valid: false, errors: [{ pointer: '/name', message: 'Required property "name" is missing.' }] });
    expect(validators.validateParameters('addPet', { query: { dry_run: 'true' } })).toEqual({ valid: true, values: { path: {}, query: { dry_run: true }, header: {} } });
    expect(validators.validateResponse('addPet', 204, undefined)).toEqual({ valid: true });
  });

  it('fails at once, naming the schema, when Ajv cannot compile one', () => {
    const broken = other({ type: 'object', properties: { name: { type: 'string', pattern: '(' } } });
    expect(() => compileValidators(broken)).toThrow(SchemaCompileError);
    expect(() => compileValidators(broken)).toThrow(/^#\/paths\/~1pets\/post\/requestBody\/content\/application~1json\/schema: Ajv cannot compile this schema: .*Invalid regular expression/);
  });

  it('fails at once, naming the reference, when a schema refers to nothing', () => {
    expect(() => compileValidators(other({ $ref: '#/components/schemas/Owner' }))).toThrow(/#\/components\/schemas\/Owner/);
  });
});
