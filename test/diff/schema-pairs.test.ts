// The diff on before/after pairs of one schema (test/fixtures/diff/schema-pairs.yaml), each placed in
// a one-operation document: every finding expected, and nothing else.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readContract } from '../../src/core/contract.js';
import { diffContracts } from '../../src/diff/diff.js';

interface ExpectedFinding {
  kind: 'breaking' | 'compatible';
  pointer: string;
  side?: 'base' | 'head';
  message?: string;
}

interface SchemaPair {
  name: string;
  in: 'request' | 'response';
  base: unknown;
  head: unknown;
  components?: Record<string, unknown>;
  findings: ExpectedFinding[];
}

const fixture = (name: string) => readFileSync(new URL(`../fixtures/diff/${name}`, import.meta.url), 'utf8');
const template = parse(fixture('template.yaml'));
const pairs: SchemaPair[] = parse(fixture('schema-pairs.yaml'));

const byPointer = (a: { pointer: string; kind: string }, b: { pointer: string; kind: string }) => `${a.pointer} ${a.kind}`.localeCompare(`${b.pointer} ${b.kind}`);
const isSplit = (components: Record<string, unknown>) => Object.keys(components).sort().join() === 'base,head';

function documentFor(pair: SchemaPair, side: 'base' | 'head') {
  const document = structuredClone(template);
  const components = pair.components ? (isSplit(pair.components) ? pair.components[side] : pair.components) : {};
  Object.assign(document.components.schemas, structuredClone(components));
  document.components.schemas[pair.in === 'request' ? 'Body' : 'Answer'] = structuredClone(pair[side]);
  return { document, contract: readContract(document) };
}

describe('diff of schema pairs', () => {
  it('has a table of at least 30 pairs, each named once', () => {
    expect(pairs.length).toBeGreaterThanOrEqual(30);
    expect(new Set(pairs.map((pair) => pair.name)).size).toBe(pairs.length);
  });

  for (const pair of pairs) {
    it(pair.name, () => {
      const { findings } = diffContracts(documentFor(pair, 'base'), documentFor(pair, 'head'));
      const found = findings.map(({ kind, operationId, pointer, side }) => ({ kind, operationId, pointer, side }));
      const expected = pair.findings.map(({ kind, pointer, side }) => ({ kind, operationId: 'createThing', pointer, side: side ?? 'head' }));
      expect(found.sort(byPointer)).toEqual(expected.sort(byPointer));
      for (const { pointer, message } of pair.findings) {
        if (message) expect(findings.find((finding) => finding.pointer === pointer)?.message).toContain(message);
      }
    });
  }
});
