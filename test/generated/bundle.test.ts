// What an app ships when it imports part of platform-contract/validators: Vite builds (minified,
// tree-shaken) of small entries, checked for the property names only other services' schemas have.
// The sizes are in the test names; they are reported, not asserted (`npm run bench:validators` prints them too).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatKilobytes, measureBundle, type BundleSize } from '../../src/generate/bundle-size.js';
import { componentOwners } from '../../src/generate/ownership.js';
import { planValidation } from '../../src/validation/plan.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const document = JSON.parse(readFileSync(`${root}generated/openapi.json`, 'utf8'));
const module = (file: string) => JSON.stringify(`${root}generated/${file}`);

/** Property names a schema declares, through its subschemas. */
function propertyNames(schema: any, found = new Set<string>()): Set<string> {
  if (Array.isArray(schema)) for (const item of schema) propertyNames(item, found);
  else if (schema && typeof schema === 'object') {
    for (const [name, property] of Object.entries(schema.properties ?? {})) {
      found.add(name);
      propertyNames(property, found);
    }
    for (const keyword of ['items', 'prefixItems', 'allOf', 'anyOf', 'oneOf', 'if', 'then', 'else', 'not', 'additionalProperties']) {
      propertyNames(schema[keyword], found);
    }
  }
  return found;
}

// camelCase and snake_case names only: plain words (`text`, `email`) also occur in ajv-formats and in messages.
const owners = componentOwners(planValidation(document));
const namesOf = (services: string[]) => {
  const names = new Set<string>();
  for (const [schema, owner] of owners) if (services.includes(owner)) propertyNames(document.components.schemas[schema], names);
  return names;
};
const markersOf = (services: string[], others: string[]) => {
  const elsewhere = namesOf(others);
  return [...namesOf(services)].filter((name) => /[a-z][A-Z_]/.test(name) && !elsewhere.has(name));
};
const otherServices = markersOf(['sequences', 'comms'], ['rules', 'shared']);
const rulesOnly = markersOf(['rules'], ['sequences', 'comms', 'shared']);
const found = (bundle: BundleSize, names: string[]) => names.filter((name) => new RegExp(`\\b${name}\\b`).test(bundle.code));
const sizes = (bundle: BundleSize) => `${formatKilobytes(bundle.raw)} raw, ${formatKilobytes(bundle.gzip)} gzip`;

const oneGuard = await measureBundle(`import { isRule } from ${module('validators.js')};\nconsole.log(isRule({}));\n`);
const rulesApi = await measureBundle(`import { validateRequest } from ${module('validators/rules.js')};\nconsole.log(validateRequest('createRule', {}));\n`);
const everything = await measureBundle(`import * as validators from ${module('validators.js')};\nconsole.log(validators);\n`);

describe('a Vite build', () => {
  it('has names to look for', () => {
    expect(otherServices).toEqual(expect.arrayContaining(['enrollmentFieldPath', 'brand_id', 'delay_minutes']));
    expect(rulesOnly).toEqual(expect.arrayContaining(['percentage_value']));
  });

  it(`of one guard (isRule) holds no Sequences or Comms validator code: ${sizes(oneGuard)}`, () => {
    expect(found(oneGuard, otherServices)).toEqual([]);
    expect(found(oneGuard, rulesOnly)).toContain('percentage_value');
  });

  it(`of the Rules module's validateRequest holds no Sequences or Comms validator code: ${sizes(rulesApi)}`, () => {
    expect(found(rulesApi, otherServices)).toEqual([]);
  });

  it(`of everything holds every service's validators: ${sizes(everything)}`, () => {
    expect(found(everything, otherServices)).toEqual(otherServices);
    expect(found(everything, rulesOnly)).toEqual(rulesOnly);
  });
});
