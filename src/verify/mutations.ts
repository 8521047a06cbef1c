// Requests the contract refuses, made from its schemas: a required field left out, a value of the
// wrong type, a bound broken (minimum, maximum, lengths, item counts, pattern, allowed values). Each
// mutation changes one place of a valid body or query; the caller keeps it only when the contract's
// validators refuse the result, so every negative case is truly invalid.
import { jsonContent, type Operation } from '../core/contract.js';
import { pointerTokens, toPointer } from '../core/json-pointer.js';
import type { RequestParts } from './requests.js';
import { branchFor, declaredTypes, flatten, propertySchema, typeAllowed, type FlatSchema, type Schema } from './schemas.js';

export type MutationKind = 'missing-required' | 'wrong-type' | 'bound';

export const MUTATION_KINDS: readonly MutationKind[] = ['missing-required', 'wrong-type', 'bound'];

type Path = Array<string | number>;

/** One change to a body: the value at `path` removed (`remove`) or replaced by `value`. */
export interface BodyMutation {
  kind: MutationKind;
  path: Path;
  remove?: true;
  value?: unknown;
  /** What the change does, in the contract's words: `/steps with 0 items (minItems 1)`. */
  description: string;
}

/** One change to the query string: the parameter removed (`value` undefined) or set to `value`. */
export interface QueryMutation {
  kind: MutationKind;
  name: string;
  value?: string;
  description: string;
}

const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

const show = (value: unknown) => {
  const text = JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
};

/** Values of each JSON type, to put where the schema wants another one. */
const WRONG_TYPES: Array<[string, unknown]> = [
  ['string', 'not-a-number'],
  ['integer', 12345],
  ['boolean', true],
  ['array', []],
  ['object', {}],
  ['null', null],
];

/** A value of a JSON type the schema does not allow, or undefined when it allows every type. */
export function wrongTypeValue(allowed: string[]): [string, unknown] | undefined {
  return WRONG_TYPES.find(([type]) => !typeAllowed(type, allowed));
}

/** Values that break one bound of a schema, with the bound they break. */
export function boundBreakers(schema: Schema, current: unknown): Array<{ value: unknown; bound: string }> {
  const found: Array<{ value: unknown; bound: string }> = [];
  const integer = schema.type === 'integer';
  if (typeof schema.minimum === 'number') found.push({ value: integer ? Math.ceil(schema.minimum) - 1 : schema.minimum - 1, bound: `minimum ${schema.minimum}` });
  if (typeof schema.exclusiveMinimum === 'number') found.push({ value: schema.exclusiveMinimum, bound: `exclusiveMinimum ${schema.exclusiveMinimum}` });
  if (typeof schema.maximum === 'number') found.push({ value: integer ? Math.floor(schema.maximum) + 1 : schema.maximum + 1, bound: `maximum ${schema.maximum}` });
  if (typeof schema.exclusiveMaximum === 'number') found.push({ value: schema.exclusiveMaximum, bound: `exclusiveMaximum ${schema.exclusiveMaximum}` });
  if (typeof schema.minLength === 'number' && schema.minLength > 0) found.push({ value: 'x'.repeat(schema.minLength - 1), bound: `minLength ${schema.minLength}` });
  if (typeof schema.maxLength === 'number') found.push({ value: 'x'.repeat(schema.maxLength + 1), bound: `maxLength ${schema.maxLength}` });
  if (typeof schema.minItems === 'number' && schema.minItems > 0) {
    found.push({ value: Array.isArray(current) ? current.slice(0, schema.minItems - 1) : [], bound: `minItems ${schema.minItems}` });
  }
  if (typeof schema.maxItems === 'number' && Array.isArray(current) && current.length > 0) {
    found.push({ value: Array.from({ length: schema.maxItems + 1 }, () => current[0]), bound: `maxItems ${schema.maxItems}` });
  }
  if (typeof schema.pattern === 'string') {
    const pattern = new RegExp(schema.pattern, 'u');
    const breaker = ['', '!', ' not matching ', '0'].find((candidate) => !pattern.test(candidate));
    if (breaker !== undefined) found.push({ value: breaker, bound: `pattern ${schema.pattern}` });
  }
  const allowed: unknown[] | undefined = 'const' in schema ? [schema.const] : Array.isArray(schema.enum) ? schema.enum : undefined;
  if (allowed && allowed.every((value) => typeof value === 'string')) {
    found.push({ value: 'not_an_allowed_value', bound: 'const' in schema ? `const ${show(schema.const)}` : `enum ${allowed.map(show).join(', ')}` });
  }
  return found;
}

/**
 * Every single-place mutation of `body` the schema suggests, shallow places first (a top-level field
 * before a nested one), so the first confirmed mutation of each kind is the plainest to read.
 */
export function bodyMutations(document: unknown, schema: unknown, body: unknown): BodyMutation[] {
  const found: BodyMutation[] = [];
  let level: Array<{ value: unknown; schema: unknown; path: Path }> = [{ value: body, schema, path: [] }];
  while (level.length > 0) {
    const next: typeof level = [];
    for (const node of level) {
      const flat = settle(document, node.schema, node.value);
      if (isRecord(node.value)) {
        found.push(...objectMutations(document, flat, node.value, node.path));
        for (const [name, value] of Object.entries(node.value)) {
          const property = propertySchema(flat, name);
          if (property) next.push({ value, schema: property, path: [...node.path, name] });
        }
      } else if (Array.isArray(node.value) && flat.schema.items !== undefined) {
        node.value.forEach((item, index) => next.push({ value: item, schema: flat.schema.items, path: [...node.path, index] }));
      }
    }
    level = next;
  }
  return found;
}

/** The schema of a value once the oneOf/anyOf branches it most likely meant are folded in. */
function settle(document: unknown, schema: unknown, value: unknown): FlatSchema {
  const base = flatten(document, schema);
  if (base.alternatives.length === 0) return base;
  return flatten(document, schema, base.alternatives.map((branches) => branchFor(document, branches, value)));
}

function objectMutations(document: unknown, flat: FlatSchema, value: Record<string, unknown>, at: Path): BodyMutation[] {
  const found: BodyMutation[] = [];
  for (const name of flat.required) {
    if (name in value) found.push({ kind: 'missing-required', path: [...at, name], remove: true, description: `without the required ${toPointer([...at, name])}` });
  }
  for (const name of flat.properties.keys()) {
    const path = [...at, name];
    const property = flatten(document, { allOf: flat.properties.get(name)! });
    const types = declaredTypes(property);
    const wrong = types && wrongTypeValue(types);
    if (wrong) found.push({ kind: 'wrong-type', path, value: wrong[1], description: `${toPointer(path)} as ${wrong[0]} ${show(wrong[1])} where the contract says ${types!.join(' or ')}` });
    for (const breaker of boundBreakers(property.schema, value[name])) {
      found.push({ kind: 'bound', path, value: breaker.value, description: `${toPointer(path)} = ${show(breaker.value)} (${breaker.bound})` });
    }
  }
  return found;
}

/** The body with one mutation applied; the original is left as it was. */
export function applyBodyMutation(body: unknown, mutation: BodyMutation): unknown {
  if (mutation.path.length === 0) return mutation.value;
  const copy = structuredClone(body);
  const parent = mutation.path.slice(0, -1).reduce<any>((node, token) => node[token], copy);
  const last = mutation.path[mutation.path.length - 1];
  if (mutation.remove) {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else {
    parent[last] = mutation.value;
  }
  return copy;
}

/** The body with the value at `pointer` replaced (the pointer's parent must exist). */
export function withValueAt(body: unknown, pointer: string, value: unknown): unknown {
  return applyBodyMutation(body, { kind: 'bound', path: pointerTokens(pointer), value, description: '' });
}

export interface QueryParameterSchema {
  name: string;
  required: boolean;
  schema: Schema;
}

/** Mutations of the query string: a required parameter left out, a value of the wrong type, a bound broken. */
export function queryMutations(document: unknown, parameters: QueryParameterSchema[]): QueryMutation[] {
  const found: QueryMutation[] = [];
  for (const parameter of parameters) {
    if (parameter.required) found.push({ kind: 'missing-required', name: parameter.name, description: `without the required query parameter ${parameter.name}` });
  }
  for (const parameter of parameters) {
    const flat = flatten(document, parameter.schema);
    const types = declaredTypes(flat);
    // In a query string every value is text: only a parameter that is not a string can get the wrong type.
    if (types && !types.includes('string')) {
      found.push({ kind: 'wrong-type', name: parameter.name, value: 'not-a-number', description: `query ${parameter.name}=not-a-number where the contract says ${types.join(' or ')}` });
    }
    for (const breaker of boundBreakers(flat.schema, undefined)) {
      if (typeof breaker.value !== 'string' && typeof breaker.value !== 'number') continue;
      found.push({ kind: 'bound', name: parameter.name, value: String(breaker.value), description: `query ${parameter.name}=${String(breaker.value)} (${breaker.bound})` });
    }
  }
  return found;
}

/** A request with one place changed, and what the change is; the validators decide whether it is refused. */
export interface MutatedRequest {
  kind: MutationKind;
  parts: RequestParts;
  description: string;
}

/** Every single-place mutation of a request: its body's first, then its query string's. */
export function requestMutations(document: unknown, operation: Operation, parts: RequestParts): MutatedRequest[] {
  const found: MutatedRequest[] = [];
  const content = operation.requestBody ? jsonContent(operation.requestBody.contents) : undefined;
  if (content?.schema && parts.body !== undefined) {
    for (const mutation of bodyMutations(document, { $ref: content.schema }, parts.body)) {
      found.push({ kind: mutation.kind, parts: { ...parts, body: applyBodyMutation(parts.body, mutation) }, description: mutation.description });
    }
  }
  const query = operation.parameters
    .filter((parameter) => parameter.in === 'query')
    .map((parameter) => ({ name: parameter.name, required: parameter.required, schema: parameter.schema ? { $ref: parameter.schema } : {} }));
  for (const mutation of queryMutations(document, query)) {
    const rest = Object.fromEntries(Object.entries(parts.query).filter(([name]) => name !== mutation.name));
    found.push({ kind: mutation.kind, parts: { ...parts, query: mutation.value === undefined ? rest : { ...parts.query, [mutation.name]: mutation.value } }, description: mutation.description });
  }
  return found;
}
