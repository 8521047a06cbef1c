// src/validation/ runs in the mock's core, in Node and in a browser: it imports no Node built-in and
// nothing from build-time code (src/generate/), only Ajv, ajv-formats, src/core/ and itself.
import { readdirSync, readFileSync } from 'node:fs';
import { expect, it } from 'vitest';

const directory = new URL('../../src/validation/', import.meta.url);
const files = readdirSync(directory).filter((file) => file.endsWith('.ts'));
const importsOf = (file: string) =>
  [...readFileSync(new URL(file, directory), 'utf8').matchAll(/^(?:import|export)\b[^'"]*from\s+['"]([^'"]+)['"]/gm)].map((match) => match[1]);

it('reads the imports of every file', () => {
  expect(importsOf('compile.ts')).toContain('./ajv.js');
});

it.each(files)('src/validation/%s imports only isomorphic modules', (file) => {
  const specifiers = importsOf(file);
  expect(specifiers.filter((specifier) => !/^(ajv(-formats)?(\/|$)|\.\/|\.\.\/core\/)/.test(specifier))).toEqual([]);
});
