// Reading the contract's JSON Schemas the way the verifier needs them: one schema node with its
// `$ref`s followed and its `allOf` members folded in, and its `oneOf`/`anyOf` groups kept apart as
// alternatives. The request generator and the negative cases both start from this view; whether a
// value is valid is always decided by the contract's validators, never here.
import { followRefs } from '../core/contract.js';

export type Schema = Record<string, any>; // a schema node of the contract document

/** A schema with its allOf members merged in; each entry of `alternatives` is a oneOf/anyOf list. */
export interface FlatSchema {
  schema: Schema;
  /** Per property, every schema that speaks about it (from the node and its allOf members). */
  properties: Map<string, Schema[]>;
  required: string[];
  alternatives: Schema[][];
}

const isRecord = (value: unknown): value is Schema => value !== null && typeof value === 'object' && !Array.isArray(value);

/** The node a schema stands for: `$ref` followed (a sibling keyword of a `$ref` is kept as an allOf member). */
export function deref(document: unknown, node: unknown): Schema[] {
  if (node === true || node === undefined) return [{}];
  if (!isRecord(node)) return [{ not: {} }];
  if (typeof node.$ref !== 'string') return [node];
  const { $ref, ...siblings } = node;
  const target = deref(document, followRefs(document, $ref).value);
  const meaningful = Object.keys(siblings).filter((key) => key !== 'description' && key !== 'summary' && key !== 'title');
  return meaningful.length > 0 ? [...target, siblings] : target;
}

/** The node and every allOf member below it (references followed), in document order. */
function members(document: unknown, node: unknown): Schema[] {
  return deref(document, node).flatMap((schema) => [schema, ...((schema.allOf as unknown[] | undefined) ?? []).flatMap((member) => members(document, member))]);
}

const COMBINED = new Set(['allOf', 'oneOf', 'anyOf', 'properties', 'required', '$ref']);

/**
 * One view of a schema: keywords of later members win over earlier ones (an allOf member that
 * narrows `type` to a `const` does so), properties and required names add up.
 */
export function flatten(document: unknown, node: unknown, extra: Schema[] = []): FlatSchema {
  const schema: Schema = {};
  const properties = new Map<string, Schema[]>();
  const required: string[] = [];
  const alternatives: Schema[][] = [];
  for (const member of [...members(document, node), ...extra.flatMap((branch) => members(document, branch))]) {
    for (const [keyword, value] of Object.entries(member)) if (!COMBINED.has(keyword)) schema[keyword] = value;
    for (const [name, property] of Object.entries((member.properties as Record<string, unknown> | undefined) ?? {})) {
      properties.set(name, [...(properties.get(name) ?? []), ...deref(document, property)]);
    }
    for (const name of (member.required as string[] | undefined) ?? []) if (!required.includes(name)) required.push(name);
    for (const keyword of ['oneOf', 'anyOf'] as const) if (Array.isArray(member[keyword])) alternatives.push(member[keyword] as Schema[]);
  }
  return { schema, properties, required, alternatives };
}

/** The schemas a property's value must satisfy, as one node (an allOf of them when there are several). */
export function propertySchema(flat: FlatSchema, name: string): Schema | undefined {
  const schemas = flat.properties.get(name);
  if (!schemas) return undefined;
  return schemas.length === 1 ? schemas[0] : { allOf: schemas };
}

/** The JSON types a flattened schema allows, from `type`, `const` or `enum`; undefined when it does not say. */
export function declaredTypes(flat: FlatSchema): string[] | undefined {
  const { schema } = flat;
  if (schema.type !== undefined) return Array.isArray(schema.type) ? schema.type : [schema.type];
  const values: unknown[] | undefined = 'const' in schema ? [schema.const] : Array.isArray(schema.enum) ? schema.enum : undefined;
  if (values) return [...new Set(values.map(jsonType))];
  if (flat.properties.size > 0 || flat.required.length > 0) return ['object'];
  if (schema.items !== undefined || schema.prefixItems !== undefined) return ['array'];
  return undefined;
}

/** The JSON Schema type of a value (`integer` for whole numbers). */
export function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** Whether a value of JSON type `type` is admitted by a schema allowing `allowed` (an integer is a number). */
export function typeAllowed(type: string, allowed: string[]): boolean {
  return allowed.includes(type) || (type === 'integer' && allowed.includes('number'));
}

/**
 * The alternative of a oneOf/anyOf group a value most likely meant: the one whose `const` tags it
 * carries, else the first whose required properties it has. A guess: only the validators decide.
 */
export function branchFor(document: unknown, branches: Schema[], value: unknown): Schema {
  if (!isRecord(value)) return branches[0];
  const scored = branches.map((branch) => {
    const flat = flatten(document, branch);
    let score = 0;
    for (const [name, schemas] of flat.properties) {
      for (const schema of schemas) if ('const' in schema) score += schema.const === value[name] ? 2 : -2;
    }
    if (flat.required.every((name) => name in value)) score += 1;
    return score;
  });
  return branches[scored.indexOf(Math.max(...scored))];
}
