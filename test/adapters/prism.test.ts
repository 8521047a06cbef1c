// The Prism adapter's one reach beyond Prism's public API: json-schema-faker's options. If a Prism
// upgrade moves the faker or stops reading these options, these tests fail, naming what broke.
import { describe, expect, it } from 'vitest';
import { configureFaker, prismFaker, prismGenerator } from '../../src/adapters/prism.js';
import { readContract } from '../../src/core/contract.js';
import { negotiate } from '../../src/core/negotiate.js';
import { bundledSpecPath, readBundle } from '../mock/spec.js';

const document = readBundle(bundledSpecPath());
const contract = readContract(document);
const operation = (id: string) => contract.operations.find((candidate) => candidate.operationId === id)!;

async function generated(operationId: string, seed: string): Promise<Record<string, unknown>> {
  const target = operation(operationId);
  const negotiated = negotiate(target, { dynamic: true }, undefined);
  if (!negotiated.ok) throw new Error(negotiated.message);
  return (await prismGenerator(document, contract.jsonSchemaFaker).generate({ operation: target, selection: negotiated.selection, path: target.path, seed })) as Record<string, unknown>;
}

describe('Prism as the body generator', () => {
  it('finds json-schema-faker where Prism finds it, with the option API the adapter uses', () => {
    const faker = prismFaker();
    expect(typeof faker.option, 'json-schema-faker moved or changed: see src/adapters/prism.ts').toBe('function');
    expect(typeof faker.locate).toBe('function');
  });

  it('generates a body of the chosen response through createInstance().request', async () => {
    const body = await generated('getRule', 'seed-1');
    expect(Object.keys(body).sort()).toEqual(['data', 'request_id']);
  });

  it('adds no property a schema does not declare (fillProperties off), though the contract leaves objects open', async () => {
    // The Rule schema declares these; an open object filled by the faker would carry random others.
    const declared = ['id', 'nickname', 'description', 'status', 'trigger', 'steps', 'created_at', 'updated_at'];
    for (const seed of ['a', 'b', 'c', 'd', 'e']) {
      const { data } = (await generated('getRule', seed)) as { data: Record<string, unknown> };
      expect(Object.keys(data).filter((name) => !declared.includes(name)), `seed ${seed}`).toEqual([]);
    }
  });

  it('gives the same body for the same seed', async () => {
    expect(await generated('getTransfer', 'same')).toEqual(await generated('getTransfer', 'same'));
  });

  it('reads x-json-schema-faker option names as the Prism CLI does (kebab-case to camelCase)', () => {
    const seen: Array<Record<string, unknown>> = [];
    const faker = prismFaker();
    const original = faker.option.bind(faker);
    faker.option = (options: Record<string, unknown>) => {
      seen.push(options);
      original(options);
    };
    try {
      configureFaker({ 'max-items': 3, min_length: 2 });
    } finally {
      faker.option = original;
      configureFaker(contract.jsonSchemaFaker);
    }
    // First Prism's own reset, through the very instance the adapter configures; then the spec's options.
    expect(seen[0]).toHaveProperty('fillProperties');
    expect(seen.slice(1)).toEqual([{ maxItems: 3 }, { minLength: 2 }, { fillProperties: false }]);
  });
});
