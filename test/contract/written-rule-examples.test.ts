// A rule created or replaced through the API is disabled until a person enables it (seeds 000 and
// 001): the first answer example of createRule and updateRule, the one a mock answers by default,
// says so, and the page's printed `enabled` answer follows verbatim with a summary saying why it differs.
import { describe, expect, it } from 'vitest';
import { listOperations, loadBundledDocument, readSeedFixtures } from '../support/contract.js';

const operations = listOperations(await loadBundledDocument());
const fixtures = readSeedFixtures();

describe.each([['createRule', 201], ['updateRule', 200]] as const)('%s %s', (operationId, status) => {
  const examples = Object.values<any>(
    operations.find((operation) => operation.operationId === operationId)!.definition.responses[String(status)].content['application/json'].examples,
  );
  const printed = fixtures.find((fixture) => fixture.operationId === operationId && fixture.status === status)!;

  it('answers first with a disabled rule, an example of this contract\'s marked as such', () => {
    expect(examples[0].value.data.status).toBe('disabled');
    expect(examples[0]['x-extension']).toMatch(/disabled/);
  });

  it('keeps the printed enabled rule verbatim after it, saying why the first one differs', () => {
    const index = examples.findIndex((example) => JSON.stringify(example.value) === JSON.stringify(printed.value));
    expect(index).toBeGreaterThan(0);
    expect(examples[index].value.data.status).toBe('enabled');
    expect(examples[index].summary).toMatch(/enabled.*disabled/);
  });

  it('differs from the printed answer in the status alone', () => {
    const { status: _first, ...firstData } = examples[0].value.data;
    const { status: _printed, ...printedData } = (printed.value as any).data;
    expect({ ...examples[0].value, data: firstData }).toEqual({ ...(printed.value as any), data: printedData });
  });
});
