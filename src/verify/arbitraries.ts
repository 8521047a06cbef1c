// The contract's JSON Schemas mapped to fast-check arbitraries: values shaped as a schema describes
// (types, enums, consts, formats, patterns, bounds, required and optional properties, one branch of
// each oneOf/anyOf). `not`, `if/then` and cross-field rules are not modelled: the caller keeps only
// the values the contract's validators accept, so a "valid" request is one the contract calls valid.
import fc from 'fast-check';
import { declaredTypes, flatten, propertySchema, type FlatSchema, type Schema } from './schemas.js';

/** Deeper than this, objects get their required properties only, so recursive schemas end. */
const MAX_DEPTH = 6;
/** Arrays get at most this many items beyond their minimum: enough variety, small requests. */
const EXTRA_ITEMS = 3;

const anyJson = fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.boolean(), fc.constant(null));

export function arbitraryFor(document: unknown, schema: unknown, depth = 0): fc.Arbitrary<unknown> {
  const base = flatten(document, schema);
  if (base.alternatives.length === 0) return fromFlat(document, base, depth);
  // One branch of each oneOf/anyOf group, folded into the rest of the schema.
  return fc
    .tuple(...base.alternatives.map((branches) => fc.constantFrom(...branches)))
    .chain((chosen) => fromFlat(document, flatten(document, schema, chosen), depth));
}

function fromFlat(document: unknown, flat: FlatSchema, depth: number): fc.Arbitrary<unknown> {
  const { schema } = flat;
  if ('const' in schema) return fc.constant(schema.const);
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return fc.constantFrom(...schema.enum);
  const types = declaredTypes(flat);
  if (!types || types.length === 0) return anyJson;
  return fc.oneof(...types.map((type) => ofType(document, flat, type, depth)));
}

function ofType(document: unknown, flat: FlatSchema, type: string, depth: number): fc.Arbitrary<unknown> {
  const { schema } = flat;
  switch (type) {
    case 'string':
      return stringFor(schema);
    case 'integer':
      return fc.integer(integerBounds(schema));
    case 'number':
      return fc.oneof(fc.integer(integerBounds(schema)), fc.double({ ...numberBounds(schema), noNaN: true, noDefaultInfinity: true }));
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const minLength = schema.minItems ?? 0;
      const maxLength = Math.min(schema.maxItems ?? Number.MAX_SAFE_INTEGER, minLength + EXTRA_ITEMS);
      const items = arbitraryFor(document, schema.items ?? {}, depth + 1);
      return schema.uniqueItems
        ? fc.uniqueArray(items, { minLength, maxLength, selector: (item) => JSON.stringify(item) })
        : fc.array(items, { minLength, maxLength });
    }
    case 'object':
      return objectFor(document, flat, depth);
    default:
      return anyJson;
  }
}

function objectFor(document: unknown, flat: FlatSchema, depth: number): fc.Arbitrary<unknown> {
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const name of flat.properties.keys()) {
    const property = propertySchema(flat, name)!;
    // readOnly properties are the service's to set; a request never carries them.
    if (flat.properties.get(name)!.some((schema) => schema.readOnly === true)) continue;
    if (depth >= MAX_DEPTH && !flat.required.includes(name)) continue;
    model[name] = arbitraryFor(document, property, depth + 1);
  }
  const requiredKeys = flat.required.filter((name) => name in model);
  if (Object.keys(model).length === 0 && flat.schema.additionalProperties !== false && flat.schema.unevaluatedProperties !== false) {
    return fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), anyJson, { maxKeys: 3 });
  }
  return fc.record(model, { requiredKeys });
}

function stringFor(schema: Schema): fc.Arbitrary<string> {
  const minLength: number = schema.minLength ?? 0;
  const maxLength: number = schema.maxLength ?? minLength + 16;
  const fits = (value: string) => value.length >= minLength && value.length <= maxLength;
  switch (schema.format) {
    case 'date-time':
      return fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2037-12-31T23:59:59Z'), noInvalidDate: true }).map((date) => date.toISOString());
    case 'date':
      return fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2037-12-31T00:00:00Z'), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10));
    case 'email':
      return fc.emailAddress().filter(fits);
    case 'uuid':
      return fc.uuid();
    case 'uri':
      return fc.webUrl().filter(fits);
  }
  if (typeof schema.pattern === 'string') return fc.stringMatching(new RegExp(schema.pattern, 'u')).filter(fits);
  return fc.string({ minLength, maxLength });
}

function integerBounds(schema: Schema): { min: number; max: number } {
  const min = typeof schema.exclusiveMinimum === 'number' ? Math.floor(schema.exclusiveMinimum) + 1 : typeof schema.minimum === 'number' ? Math.ceil(schema.minimum) : -1_000_000;
  const max = typeof schema.exclusiveMaximum === 'number' ? Math.ceil(schema.exclusiveMaximum) - 1 : typeof schema.maximum === 'number' ? Math.floor(schema.maximum) : min + 1_000_000;
  return { min, max: Math.max(min, max) };
}

function numberBounds(schema: Schema): { min: number; max: number; minExcluded: boolean; maxExcluded: boolean } {
  const min = schema.exclusiveMinimum ?? schema.minimum ?? -1_000_000;
  const max = schema.exclusiveMaximum ?? schema.maximum ?? min + 1_000_000;
  return { min, max, minExcluded: schema.exclusiveMinimum !== undefined, maxExcluded: schema.exclusiveMaximum !== undefined };
}
