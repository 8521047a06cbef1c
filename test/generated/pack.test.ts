// The package as a frontend gets it: `npm pack`, installed into a separate project, compiled against
// with TypeScript, run with Node and built with Vite.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measureBundle } from '../../src/generate/bundle-size.js';
import { packedProject } from '../support/packed.js';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const seedRule = JSON.parse(await readFile(path.join(root, 'test/fixtures/seeds/000_createRule_request.json'), 'utf8')).value;

const consumerSource = `
import type { operations, Rule } from 'platform-contract/types';
import { isRule, validateParameters, validateRequest, type ValidationResult } from 'platform-contract/validators';
import { validateRequest as validateRulesRequest } from 'platform-contract/validators/rules';
import contract from 'platform-contract/openapi.json' with { type: 'json' };

// The seed rule, typed as the createRule request body.
const body: operations['createRule']['requestBody']['content']['application/json'] = ${JSON.stringify(seedRule, null, 2)};
const firstTrigger: Rule['trigger'] = body.trigger;

const parameters = validateParameters('listTransfers', { query: { account_id: 'acc_01HDEF0123', first: '5' } });
const results: Record<string, ValidationResult | boolean | string | number> = {
  seed: validateRequest('createRule', body),
  strict: validateRulesRequest('createRule', { ...body, colour: 'blue' }, { strict: true }),
  first: parameters.valid ? parameters.values.query.first ?? 0 : 'invalid',
  bogusTrigger: validateRequest('createRule', { ...body, trigger: { type: 'BOGUS', account_id: 'acc_01HABC4567' } }),
  triggerType: firstTrigger.type,
  isRule: isRule(body),
  title: contract.info.title,
};
console.log(JSON.stringify(results));
`;

let project: string;
let packedFiles: string[];

beforeAll(async () => {
  // The shared scratch install of the tarball, seen from a project of this test's own.
  const packed = await packedProject();
  packedFiles = packed.files;
  project = await mkdtemp(path.join(tmpdir(), 'contract-consumer-'));
  await symlink(path.join(packed.dir, 'node_modules'), path.join(project, 'node_modules'), 'dir');
  await writeFile(path.join(project, 'package.json'), JSON.stringify({ name: 'contract-consumer', private: true, type: 'module' }));
  await writeFile(path.join(project, 'consumer.ts'), consumerSource);
  const compilerOptions = { target: 'ES2022', strict: true, resolveJsonModule: true, outDir: 'dist', types: [] };
  await writeFile(
    path.join(project, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { ...compilerOptions, module: 'NodeNext', moduleResolution: 'NodeNext' }, files: ['consumer.ts'] }),
  );
  // What a Vite or webpack frontend uses.
  await writeFile(
    path.join(project, 'tsconfig.bundler.json'),
    JSON.stringify({ compilerOptions: { ...compilerOptions, module: 'ESNext', moduleResolution: 'Bundler', noEmit: true }, files: ['consumer.ts'] }),
  );
});

afterAll(async () => {
  if (project) await rm(project, { recursive: true, force: true });
});

/** What tsc printed compiling the consumer with `config` (empty when it compiles); each config is compiled once. */
const compiled = new Map<string, Promise<string>>();
function compile(config: string): Promise<string> {
  if (!compiled.has(config)) {
    compiled.set(config, run(process.execPath, [tsc, '-p', config], { cwd: project }).catch((error) => error).then((result) => `${result.stdout ?? ''}${result.stderr ?? ''}`));
  }
  return compiled.get(config)!;
}

describe('the packed package', () => {
  it('ships generated/ and no sources or tests', () => {
    expect(packedFiles).toEqual(
      expect.arrayContaining([
        'generated/openapi.json',
        'generated/types.d.ts',
        'generated/types.js',
        'generated/validators.js',
        'generated/validators.d.ts',
        'generated/validators/runtime.js',
        'generated/validators/rules.js',
        'generated/validators/rules.d.ts',
        'package.json',
      ]),
    );
    expect(packedFiles.filter((file) => /^(src|test|scripts|paths|schemas|examples)\//.test(file))).toEqual([]);
  });

  it.each(['tsconfig.json', 'tsconfig.bundler.json'])('compiles a TypeScript consumer against platform-contract/types and /validators (%s)', async (config) => {
    expect(await compile(config)).toBe('');
  });

  it('runs the validators on the seed rule from the consumer', async () => {
    // The NodeNext compile writes dist/; this test runs it whether or not the compile test ran first.
    expect(await compile('tsconfig.json')).toBe('');
    const { stdout } = await run(process.execPath, ['dist/consumer.js'], { cwd: project });
    expect(JSON.parse(stdout)).toEqual({
      seed: { valid: true },
      strict: { valid: false, errors: [{ pointer: '/colour', message: 'Property "colour" is not allowed here.' }] },
      first: 5,
      bogusTrigger: { valid: false, errors: [{ pointer: '/trigger/type', message: expect.stringContaining('"BOGUS"') }] },
      triggerType: 'ON_FUNDS_TRANSFERRED',
      isRule: false,
      title: expect.any(String),
    });
  });

  it('builds with Vite an app that imports a type from platform-contract/types under verbatimModuleSyntax', async () => {
    // The import stays in the output (only `type` is erased), so Vite must find a module behind ./types.
    const app = path.join(project, 'vite-app');
    await mkdir(app);
    await writeFile(path.join(app, 'tsconfig.json'), JSON.stringify({ compilerOptions: { verbatimModuleSyntax: true, module: 'ESNext', target: 'ES2022' } }));
    const source = "import { type Rule } from 'platform-contract/types';\nimport { isRule } from 'platform-contract/validators';\nconst rule: Rule | null = null;\nconsole.log(isRule(rule));\n";
    const bundle = await measureBundle(source, { directory: app, fileName: 'main.ts' });
    expect(bundle.code).toContain('console.log');
  });
});
