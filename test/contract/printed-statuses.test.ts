// The Rules pages print their response bodies in status order, without the statuses: each printed
// body is one seed fixture whose x-status is the status of its place on the page, and the
// operation documents exactly that status with the body verbatim as a named example.
import { describe, expect, it } from 'vitest';
import { listOperations, loadBundledDocument, readSeedFixtures } from '../support/contract.js';

const document = await loadBundledDocument();
const operations = listOperations(document);
const fixtures = readSeedFixtures();

/**
 * What each page prints, in order, read off the seeds: seed 000 (createRule) prints the created
 * rule, a resource_not_found body, 401 and 403; seed 001 (updateRule) the rule, resource_not_found,
 * 401, 403 and resource_not_found again; seed 002 (deleteRule) 401, 403 and resource_not_found.
 */
const PRINTED: Record<string, { operationId: string; statuses: number[] }> = {
  '000': { operationId: 'createRule', statuses: [201, 400, 401, 403] },
  '001': { operationId: 'updateRule', statuses: [200, 400, 401, 403, 404] },
  '002': { operationId: 'deleteRule', statuses: [401, 403, 404] },
};

const responses = (operationId: string) => operations.find((o) => o.operationId === operationId)!.definition.responses;
const namedExamples = (operationId: string, status: number) =>
  Object.values<any>(responses(operationId)[String(status)]?.content?.['application/json']?.examples ?? {});

describe.each(Object.entries(PRINTED))('seed %s', (seed, { operationId, statuses }) => {
  const printed = fixtures.filter((fixture) => fixture.seed === seed && fixture.direction === 'response');

  it(`has one response fixture per printed body, each with the status of its place (${statuses.join(', ')})`, () => {
    expect(printed.map((fixture) => fixture.status).sort()).toEqual([...statuses].sort());
  });

  it(`is documented by ${operationId} at those statuses, each printed body verbatim as a named example`, () => {
    for (const fixture of printed) {
      const values = namedExamples(operationId, fixture.status!).map((example) => example.value);
      expect(values, `${operationId} ${fixture.status}`).toContainEqual(fixture.value);
    }
  });
});

describe('the printed resource_not_found bodies', () => {
  it('make createRule document 400 and no 404: the page prints no body in a 404 position', () => {
    expect(Object.keys(responses('createRule'))).toContain('400');
    expect(Object.keys(responses('createRule'))).not.toContain('404');
  });

  it.each([['createRule', 400], ['updateRule', 400], ['updateRule', 404]] as const)(
    '%s %s: the printed body comes first and says where the page prints it, beside the contract\'s validation_error',
    (operationId, status) => {
      const [first, ...others] = namedExamples(operationId, status);
      expect(first.value.error.code).toBe('resource_not_found');
      expect(first.summary).toMatch(/page prints it/);
      if (status === 400) expect(others.map((example) => example.value.error.code)).toContain('validation_error');
    },
  );
});
