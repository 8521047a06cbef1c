// Equality of JSON values, and of two schemas in two documents through their `$ref`s: what the diff
// uses to pair the parts of a composition and to tell whether a keyword it does not reason about changed.
import { followRefs } from '../core/contract.js';
import { fragment } from '../core/json-pointer.js';

type Json = any;

const isRecord = (value: unknown): value is Record<string, Json> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Deep equality of JSON values; the order of an object's keys does not matter, an array's does. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, index) => sameJson(item, b[index]));
  }
  if (!isRecord(a) || !isRecord(b)) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && sameJson(a[key], b[key]));
}

/** Keywords that only explain a schema; they change no message's validity. */
export function isAnnotation(keyword: string): boolean {
  return ANNOTATIONS.has(keyword) || keyword.startsWith('x-');
}
const ANNOTATIONS = new Set(['title', 'description', 'summary', 'example', 'examples', 'deprecated', '$comment', 'externalDocs', 'xml', '$schema', '$id', '$anchor', '$defs', 'definitions']);

/** Keywords whose value is a schema, a list of schemas, or a map of names to schemas. */
const SCHEMA_KEYWORDS = new Set(['items', 'additionalProperties', 'unevaluatedProperties', 'unevaluatedItems', 'not', 'if', 'then', 'else', 'contains', 'propertyNames']);
const SCHEMA_LIST_KEYWORDS = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems']);
const SCHEMA_MAP_KEYWORDS = new Set(['properties', 'patternProperties', 'dependentSchemas']);

/** Compares schemas of `base` with schemas of `head` through their references. */
export interface SchemaEquality {
  /** Whether the schemas at these pointers allow the same messages, written alike. */
  same(baseAt: string, headAt: string): boolean;
  /** Whether one keyword is written alike in the schemas at these pointers (both have it). */
  sameKeyword(baseSchemaAt: string, headSchemaAt: string, keyword: string): boolean;
}

/**
 * Equality of schemas once references are followed, annotations ignored unless `annotations` is set.
 * A recursive schema is taken to be the same where it meets itself again.
 */
export function schemaEquality(base: Json, head: Json, annotations = false): SchemaEquality {
  const open = new Set<string>();
  const same = (a: string, b: string): boolean => {
    const left = followRefs(base, a);
    const right = followRefs(head, b);
    const key = `${left.pointer}\u0000${right.pointer}`;
    if (open.has(key)) return true;
    open.add(key);
    try {
      return sameNode(left.value, left.pointer, right.value, right.pointer);
    } finally {
      open.delete(key);
    }
  };
  const sameValue = (a: Json, aAt: string, b: Json, bAt: string, key: string): boolean => {
    if (key === '$ref') return typeof a.$ref === 'string' && typeof b.$ref === 'string' && same(a.$ref, b.$ref);
    if (SCHEMA_KEYWORDS.has(key)) return same(fragment(aAt, key), fragment(bAt, key));
    if (SCHEMA_LIST_KEYWORDS.has(key)) {
      return Array.isArray(a[key]) && Array.isArray(b[key]) && a[key].length === b[key].length &&
        a[key].every((_: unknown, index: number) => same(fragment(aAt, key, index), fragment(bAt, key, index)));
    }
    if (SCHEMA_MAP_KEYWORDS.has(key) && isRecord(a[key]) && isRecord(b[key])) {
      const names = Object.keys(a[key]).sort();
      return sameJson(names, Object.keys(b[key]).sort()) && names.every((name) => same(fragment(aAt, key, name), fragment(bAt, key, name)));
    }
    return sameJson(a[key], b[key]);
  };
  const sameNode = (a: Json, aAt: string, b: Json, bAt: string): boolean => {
    if (!isRecord(a) || !isRecord(b)) return a === b;
    const keys = (node: Record<string, Json>) => Object.keys(node).filter((key) => annotations || !isAnnotation(key)).sort();
    const aKeys = keys(a);
    return sameJson(aKeys, keys(b)) && aKeys.every((key) => sameValue(a, aAt, b, bAt, key));
  };
  return {
    same,
    sameKeyword(baseSchemaAt, headSchemaAt, keyword) {
      const left = followRefs(base, baseSchemaAt);
      const right = followRefs(head, headSchemaAt);
      return sameValue(left.value, left.pointer, right.value, right.pointer, keyword);
    },
  };
}
