// Response objects are closed (additionalProperties or unevaluatedProperties false), so an answer
// with a field the contract does not define fails validation, and Prism's generated data is faithful.
import { describe, expect, it } from 'vitest';
import { listOperations, loadBundledDocument, resolvePointer } from '../support/contract.js';

const document = await loadBundledDocument();

/** The pointers of object schemas reachable from `schema` that accept properties nobody declared. */
function openObjects(schema: any, where: string, coveredByParent = false, seen = new Set<any>()): string[] {
  if (!schema || typeof schema !== 'object' || seen.has(schema)) return [];
  seen.add(schema);
  if (typeof schema.$ref === 'string') {
    return openObjects(resolvePointer(document, schema.$ref), schema.$ref, coveredByParent, seen);
  }
  const closesItself = schema.additionalProperties === false || schema.unevaluatedProperties === false;
  // An explicit `additionalProperties: true` is a decision written into the schema, not an oversight.
  const openOnPurpose = schema.additionalProperties === true;
  const problems: string[] = [];
  if (schema.properties && !closesItself && !openOnPurpose && !coveredByParent) problems.push(where);
  // A closed schema also closes the branches of allOf, anyOf and oneOf beside it: with
  // unevaluatedProperties they are evaluated together, and with additionalProperties a branch
  // cannot admit a property the schema itself does not declare.
  const coversBranches = closesItself || coveredByParent;
  for (const keyword of ['allOf', 'anyOf', 'oneOf'] as const) {
    (schema[keyword] ?? []).forEach((branch: any, index: number) =>
      problems.push(...openObjects(branch, `${where}/${keyword}/${index}`, coversBranches, seen)));
  }
  for (const [name, property] of Object.entries<any>(schema.properties ?? {})) {
    problems.push(...openObjects(property, `${where}/properties/${name}`, false, seen));
  }
  if (schema.items) problems.push(...openObjects(schema.items, `${where}/items`, false, seen));
  return problems;
}

describe('response schemas', () => {
  const responses = listOperations(document).flatMap((operation) =>
    Object.entries<any>(operation.definition.responses ?? {}).flatMap(([status, response]) => {
      const schema = response.content?.['application/json']?.schema;
      return schema ? [[`${operation.operationId} ${status}`, schema] as const] : [];
    }));

  it.each(responses)('%s closes every object it describes', (_, schema) => {
    expect(openObjects(schema, '(body)')).toEqual([]);
  });
});
