// Payloads for the validator tests: every example body and seed fixture of the contract, with the
// operation and status it belongs to, and fast-check mutations of them (values replaced, properties
// added or removed anywhere), so that two validators can be compared on what they accept.
import fc from 'fast-check';
import { jsonContent, readContract, type Content } from '../../src/core/contract.js';
import { readSeedFixtures } from '../support/contract.js';

// Documents and payloads are JSON of any shape.
type Json = any;

export interface Payload {
  label: string;
  operationId: string;
  /** Absent for a request body. */
  status?: string | number;
  value: unknown;
}

const examplesOf = (contents: Content[] = []) => jsonContent(contents)?.examples ?? [];

/** Every named example of every request and response body, then every seed fixture. */
export function contractPayloads(document: Json): Payload[] {
  const examples = readContract(document).operations.flatMap((operation) => [
    ...examplesOf(operation.requestBody?.contents).map((example) => ({
      label: `${operation.operationId} request "${example.name}"`,
      operationId: operation.operationId,
      value: example.value,
    })),
    ...operation.responses.flatMap((response) =>
      examplesOf(response.contents).map((example) => ({
        label: `${operation.operationId} ${response.status} "${example.name}"`,
        operationId: operation.operationId,
        status: response.status,
        value: example.value,
      })),
    ),
  ]);
  const seeds = readSeedFixtures().map((seed) => ({
    label: `seed ${seed.file}`,
    operationId: seed.operationId,
    ...(seed.direction === 'response' ? { status: seed.status } : {}),
    value: seed.value,
  }));
  return [...examples, ...seeds];
}

/** A copy of `document` whose objects are all open: every `additionalProperties: false` and `unevaluatedProperties: false` removed. */
export function withOpenObjects(node: Json): Json {
  if (Array.isArray(node)) return node.map(withOpenObjects);
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([key, value]) => !((key === 'additionalProperties' || key === 'unevaluatedProperties') && value === false))
      .map(([key, value]) => [key, key === 'example' || key === 'examples' ? value : withOpenObjects(value)]),
  );
}

function locations(value: unknown, found: Array<{ parent: any; key: string | number }> = []) {
  if (value && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      found.push({ parent: value, key: Array.isArray(value) ? Number(key) : key });
      locations((value as any)[key], found);
    }
  }
  return found;
}

/** Every object of `value` (itself included). */
export function objectsIn(value: unknown, found: object[] = []): object[] {
  if (value && typeof value === 'object') {
    if (!Array.isArray(value)) found.push(value);
    for (const child of Object.values(value)) objectsIn(child, found);
  }
  return found;
}

/** Values that select other branches: every enum and const value of the document, and some JSON. */
export function replacementValues(document: Json): fc.Arbitrary<unknown> {
  const tags = new Set<unknown>();
  JSON.stringify(document, (key, value) => {
    if (key === 'enum' && Array.isArray(value)) value.forEach((item) => tags.add(item));
    if (key === 'const') tags.add(value);
    return value;
  });
  return fc.oneof(fc.constantFrom(...tags), fc.jsonValue({ maxDepth: 1 }), fc.constant(null), fc.constant(undefined));
}

/**
 * A copy of one of `payloads` changed once: a value replaced or removed, or a property added
 * (`<key>_extra`) beside an existing one or to any object, so unknown properties land at every depth.
 */
export function mutatedPayload<T extends { value: unknown }>(payloads: T[], replacement: fc.Arbitrary<unknown>): fc.Arbitrary<T> {
  return fc
    .tuple(fc.nat(payloads.length - 1), fc.nat(), replacement, fc.constantFrom('replace', 'add', 'add-anywhere'))
    .map(([index, where, value, change]) => {
      const payload = structuredClone(payloads[index]);
      const objects = objectsIn(payload.value);
      if (change === 'add-anywhere' && objects.length > 0) {
        (objects[where % objects.length] as any).zz_extra = value ?? 'extra';
        return payload;
      }
      const places = locations(payload.value);
      if (places.length === 0) return payload;
      const { parent, key } = places[where % places.length];
      if (change === 'add' && !Array.isArray(parent)) parent[`${String(key)}_extra`] = value;
      else if (value === undefined) delete parent[key];
      else parent[key] = value;
      return payload;
    });
}
