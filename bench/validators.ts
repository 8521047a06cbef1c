// npm run bench:validators: validations per second of the generated standalone validators (strict too),
// Ajv compiled at runtime and @exodus/schemasafe on three seed payloads; the cold cost of importing
// generated/validators.js versus compiling every schema at start-up; and what a Vite app ships for
// one guard, one service's API and everything. Prints Markdown tables.
// Each validator runs in its own Node process (`--measure <contender>`), so no JIT state is shared.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { formatKilobytes, measureBundle } from '../src/generate/bundle-size.js';
import {
  compileAllSnippet,
  compileValidatorsSnippet,
  CONTENDERS,
  describeMachine,
  formatRate,
  importSnippet,
  loadPayloads,
  markdownTable,
  measureColdStart,
  measureContender,
  type ContenderKey,
} from '../src/generate/benchmark.js';

const run = promisify(execFile);
const root = fileURLToPath(new URL('..', import.meta.url));
const REPETITIONS = 2;

if (process.argv[2] === '--measure') {
  console.log(JSON.stringify(await measureContender(process.argv[3] as ContenderKey, root)));
} else {
  const documentPath = path.join(root, 'generated/openapi.json');
  const document = JSON.parse(readFileSync(documentPath, 'utf8'));
  const payloads = loadPayloads(root, document);
  console.log(`Machine: ${describeMachine()}\n`);

  const results = new Map<ContenderKey, { name: string; rates: number[] }>();
  for (let repetition = 0; repetition < REPETITIONS; repetition++) {
    // Rotate the order, so no contender always runs first (or right after the heaviest).
    const order = CONTENDERS.map((_, index) => CONTENDERS[(index + repetition) % CONTENDERS.length]);
    for (const key of order) {
      const { stdout } = await run(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--measure', key], { cwd: root });
      const measured = JSON.parse(stdout);
      const best = results.get(key);
      results.set(key, best ? { name: best.name, rates: best.rates.map((rate, index) => Math.max(rate, measured.rates[index])) } : measured);
    }
  }
  console.log(`Validations per second, each validator in its own Node process, best of ${REPETITIONS} processes x 4 rounds of 0.3 s (higher is better):\n`);
  console.log(
    markdownTable(
      ['Validator', ...payloads.map((payload) => payload.label)],
      CONTENDERS.map((key) => [results.get(key)!.name, ...results.get(key)!.rates.map(formatRate)]),
    ),
  );

  const pointers = [...new Set([...Object.keys(document.components?.schemas ?? {}).map((name) => `#/components/schemas/${name}`), ...payloads.map((p) => p.schema)])];
  const importMs = await measureColdStart(importSnippet(path.join(root, 'generated/validators.js')), { cwd: root });
  const compileMs = await measureColdStart(compileAllSnippet(documentPath, pointers), { cwd: root });
  const compileValidatorsMs = await measureColdStart(compileValidatorsSnippet(root, documentPath), { cwd: root, execArgv: process.execArgv });
  console.log('\nCold start in a fresh Node process (median of 7 runs, lower is better):\n');
  console.log(
    markdownTable(
      ['Getting validators', 'ms'],
      [
        ['import generated/validators.js (with ajv-formats and the Ajv runtime helpers)', importMs.toFixed(1)],
        [`import Ajv + ajv-formats, read openapi.json, compile ${pointers.length} schemas`, compileMs.toFixed(1)],
        ['compileValidators(openapi.json): every body (strict too), parameter and schema check, import excluded', compileValidatorsMs.toFixed(1)],
      ],
    ),
  );

  const generated = (file: string) => JSON.stringify(path.join(root, 'generated', file));
  const entries: Array<[string, string]> = [
    ['one guard: `import { isRule } from "platform-contract/validators"`', `import { isRule } from ${generated('validators.js')};\nconsole.log(isRule({}));\n`],
    ['one service: `import { validateRequest } from "platform-contract/validators/rules"`', `import { validateRequest } from ${generated('validators/rules.js')};\nconsole.log(validateRequest('createRule', {}));\n`],
    ['everything: `import * as validators from "platform-contract/validators"`', `import * as validators from ${generated('validators.js')};\nconsole.log(validators);\n`],
  ];
  const rows: string[][] = [];
  for (const [label, source] of entries) {
    const { raw, gzip } = await measureBundle(source);
    rows.push([label, formatKilobytes(raw), formatKilobytes(gzip)]);
  }
  console.log('\nWhat a Vite app ships (production build, minified):\n');
  console.log(markdownTable(['Import', 'raw', 'gzip'], rows));
}
