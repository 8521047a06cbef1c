// One schema as the diff sees it: the schema, its `allOf` members and a `$ref` written beside other
// keywords merged into one view (they all apply at once), each keyword remembering where it is
// written so that a finding points at that line. `oneOf`, `anyOf`, `not` and `if` stay as written.
import { followRefs } from '../core/contract.js';
import { fragment, valueAtFragment } from '../core/json-pointer.js';
import { isAnnotation, sameJson } from './same-schema.js';

type Json = any;

export type JsonType = 'null' | 'boolean' | 'object' | 'array' | 'number' | 'integer' | 'string';
const JSON_TYPES: readonly string[] = ['null', 'boolean', 'object', 'array', 'number', 'integer', 'string'];

/** A keyword's value and the pointer of the keyword in its document. */
export interface Written<T> {
  value: T;
  pointer: string;
}

export const LOWER_BOUNDS = ['minLength', 'minimum', 'exclusiveMinimum', 'minItems', 'minProperties'] as const;
export const UPPER_BOUNDS = ['maxLength', 'maximum', 'exclusiveMaximum', 'maxItems', 'maxProperties'] as const;
/** Bounds compared by value only: any new or changed one may refuse what was valid. */
export const OTHER_BOUNDS = ['pattern', 'format', 'multipleOf', 'uniqueItems'] as const;
export type Bound = (typeof LOWER_BOUNDS)[number] | (typeof UPPER_BOUNDS)[number] | (typeof OTHER_BOUNDS)[number];
const BOUNDS: readonly string[] = [...LOWER_BOUNDS, ...UPPER_BOUNDS, ...OTHER_BOUNDS];

export interface Discriminator {
  propertyName: string;
  mapping: Record<string, string>;
}

export interface Composition {
  keyword: 'oneOf' | 'anyOf';
  /** The pointer of the keyword (`#/components/schemas/RuleAction/oneOf`). */
  pointer: string;
  /** Where each branch is written (`.../oneOf/0`). */
  branches: string[];
  discriminator?: Written<Discriminator>;
}

export interface Conditional {
  /** The pointer of the schema holding `if`. */
  pointer: string;
  if: string;
  then?: string;
  else?: string;
}

export interface WrittenKeyword {
  keyword: string;
  value: unknown;
  pointer: string;
}

export interface SchemaView {
  /** Where the merged schemas are, references followed: the first is the schema itself. */
  sources: string[];
  /** Undefined: any type. An empty list: no value is valid. */
  types?: Written<JsonType[]>;
  /** From `enum` or `const`. */
  enum?: Written<unknown[]>;
  bounds: Map<Bound, Written<unknown>>;
  /** Each property's schemas, where they are written (`.../properties/amount`). */
  properties: Map<string, string[]>;
  /** Each required name and the pointer of its entry in a `required` list. */
  required: Map<string, string>;
  /** The pointer of the `additionalProperties: false` or `unevaluatedProperties: false` that closes the object. */
  closed?: string;
  /** Schemas every other property must match (`additionalProperties: {schema}`). */
  additional: string[];
  items: string[];
  compositions: Composition[];
  nots: string[];
  conditionals: Conditional[];
  readOnly?: Written<boolean>;
  writeOnly?: Written<boolean>;
  default?: Written<unknown>;
  annotations: WrittenKeyword[];
  /** Keywords the diff does not reason about: compared as written. */
  opaque: WrittenKeyword[];
}

const isRecord = (value: unknown): value is Record<string, Json> => value !== null && typeof value === 'object' && !Array.isArray(value);

const HANDLED = new Set([
  '$ref', 'type', 'enum', 'const', 'nullable', ...BOUNDS, 'properties', 'required', 'additionalProperties', 'unevaluatedProperties',
  'items', 'allOf', 'oneOf', 'anyOf', 'discriminator', 'not', 'if', 'then', 'else', 'readOnly', 'writeOnly', 'default',
]);

function emptyView(source: string): SchemaView {
  return { sources: [source], bounds: new Map(), properties: new Map(), required: new Map(), additional: [], items: [], compositions: [], nots: [], conditionals: [], annotations: [], opaque: [] };
}

/** The view of the schemas at `locations`, all of which apply (a property declared in several `allOf` members). */
export function schemaView(document: Json, locations: readonly string[]): SchemaView {
  const views = locations.map((location) => viewAt(document, location, new Set()));
  const [first, ...rest] = views;
  if (!first) throw new Error('schemaView needs at least one location');
  return rest.reduce(merge, first);
}

/** A schema that only says "or null": `oneOf`/`anyOf` of one schema and `{type: 'null'}`. */
function nullableBranch(document: Json, composition: Composition): string | undefined {
  if (composition.branches.length !== 2) return undefined;
  const isNull = (location: string) => {
    const { value } = followRefs(document, location);
    return isRecord(value) && value.type === 'null' && Object.keys(value).every((key) => key === 'type' || isAnnotation(key));
  };
  const nulls = composition.branches.filter(isNull);
  return nulls.length === 1 ? composition.branches.find((branch) => !isNull(branch)) : undefined;
}

function viewAt(document: Json, location: string, open: Set<string>): SchemaView {
  const written = valueAtFragment(document, location);
  const annotations: WrittenKeyword[] = [];
  // A reference may carry its own description (OpenAPI 3.1); followRefs steps over it.
  if (isRecord(written) && typeof written.$ref === 'string') {
    for (const keyword of ['summary', 'description']) {
      if (written[keyword] !== undefined) annotations.push({ keyword, value: written[keyword], pointer: fragment(location, keyword) });
    }
  }
  const { pointer, value } = followRefs(document, location);
  const view = emptyView(pointer);
  view.annotations.push(...annotations);
  if (value === false) {
    view.types = { value: [], pointer };
    return view;
  }
  if (!isRecord(value) || open.has(pointer)) return view;
  open.add(pointer);
  const at = (...tokens: Array<string | number>) => fragment(pointer, ...tokens);

  if (typeof value.type === 'string' || Array.isArray(value.type)) {
    const types = (Array.isArray(value.type) ? value.type : [value.type]).filter((type: unknown): type is JsonType => JSON_TYPES.includes(type as string));
    if (value.nullable === true && !types.includes('null')) types.push('null');
    view.types = { value: types, pointer: at('type') };
  }
  if (Array.isArray(value.enum)) view.enum = { value: [...value.enum], pointer: at('enum') };
  if ('const' in value) view.enum = view.enum ? { value: view.enum.value.filter((item) => sameJson(item, value.const)), pointer: at('const') } : { value: [value.const], pointer: at('const') };
  for (const bound of BOUNDS) {
    if (value[bound] !== undefined && value[bound] !== false) view.bounds.set(bound as Bound, { value: value[bound], pointer: at(bound) });
  }
  if (isRecord(value.properties)) {
    for (const name of Object.keys(value.properties)) view.properties.set(name, [at('properties', name)]);
  }
  if (Array.isArray(value.required)) {
    value.required.forEach((name: unknown, index: number) => {
      if (typeof name === 'string' && !view.required.has(name)) view.required.set(name, at('required', index));
    });
  }
  for (const keyword of ['additionalProperties', 'unevaluatedProperties']) {
    if (value[keyword] === false) view.closed ??= at(keyword);
    else if (isRecord(value[keyword]) && Object.keys(value[keyword]).length > 0) view.additional.push(at(keyword));
  }
  if (isRecord(value.items)) view.items.push(at('items'));
  else if (value.items !== undefined && value.items !== true) view.opaque.push({ keyword: 'items', value: value.items, pointer: at('items') });
  if (value.not !== undefined) view.nots.push(at('not'));
  if (value.if !== undefined) {
    view.conditionals.push({ pointer, if: at('if'), ...(value.then !== undefined ? { then: at('then') } : {}), ...(value.else !== undefined ? { else: at('else') } : {}) });
  }
  if (typeof value.readOnly === 'boolean') view.readOnly = { value: value.readOnly, pointer: at('readOnly') };
  if (typeof value.writeOnly === 'boolean') view.writeOnly = { value: value.writeOnly, pointer: at('writeOnly') };
  if (value.default !== undefined) view.default = { value: value.default, pointer: at('default') };
  for (const keyword of Object.keys(value)) {
    if (isAnnotation(keyword)) view.annotations.push({ keyword, value: value[keyword], pointer: at(keyword) });
    else if (!HANDLED.has(keyword)) view.opaque.push({ keyword, value: value[keyword], pointer: at(keyword) });
  }

  let merged = view;
  // A $ref beside other keywords applies as one more member of an allOf (OpenAPI 3.1).
  if (typeof value.$ref === 'string') merged = merge(merged, viewAt(document, value.$ref, open));
  if (Array.isArray(value.allOf)) {
    value.allOf.forEach((_: unknown, index: number) => {
      merged = merge(merged, viewAt(document, at('allOf', index), open));
    });
  }
  for (const keyword of ['oneOf', 'anyOf'] as const) {
    if (!Array.isArray(value[keyword])) continue;
    const composition: Composition = {
      keyword,
      pointer: at(keyword),
      branches: value[keyword].map((_: unknown, index: number) => at(keyword, index)),
      ...(isRecord(value.discriminator) && typeof value.discriminator.propertyName === 'string'
        ? { discriminator: { value: { propertyName: value.discriminator.propertyName, mapping: { ...(value.discriminator.mapping ?? {}) } }, pointer: at('discriminator') } }
        : {}),
    };
    const nonNull = nullableBranch(document, composition);
    if (nonNull !== undefined) merged = merge(merged, orNull(viewAt(document, nonNull, open), composition.pointer));
    else merged.compositions.push(composition);
  }
  open.delete(pointer);
  return merged;
}

/**
 * A view that also lets `null` through, written at `pointer` (the `oneOf` that says so): object
 * keywords do not apply to null, so only its type and enum change.
 */
function orNull(view: SchemaView, pointer: string): SchemaView {
  if (view.types && !view.types.value.includes('null')) view.types = { value: [...view.types.value, 'null'], pointer };
  if (view.enum && !view.enum.value.includes(null)) view.enum = { value: [...view.enum.value, null], pointer };
  return view;
}

function intersectTypes(a: JsonType[], b: JsonType[]): JsonType[] {
  const result: JsonType[] = [];
  for (const type of a) {
    const kept = b.includes(type) ? type : (type === 'number' && b.includes('integer')) || (type === 'integer' && b.includes('number')) ? 'integer' : undefined;
    if (kept && !result.includes(kept)) result.push(kept);
  }
  return result;
}

function tighter(bound: Bound, a: Written<unknown>, b: Written<unknown>): Written<unknown> {
  if (typeof a.value === 'number' && typeof b.value === 'number') {
    if ((LOWER_BOUNDS as readonly string[]).includes(bound)) return b.value > a.value ? b : a;
    if ((UPPER_BOUNDS as readonly string[]).includes(bound)) return b.value < a.value ? b : a;
  }
  return b;
}

/** Both schemas at once: the union of their properties and requirements, the tighter of their bounds. */
function merge(a: SchemaView, b: SchemaView): SchemaView {
  const types = a.types && b.types ? { value: intersectTypes(a.types.value, b.types.value), pointer: b.types.pointer } : (b.types ?? a.types);
  const enumValues = a.enum && b.enum ? { value: a.enum.value.filter((item) => b.enum!.value.some((other) => sameJson(item, other))), pointer: b.enum.pointer } : (b.enum ?? a.enum);
  const bounds = new Map(a.bounds);
  for (const [bound, written] of b.bounds) bounds.set(bound, bounds.has(bound) ? tighter(bound, bounds.get(bound)!, written) : written);
  const properties = new Map(a.properties);
  for (const [name, locations] of b.properties) properties.set(name, [...(properties.get(name) ?? []), ...locations]);
  const required = new Map(a.required);
  for (const [name, pointer] of b.required) if (!required.has(name)) required.set(name, pointer);
  const readOnly = b.readOnly ?? a.readOnly;
  const writeOnly = b.writeOnly ?? a.writeOnly;
  const defaultValue = a.default ?? b.default;
  const closed = a.closed ?? b.closed;
  return {
    sources: [...a.sources, ...b.sources],
    ...(types ? { types } : {}),
    ...(enumValues ? { enum: enumValues } : {}),
    bounds,
    properties,
    required,
    ...(closed ? { closed } : {}),
    additional: [...a.additional, ...b.additional],
    items: [...a.items, ...b.items],
    compositions: [...a.compositions, ...b.compositions],
    nots: [...a.nots, ...b.nots],
    conditionals: [...a.conditionals, ...b.conditionals],
    ...(readOnly ? { readOnly } : {}),
    ...(writeOnly ? { writeOnly } : {}),
    ...(defaultValue ? { default: defaultValue } : {}),
    annotations: [...a.annotations, ...b.annotations],
    opaque: [...a.opaque, ...b.opaque],
  };
}
