// The `platform-contract diff` command: its exit codes, its three formats, git:REF (the multi-file
// contract at a revision) and its one-line errors.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runDiff } from '../../src/cli/diff.js';
import { capture, fixtures, GitRepository } from './git-repository.js';

const projectRoot = path.resolve(fixtures, '../../..');
const diff = (argv: string[], cwd = fixtures) => capture(runDiff, argv, cwd);

/** One line on stderr, without a stack trace. */
function expectOneLineError(result: { code: number; stdout: string; stderr: string }, words: string) {
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(result.stderr).toContain(words);
  expect(result.stderr).not.toMatch(/\n\s+at /);
}

describe('platform-contract diff: exit codes and formats', () => {
  it('exits 0 and says "No changes." for a contract against itself', async () => {
    const result = await diff(['transfers-v1.yaml', 'transfers-v1.yaml']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout.trimEnd().split('\n').pop()).toBe('No changes.');
  });

  it('exits 0 when every change is compatible', async () => {
    const result = await diff(['transfers-v1.yaml', 'transfers-v2-compatible.yaml']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('compatible  request body property /note: new optional property');
    expect(result.stdout.trimEnd().split('\n').pop()).toBe('0 breaking changes, 1 compatible change (1 operation).');
  });

  it('exits 1 on a breaking change; text is grouped by operation, breaking first, with a summary line', async () => {
    const result = await diff(['transfers-v1.yaml', 'transfers-v2-breaking.yaml']);
    expect(result.code).toBe(1);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('Contract diff: transfers-v1.yaml -> transfers-v2-breaking.yaml');
    expect(lines[2]).toBe('createTransfer  POST /transfers');
    expect(lines[3]).toBe('  BREAKING    request body property /amount_in_cents: maximum lowered from 100000 to 50000');
    expect(lines[4]).toBe('              at #/paths/~1transfers/post/requestBody/content/application~1json/schema/properties/amount_in_cents/maximum');
    expect(lines[5]).toBe('  compatible  request body property /note: new optional property');
    expect(lines.pop()).toBe('1 breaking change, 1 compatible change (1 operation).');
  });

  it('writes markdown for a pull-request comment: a heading, counts, breaking changes first in a table', async () => {
    const result = await diff(['transfers-v1.yaml', 'transfers-v2-breaking.yaml', '--format', 'markdown']);
    expect(result.code).toBe(1);
    const text = result.stdout;
    expect(text.split('\n').slice(0, 2)).toEqual(['<!-- platform-contract diff -->', '## Contract diff: 1 breaking change']);
    expect(text).toContain('`transfers-v1.yaml` → `transfers-v2-breaking.yaml`: 1 breaking change, 1 compatible change (1 operation).');
    expect(text).toContain('| Operation | Change | Where |');
    expect(text).toContain('| `createTransfer` POST /transfers | request body property /amount_in_cents: maximum lowered from 100000 to 50000 |');
    expect(text.indexOf('### Breaking changes (1)')).toBeLessThan(text.indexOf('### Compatible changes (1)'));
  });

  it('writes JSON: the findings, breaking first, and a summary', async () => {
    const result = await diff(['transfers-v1.yaml', 'transfers-v2-breaking.yaml', '--format=json']);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.summary).toEqual({ breaking: 1, compatible: 1 });
    expect(report.operations).toEqual({ createTransfer: 'POST /transfers' });
    expect(report.findings).toEqual([
      {
        kind: 'breaking', operationId: 'createTransfer', side: 'head', change: 'bound',
        pointer: '#/paths/~1transfers/post/requestBody/content/application~1json/schema/properties/amount_in_cents/maximum',
        message: 'request body property /amount_in_cents: maximum lowered from 100000 to 50000',
      },
      {
        kind: 'compatible', operationId: 'createTransfer', side: 'head', change: 'property-added',
        pointer: '#/paths/~1transfers/post/requestBody/content/application~1json/schema/properties/note',
        message: 'request body property /note: new optional property',
      },
    ]);
  });

  it('prints its usage for --help and exits 0', async () => {
    const result = await diff(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^usage: platform-contract diff BASE HEAD \[--format text\|markdown\|json\]/);
  });

  it('bundles the multi-file openapi.yaml and finds nothing against itself', async () => {
    const result = await diff(['openapi.yaml', 'openapi.yaml'], projectRoot);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain('No changes.');
  });
});

describe('platform-contract diff: bad input is one line and exit 2', () => {
  it('an unknown option', async () => expectOneLineError(await diff(['a.yaml', 'b.yaml', '--colour']), "Unknown option '--colour'"));
  it('a missing argument', async () => expectOneLineError(await diff(['transfers-v1.yaml']), 'needs BASE and HEAD'));
  it('a third argument', async () => expectOneLineError(await diff(['a.yaml', 'b.yaml', 'c.yaml']), 'takes BASE and HEAD only, not c.yaml'));
  it('an unknown format', async () => expectOneLineError(await diff(['a.yaml', 'b.yaml', '--format', 'html']), '--format must be text, markdown, json, not "html"'));
  it('a file that does not exist', async () => expectOneLineError(await diff(['missing.yaml', 'transfers-v1.yaml']), `${path.join(fixtures, 'missing.yaml')}: spec not found`));

  describe('files that are not contracts', () => {
    let folder: string;
    beforeAll(() => {
      folder = mkdtempSync(path.join(tmpdir(), 'diff-bad-input-'));
      writeFileSync(path.join(folder, 'broken.yaml'), 'openapi: 3.1.0\ninfo: [unclosed\n');
      writeFileSync(path.join(folder, 'not-openapi.json'), '{"swagger": "2.0"}');
      const dangling = parse(readFileSync(path.join(fixtures, 'template.yaml'), 'utf8'));
      dangling.components.schemas.Body = { type: 'object', properties: { thing: { $ref: '#/components/schemas/Missing' } } };
      writeFileSync(path.join(folder, 'dangling.json'), JSON.stringify(dangling));
    });
    afterAll(() => rmSync(folder, { recursive: true, force: true }));

    it('invalid YAML', async () => expectOneLineError(await diff(['broken.yaml', 'broken.yaml'], folder), 'broken.yaml: not valid YAML'));
    it('a document that is not OpenAPI 3', async () => expectOneLineError(await diff(['not-openapi.json', 'not-openapi.json'], folder), 'not an OpenAPI 3.x document'));
    it('a bundled document with a $ref that leads nowhere', async () => {
      expectOneLineError(await diff(['dangling.json', 'dangling.json'], folder),
        'dangling.json: #/components/schemas/Body/properties/thing: $ref "#/components/schemas/Missing" does not resolve');
    });
  });
});

describe('platform-contract diff: git:REF', () => {
  let repository: GitRepository;
  let temporary: string;
  const previousTmpdir = process.env.TMPDIR;

  beforeAll(() => {
    repository = new GitRepository();
    repository.commit('The first contract');
    // The revisions are written under a folder of this test's own, to see that they are removed.
    temporary = mkdtempSync(path.join(tmpdir(), 'diff-git-tmp-'));
    mkdirSync(temporary, { recursive: true });
    process.env.TMPDIR = temporary;
  });
  afterAll(() => {
    if (previousTmpdir === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previousTmpdir;
    repository.remove();
    rmSync(temporary, { recursive: true, force: true });
  });

  it('compares git:HEAD (its multi-file tree) with the working tree file, and removes what it wrote', async () => {
    const same = await diff(['git:HEAD', 'openapi.yaml'], repository.root);
    expect(same).toMatchObject({ code: 0, stderr: '' });
    expect(same.stdout).toContain('No changes.');
    // A change in a referenced file, not in openapi.yaml itself.
    repository.edit('schemas/TransferCreateRequest.yaml', 'maximum: 100000', 'maximum: 50000');
    const changed = await diff(['git:HEAD', 'openapi.yaml'], repository.root);
    expect(changed.code).toBe(1);
    expect(changed.stdout).toContain('request body property /amount_in_cents: maximum lowered from 100000 to 50000');
    expect(readdirSync(temporary)).toEqual([]);
    repository.git('checkout', '--', '.');
  });

  it('names the contract file with git:REF:FILE', async () => {
    const result = await diff(['git:HEAD:openapi.yaml', 'git:main'], repository.root);
    expect(result.code).toBe(0);
  });

  it('compares two revisions of this repository', async () => {
    const result = await diff(['git:HEAD', 'git:HEAD'], projectRoot);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain('No changes.');
  });

  it('an unknown ref is one line and exit 2', async () => {
    expectOneLineError(await diff(['git:no-such-branch', 'openapi.yaml'], repository.root), `git:no-such-branch: no revision no-such-branch in the repository at ${repository.root}`);
  });

  it('a revision without openapi.yaml is one line and exit 2', async () => {
    repository.git('checkout', '--quiet', '--orphan', 'empty');
    repository.git('rm', '-r', '--quiet', '--cached', '.');
    repository.git('commit', '--quiet', '--allow-empty', '-m', 'Nothing');
    repository.git('checkout', '--quiet', '--force', 'main');
    expectOneLineError(await diff(['git:empty', 'openapi.yaml'], repository.root), 'git:empty: the repository has no openapi.yaml at empty');
  });

  it('outside a git repository is one line and exit 2', async () => {
    expectOneLineError(await diff(['git:HEAD', path.join(projectRoot, 'openapi.yaml')], temporary), `git:HEAD: ${temporary} is not in a git repository`);
  });
});
