// The Ajv set-up of the validators: string lengths counted as Ajv counts them, typos in schemas refused.
import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createContractAjv, DOCUMENT_ID } from '../../src/validation/ajv.js';

const lengths = { openapi: '3.1.0', components: { schemas: { Min: { type: 'string', minLength: 2 }, Max: { type: 'string', maxLength: 2 } } } };

describe('minLength and maxLength', () => {
  const contract = createContractAjv(lengths);
  const stock = new Ajv2020({ strict: false });
  stock.addSchema(lengths, DOCUMENT_ID);
  const both = (name: string) => [contract, stock].map((ajv) => ajv.getSchema(`${DOCUMENT_ID}#/components/schemas/${name}`)!);

  it('count a surrogate pair as one character', () => {
    const [min, max] = [both('Min')[0], both('Max')[0]];
    expect(min('😀')).toBe(false);
    expect(min('😀😀')).toBe(true);
    expect(max('😀😀')).toBe(true);
    expect(max('😀😀😀')).toBe(false);
  });

  it('agree with stock Ajv on any string', () => {
    const [[min, stockMin], [max, stockMax]] = [both('Min'), both('Max')];
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', '😀', '\uD800', '\uDC00'), maxLength: 6 }), (text) => {
        expect(min(text)).toBe(stockMin(text));
        expect(max(text)).toBe(stockMax(text));
      }),
      { numRuns: 500, seed: 7 },
    );
  });
});

describe('a schema with a typo', () => {
  it('fails the compile, naming the keyword', () => {
    const ajv = createContractAjv({ components: { schemas: { Typo: { type: 'integer', minimun: 1 } } } });
    expect(() => ajv.getSchema(`${DOCUMENT_ID}#/components/schemas/Typo`)).toThrow(/unknown keyword: "minimun"/);
  });
});
