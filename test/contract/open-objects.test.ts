// Objects stay open where the sources are silent: no schema refuses properties it does not
// declare unless an x-extension says why, so every documented example still validates with an
// unknown property added to each of its objects. Catching a client's typo is the mock's --strict.
import { describe, expect, it } from 'vitest';
import { readContract } from '../../src/core/contract.js';
import { createContractValidator, loadBundledDocument } from '../support/contract.js';

const document = await loadBundledDocument();
const validate = createContractValidator(document);
const schemaAt = new Map<string, object>();
/** The schema at a fragment of the document, one object per fragment so that it compiles once. */
const refTo = (pointer: string) => schemaAt.get(pointer) ?? schemaAt.set(pointer, { $ref: pointer }).get(pointer)!;

/** Payload keys that hold data, not schemas: a closing keyword there is an example's content. */
const DATA_KEYS = new Set(['example', 'examples', 'value', 'default', 'const', 'enum', 'x-codeSamples']);

/** Whether a schema node refuses properties nobody declared. */
function closes(node: any): boolean {
  const additional = node.additionalProperties;
  return additional === false
    || (additional !== undefined && additional !== true && typeof additional === 'object')
    || node.unevaluatedProperties === false
    || node.propertyNames !== undefined;
}

/** The pointers of the nodes that close an object without an x-extension saying why. */
function unmarkedClosings(root: any): string[] {
  const found: string[] = [];
  const visit = (node: any, pointer: string) => {
    if (Array.isArray(node)) return node.forEach((item, index) => visit(item, `${pointer}/${index}`));
    if (!node || typeof node !== 'object') return;
    if (closes(node) && typeof node['x-extension'] !== 'string') found.push(pointer);
    for (const [key, value] of Object.entries(node)) {
      if (!DATA_KEYS.has(key)) visit(value, `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`);
    }
  };
  visit(root, '');
  return found;
}

const PROBE = 'x_unknown_probe';

/** A copy of `value` with the probe property added to every object in it. */
function withProbeEverywhere(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withProbeEverywhere);
  if (!value || typeof value !== 'object') return value;
  const copy = Object.fromEntries(Object.entries(value).map(([key, item]) => [key, withProbeEverywhere(item)]));
  return { ...copy, [PROBE]: 'a field the contract does not define' };
}

describe('closing keywords', () => {
  it('appear only beside an x-extension that gives the reason', () => {
    expect(unmarkedClosings(document)).toEqual([]);
  });

  it('are found wherever they hide, and accepted once marked', () => {
    const closed = { components: { schemas: {
      Plain: { type: 'object', additionalProperties: false },
      Composed: { allOf: [{ type: 'object', properties: { a: { type: 'object', unevaluatedProperties: false } } }] },
      Typed: { type: 'object', additionalProperties: { type: 'string' } },
      Marked: { type: 'object', additionalProperties: false, 'x-extension': 'a typo here would lose money' },
      Open: { type: 'object', additionalProperties: true },
      Example: { type: 'object', example: { additionalProperties: false } },
    } } };
    expect(unmarkedClosings(closed)).toEqual([
      '/components/schemas/Plain',
      '/components/schemas/Composed/allOf/0/properties/a',
      '/components/schemas/Typed',
    ]);
  });
});

describe('every documented example', () => {
  const cases = readContract(document).operations.flatMap((operation) => {
    const messages = [
      ...(operation.requestBody?.contents ?? []).map((content) => ({ label: `${operation.operationId} request`, content })),
      ...operation.responses.flatMap((response) =>
        response.contents.map((content) => ({ label: `${operation.operationId} ${response.status}`, content }))),
    ];
    return messages.flatMap(({ label, content }) =>
      content.schema ? content.examples.map((example) => [`${label} "${example.name}"`, content.schema!, example.value] as const) : []);
  });

  it('is checked here, for requests and responses', () => {
    expect(cases.some(([label]) => label.includes(' request '))).toBe(true);
    expect(cases.length).toBeGreaterThan(100);
  });

  it.each(cases)('%s still validates with an unknown property in each of its objects', (_, schema, value) => {
    const probed = withProbeEverywhere(value);
    expect(validate(refTo(schema), value), 'the example as documented').toEqual([]);
    expect(validate(refTo(schema), probed)).toEqual([]);
  });
});
