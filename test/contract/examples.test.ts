// Every example in the contract, and every example printed in the seeds, validates against the
// schema it illustrates; each seed example is a named example of its own operation, verbatim.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  bodySchema, createContractValidator, listOperations, loadBundledDocument, readSeedFixtures,
  type Operation,
} from '../support/contract.js';

const document = await loadBundledDocument();
const operations = listOperations(document);
const validate = createContractValidator(document);

interface NamedExample {
  where: string;
  schema: any;
  value: unknown;
}

function namedExamples(operation: Operation): NamedExample[] {
  const found: NamedExample[] = [];
  const collect = (content: any, label: string) => {
    const media = content?.['application/json'];
    for (const [name, example] of Object.entries<any>(media?.examples ?? {})) {
      found.push({ where: `${label} example "${name}"`, schema: media.schema, value: example.value });
    }
  };
  const { definition, operationId } = operation;
  collect(definition.requestBody?.content, `${operationId} request`);
  for (const [status, response] of Object.entries<any>(definition.responses ?? {})) {
    collect(response.content, `${operationId} ${status}`);
  }
  for (const parameter of definition.parameters ?? []) {
    if (parameter.example !== undefined) {
      found.push({ where: `${operationId} parameter ${parameter.name}`, schema: parameter.schema, value: parameter.example });
    }
  }
  return found;
}

describe('spec examples', () => {
  const all = operations.flatMap(namedExamples);

  it('exist', () => {
    expect(all.length).toBeGreaterThan(operations.length);
  });

  it.each(all.map((example) => [example.where, example] as const))('%s validates against its schema', (_, example) => {
    expect(validate(example.schema, example.value)).toEqual([]);
  });
});

describe('seed fixtures', () => {
  const fixtures = readSeedFixtures();

  it('cover every seed page', () => {
    expect(new Set(fixtures.map((fixture) => fixture.seed))).toEqual(new Set(['000', '001', '002', '003']));
  });

  it.each(fixtures.map((fixture) => [fixture.file, fixture] as const))('%s validates verbatim and is a named example of its operation', (_, fixture) => {
    const operation = operations.find((candidate) => candidate.operationId === fixture.operationId);
    expect(operation, `operation ${fixture.operationId}`).toBeDefined();
    expect(validate(bodySchema(operation!, fixture.direction, fixture.status), fixture.value)).toEqual([]);

    const content = fixture.direction === 'request'
      ? operation!.definition.requestBody.content
      : operation!.definition.responses[String(fixture.status)].content;
    const examples = Object.values<any>(content['application/json'].examples).map((example) => example.value);
    expect(examples).toContainEqual(fixture.value);
  });
});
