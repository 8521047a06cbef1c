// The split of Ajv's standalone code into modules, on hand-written code of the same shape: every
// declaration written once, where its users are, shared only when several owners use it.
import { describe, expect, it } from 'vitest';
import { SHARED, splitByOwner } from '../../src/generate/split-modules.js';

const code = `"use strict";
const schema1 = { "enum": ["a", "b"] };
const schema9 = { "type": "string" };
function validate1(data) { return schema1.enum.includes(data) && validate3(data); }
validate1.evaluated = { "props": true };
function validate2(data) { return validate3(data) && pattern0.test(data); }
function validate3(data) { const helper = { validate1: 1 }; return typeof data === "string" && helper.validate1 === 1; }
const pattern0 = new RegExp("^x", "u");
function validate4(data) { return validate4.errors === undefined && data.validate2 !== 0; }
`;

describe('splitByOwner', () => {
  const modules = splitByOwner(code, new Map([
    ['validate1', new Set(['rules'])],
    ['validate2', new Set(['comms'])],
    ['validate4', new Set(['rules', 'comms'])],
  ]));

  it('puts what one owner uses in its module and what several use in shared', () => {
    expect([...modules.keys()].sort()).toEqual(['comms', 'rules', SHARED]);
    expect(modules.get('rules')!.code).toMatch(/^const validate1 = /m);
    expect(modules.get('rules')!.code).toContain('const schema1 = ');
    expect(modules.get('comms')!.code).toContain('function validate2(');
    expect(modules.get('comms')!.code).toContain('const pattern0 = ');
    expect(modules.get(SHARED)!.code).toContain('function validate3(');
    expect(modules.get(SHARED)!.code).toContain('function validate4(');
  });

  it('writes each declaration once and drops what nothing uses', () => {
    const all = [...modules.values()].map((module) => module.code).join('\n');
    for (const name of ['validate1', 'validate2', 'validate3', 'validate4', 'schema1', 'pattern0']) {
      expect(all.match(new RegExp(`^(function|const) ${name}\\b`, 'gm')), name).toHaveLength(1);
    }
    expect(all).not.toContain('schema9');
  });

  it('imports from shared what a module uses of it, its own checks placed there included', () => {
    expect(modules.get('rules')!.imports).toEqual(['validate3', 'validate4']);
    expect(modules.get('comms')!.imports).toEqual(['validate3', 'validate4']);
    expect(modules.get(SHARED)!.exports).toEqual(['validate3', 'validate4']);
  });

  it('does not take property names and object keys for references', () => {
    // validate3 names validate1 as a key and validate4 reads data.validate2: neither pulls them into shared.
    expect(modules.get(SHARED)!.code).not.toMatch(/function validate[12]\(/);
  });

  it('makes a function with properties one pure expression, so that bundlers can drop it', () => {
    expect(modules.get('rules')!.code).toContain(
      'const validate1 = /* @__PURE__ */ Object.assign(function validate1(data) { return schema1.enum.includes(data) && validate3(data); }, { evaluated: { "props": true } });',
    );
  });

  it('refuses code it does not understand', () => {
    expect(() => splitByOwner('console.log(1);\n', new Map())).toThrow(/Unexpected top-level statement in Ajv's standalone code: console\.log\(1\)/);
    expect(() => splitByOwner('function validate1() {}\n', new Map([['validate9', new Set(['rules'])]]))).toThrow('No check named validate9');
  });
});
