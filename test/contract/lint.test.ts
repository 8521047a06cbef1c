// The house conventions are lint rules: the contract passes them, and breaking a convention in a
// copy of the contract makes the matching rule fail.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lint, loadConfig } from '@redocly/openapi-core';
import { parseDocument } from 'yaml';
import { projectRoot } from '../support/contract.js';

const CONTRACT_FILES = ['openapi.yaml', 'redocly.yaml', 'paths', 'schemas', 'examples', 'test/fixtures', 'src/redocly'];
const copies: string[] = [];

/** A copy of the contract with one YAML file edited. */
function copyWith(file: string, edit: (document: ReturnType<typeof parseDocument>) => void): string {
  const directory = mkdtempSync(path.join(tmpdir(), 'contract-lint-'));
  copies.push(directory);
  for (const entry of CONTRACT_FILES) cpSync(path.join(projectRoot, entry), path.join(directory, entry), { recursive: true });
  const target = path.join(directory, file);
  const document = parseDocument(readFileSync(target, 'utf8'));
  edit(document);
  writeFileSync(target, document.toString());
  return directory;
}

async function problemsOf(directory: string): Promise<string[]> {
  const config = await loadConfig({ configPath: path.join(directory, 'redocly.yaml') });
  const problems = await lint({ ref: path.join(directory, 'openapi.yaml'), config });
  return problems.map((problem) => `${problem.ruleId} (${problem.severity})`);
}

afterAll(() => {
  for (const directory of copies) rmSync(directory, { recursive: true, force: true });
});

describe('redocly lint', () => {
  it('reports no problem, not even a warning, on the contract', async () => {
    expect(await problemsOf(projectRoot)).toEqual([]);
  });

  it.each([
    ['an operation without a summary', 'paths/rules/rules_{id}.yaml', ['get', 'summary'], undefined, 'rule/operation-has-summary'],
    ['an operation without an operationId', 'paths/comms/sequences.yaml', ['post', 'operationId'], undefined, 'rule/operation-has-operation-id'],
    ['an operation with two tags', 'paths/sequences/sequences.yaml', ['get', 'tags'], ['Email sequences', 'Rules'], 'rule/operation-has-one-tag'],
    ['an operation without security', 'paths/comms/sequences_{id}.yaml', ['get', 'security'], undefined, 'rule/operation-declares-security'],
    ['a path without x-service', 'paths/comms/sequences_{id}.yaml', ['x-service'], undefined, 'rule/path-declares-service'],
    ['a webhook without x-service', 'paths/rules/webhook_transfer-created.yaml', ['x-service'], undefined, 'rule/path-declares-service'],
    ['a path naming an unknown service', 'paths/sequences/sequences.yaml', ['x-service'], 'billing', 'rule/path-declares-service'],
    ['a path without its service\'s servers', 'paths/comms/sequences_{id}.yaml', ['servers'], undefined, 'rule/path-declares-servers'],
    ['a Rules operation without x-permission', 'paths/rules/accounts.yaml', ['get', 'x-permission'], undefined, 'rule/rules-operation-declares-permission'],
    ['a Rules 4xx in another service\'s error schema', 'paths/rules/accounts_{id}.yaml',
      ['get', 'responses', '404', 'content', 'application/json', 'schema', '$ref'], '../../schemas/comms/CommsError.yaml', 'rule/rules-4xx-use-rules-error'],
    ['a seed example that no longer matches its schema', 'test/fixtures/seeds/000_createRule_request.json',
      ['value', 'status'], 'paused', 'no-invalid-media-type-examples'],
  ])('flags %s', async (_, file, where, value, ruleId) => {
    const directory = copyWith(file, (document) => {
      if (value === undefined) document.deleteIn(where);
      else document.setIn(where, value);
    });
    expect(await problemsOf(directory)).toContain(`${ruleId} (error)`);
  });
});
