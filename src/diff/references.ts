// Finds a local `$ref` that leads nowhere, so that a broken document is refused up front, naming
// its file and the pointer, instead of failing halfway through a comparison.
import { fragment, valueAtFragment } from '../core/json-pointer.js';

export interface UnresolvedReference {
  /** Where the `$ref` is written (`#/components/schemas/Rule/allOf/0`). */
  pointer: string;
  ref: string;
}

/**
 * Values that are data, where a "$ref" key is no reference: examples (a schema's list; an Example
 * Object's value), enum, const and default. A media type's `examples` map is not: it may hold $refs.
 */
const DATA = new Set(['example', 'value', 'enum', 'const', 'default']);
const isData = (key: string, value: unknown) => DATA.has(key) || (key === 'examples' && Array.isArray(value));

export function unresolvedReference(document: unknown): UnresolvedReference | undefined {
  const pending: Array<[unknown, string]> = [[document, '#']];
  while (pending.length > 0) {
    const [value, pointer] = pending.pop()!;
    if (value === null || typeof value !== 'object') continue;
    const record = value as Record<string, unknown>;
    if (typeof record.$ref === 'string' && record.$ref.startsWith('#') && valueAtFragment(document, record.$ref) === undefined) {
      return { pointer, ref: record.$ref };
    }
    for (const key of Object.keys(record)) {
      if (isData(key, record[key])) continue;
      pending.push([record[key], fragment(pointer, key)]);
    }
  }
  return undefined;
}
