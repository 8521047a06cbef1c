// Rewrites the composites of the contract's schemas into equivalent forms whose Ajv errors name what
// was meant: the branch a tag selects, the one property a rule asks for, the sentence a rule states.
// Only the validators compile the rewritten copy; generated/openapi.json keeps the schemas as written.
import { fragment, valueAtFragment } from '../core/json-pointer.js';

// Schemas are JSON of any shape.
type Json = any;

export interface RewriteReport {
  /** oneOf/anyOf whose branches a tag property tells apart (with or without `discriminator`). */
  taggedUnions: string[];
  /** `oneOf: [X, {type: 'null'}]` and the like. */
  nullable: string[];
  /** oneOf/anyOf whose every branch only lists required properties. */
  requiredAlternatives: string[];
  /** `anyOf: [{not: C}, T]` (if C then T) and `anyOf: [test, T]` (if not test then T). */
  implications: string[];
  /** allOf members that are a described constraint: their description becomes the error message. */
  rules: string[];
  /** oneOf/anyOf left as written: their errors list every branch's complaint. */
  untouched: Array<{ pointer: string; reason: string }>;
}

// Maps whose keys are names (of properties, of component schemas), never keywords.
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas', 'schemas']);
// Keys whose values are data, not schemas: nothing to rewrite below them.
const DATA_KEYS = new Set(['example', 'examples', 'const', 'enum', 'default', 'discriminator']);
// A schema made of these keys only states a constraint on its instance (and may explain it).
const CONSTRAINT_KEYS = new Set([
  'if', 'then', 'else', 'allOf', 'anyOf', 'oneOf', 'not', 'required', 'dependentRequired', 'dependentSchemas',
  'requiredAlternatives',
]);
const ANNOTATION_KEYS = new Set(['description', 'title', '$comment']);

const isObject = (value: Json): value is Record<string, Json> => value !== null && typeof value === 'object' && !Array.isArray(value);
const keysOf = (schema: Json) => Object.keys(schema).filter((key) => !key.startsWith('x-') && !ANNOTATION_KEYS.has(key));

/** Every constraint the branch puts on a property's value with const/enum, and which properties it requires. */
interface BranchFacts {
  tagValues: Map<string, unknown[]>;
  required: Set<string>;
}

function branchFacts(original: Json, schema: Json, seen = new Set<Json>()): BranchFacts {
  const facts: BranchFacts = { tagValues: new Map(), required: new Set() };
  if (!isObject(schema) || seen.has(schema)) return facts;
  seen.add(schema);
  const merge = (other: BranchFacts) => {
    for (const [name, values] of other.tagValues) if (!facts.tagValues.has(name)) facts.tagValues.set(name, values);
    for (const name of other.required) facts.required.add(name);
  };
  for (const [name, property] of Object.entries<Json>(schema.properties ?? {})) {
    if (!isObject(property)) continue;
    if ('const' in property) facts.tagValues.set(name, [property.const]);
    else if (Array.isArray(property.enum)) facts.tagValues.set(name, property.enum);
  }
  for (const name of schema.required ?? []) facts.required.add(name);
  if (typeof schema.$ref === 'string' && schema.$ref.startsWith('#')) merge(branchFacts(original, valueAtFragment(original, schema.$ref), seen));
  for (const member of schema.allOf ?? []) merge(branchFacts(original, member, seen));
  return facts;
}

interface TaggedBranch {
  schema: Json;
  values: string[];
  tagRequired: boolean;
}

/** The tag and each branch's values, when a tag tells the branches apart; otherwise why not. */
function findTag(original: Json, node: Json, keyword: 'oneOf' | 'anyOf'): { tag: string; branches: TaggedBranch[] } | string {
  const branches: Json[] = node[keyword];
  const facts = branches.map((branch) => branchFacts(original, branch));
  const discriminator = isObject(node.discriminator) ? node.discriminator : undefined;
  const candidates: string[] = discriminator?.propertyName
    ? [discriminator.propertyName]
    : [...facts[0].tagValues.keys()].filter((name) => facts.every((fact) => fact.tagValues.has(name)));
  if (candidates.length === 0) return 'no property has a const or enum in every branch';

  let reason = '';
  for (const tag of candidates) {
    const tagged = branches.map((schema, index): TaggedBranch => {
      const mapped = Object.entries<string>(discriminator?.mapping ?? {})
        .filter(([, target]) => typeof schema.$ref === 'string' && target === schema.$ref)
        .map(([value]) => value);
      const values = (mapped.length > 0 ? mapped : facts[index].tagValues.get(tag) ?? []) as string[];
      return { schema, values, tagRequired: facts[index].required.has(tag) };
    });
    const all = tagged.flatMap((branch) => branch.values);
    if (tagged.some((branch) => branch.values.length === 0)) reason = `a branch gives no value for "${tag}"`;
    else if (all.some((value) => typeof value !== 'string')) reason = `"${tag}" values are not all strings`;
    else if (new Set(all).size !== all.length) reason = `two branches share a "${tag}" value`;
    else if (tagged.filter((branch) => !branch.tagRequired).length > 1) reason = `more than one branch leaves "${tag}" optional`;
    else return { tag, branches: tagged };
  }
  return reason;
}

/** True when no value the schema accepts is null. */
function excludesNull(original: Json, schema: Json, seen = new Set<Json>()): boolean {
  if (!isObject(schema) || seen.has(schema)) return false;
  seen.add(schema);
  if (typeof schema.$ref === 'string' && schema.$ref.startsWith('#') && excludesNull(original, valueAtFragment(original, schema.$ref), seen)) return true;
  if (schema.type !== undefined) return !([] as string[]).concat(schema.type).includes('null');
  if ('const' in schema) return schema.const !== null;
  if (Array.isArray(schema.enum)) return !schema.enum.includes(null);
  if ((schema.allOf ?? []).some((member: Json) => excludesNull(original, member, seen))) return true;
  for (const keyword of ['oneOf', 'anyOf']) {
    if (Array.isArray(schema[keyword]) && schema[keyword].every((branch: Json) => excludesNull(original, branch, seen))) return true;
  }
  return false;
}

const isNullOnly = (schema: Json) =>
  isObject(schema) &&
  ((schema.type === 'null' && keysOf(schema).length === 1) ||
    (schema.const === null && keysOf(schema).length === 1) ||
    (Array.isArray(schema.enum) && schema.enum.length === 1 && schema.enum[0] === null && keysOf(schema).length === 1));

const isRequiredList = (schema: Json) =>
  isObject(schema) && Array.isArray(schema.required) && keysOf(schema).length === 1;

const isNegation = (schema: Json) => isObject(schema) && isObject(schema.not) && keysOf(schema).length === 1;

// A test of the instance by const/enum values of its properties: `{properties: {type: {const: none}}, required: [type]}`.
const isValueTest = (schema: Json) =>
  isObject(schema) &&
  isObject(schema.properties) &&
  keysOf(schema).every((key) => key === 'properties' || key === 'required') &&
  Object.values<Json>(schema.properties).every(
    (property) => isObject(property) && ('const' in property || Array.isArray(property.enum)) && keysOf(property).every((key) => key === 'const' || key === 'enum'),
  );

const isDescribedConstraint = (schema: Json) =>
  isObject(schema) &&
  typeof schema.description === 'string' &&
  keysOf(schema).length > 0 &&
  keysOf(schema).every((key) => CONSTRAINT_KEYS.has(key));

/** Replaces `keyword` of `node` with `replacement` members of its allOf (appended, so no key clashes). */
function replaceComposite(node: Json, keyword: string, replacement: Json[]) {
  delete node[keyword];
  if (keyword === 'oneOf' || keyword === 'anyOf') delete node.discriminator;
  node.allOf = [...(node.allOf ?? []), ...replacement];
}

function rewriteComposite(original: Json, node: Json, keyword: 'oneOf' | 'anyOf', at: string, report: RewriteReport) {
  const branches: Json[] = node[keyword];

  if (branches.length === 2 && branches.some(isNullOnly) && (keyword === 'anyOf' || excludesNull(original, branches.find((b) => !isNullOnly(b))))) {
    const other = branches.find((branch) => !isNullOnly(branch));
    if (other) {
      replaceComposite(node, keyword, [{ if: { type: 'null' }, else: other }]);
      report.nullable.push(at);
      return;
    }
  }

  if (branches.every(isRequiredList)) {
    const alternatives = branches.map((branch) => branch.required);
    replaceComposite(node, keyword, [{ requiredAlternatives: { mode: keyword, alternatives } }]);
    report.requiredAlternatives.push(at);
    return;
  }

  if (keyword === 'anyOf' && branches.length === 2) {
    const negation = branches.findIndex(isNegation);
    if (negation !== -1) {
      replaceComposite(node, keyword, [{ if: branches[negation].not, then: branches[1 - negation] }]);
      report.implications.push(at);
      return;
    }
    // Prefer as the test the branch that checks values; `required` alone reads as what is asked for.
    const test = [0, 1].find((index) => isValueTest(branches[index]));
    if (test !== undefined) {
      replaceComposite(node, keyword, [{ if: stripAnnotations(branches[test]), else: branches[1 - test] }]);
      report.implications.push(at);
      return;
    }
  }

  const tagged = findTag(original, node, keyword);
  if (typeof tagged === 'string') {
    report.untouched.push({ pointer: at, reason: tagged });
    return;
  }
  const { tag, branches: taggedBranches } = tagged;
  const values = taggedBranches.flatMap((branch) => branch.values);
  const everyTagRequired = taggedBranches.every((branch) => branch.tagRequired);
  replaceComposite(node, keyword, [
    // The tag alone decides the branch, so an unknown tag is reported at the tag, once.
    { type: 'object', properties: { [tag]: { enum: values } }, ...(everyTagRequired ? { required: [tag] } : {}) },
    ...taggedBranches.map((branch) => ({
      if: {
        type: 'object',
        properties: { [tag]: branch.values.length === 1 ? { const: branch.values[0] } : { enum: branch.values } },
        // The branch that leaves the tag optional is the default: it applies when the tag is absent.
        ...(branch.tagRequired ? { required: [tag] } : {}),
      },
      then: branch.schema,
    })),
  ]);
  report.taggedUnions.push(at);
}

function stripAnnotations(schema: Json): Json {
  return Object.fromEntries(Object.entries(schema).filter(([key]) => !ANNOTATION_KEYS.has(key)));
}

function visit(original: Json, node: Json, at: string, report: RewriteReport) {
  if (Array.isArray(node)) {
    node.forEach((item, index) => visit(original, item, fragment(at, String(index)), report));
    return;
  }
  if (!isObject(node)) return;
  for (const [key, value] of Object.entries(node)) {
    if (key.startsWith('x-')) continue;
    if (SCHEMA_MAPS.has(key) && isObject(value)) {
      for (const [name, schema] of Object.entries(value)) visit(original, schema, fragment(at, key, name), report);
    } else if (!DATA_KEYS.has(key)) {
      visit(original, value, fragment(at, key), report);
    }
  }
  for (const keyword of ['oneOf', 'anyOf'] as const) {
    if (Array.isArray(node[keyword]) && node[keyword].length > 0) rewriteComposite(original, node, keyword, fragment(at, keyword), report);
  }
  if (Array.isArray(node.allOf)) {
    node.allOf = node.allOf.map((member: Json, index: number) => {
      if (!isDescribedConstraint(member)) return member;
      report.rules.push(fragment(at, 'allOf', String(index)));
      const { description, ...schema } = member;
      return { contractRule: { description, schema } };
    });
  }
}

// Annotations change nothing Ajv checks, but Ajv copies whole schemas into the standalone code
// wherever an error names allowed values; without them validators.js is a fraction of the size.
const DROPPED_ANNOTATIONS = new Set([
  'description', 'title', '$comment', 'example', 'examples', 'default', 'deprecated', 'readOnly', 'writeOnly',
  'discriminator', 'xml', 'externalDocs',
]);

function dropAnnotations(node: Json): void {
  if (Array.isArray(node)) {
    for (const item of node) dropAnnotations(item);
    return;
  }
  if (!isObject(node)) return;
  for (const [key, value] of Object.entries(node)) {
    if (key.startsWith('x-') || DROPPED_ANNOTATIONS.has(key)) delete node[key];
    else if (key === 'const' || key === 'enum') continue;
    else if (key === 'contractRule') dropAnnotations(value.schema); // its description is the error message
    else if (SCHEMA_MAPS.has(key) && isObject(value)) for (const schema of Object.values(value)) dropAnnotations(schema);
    else dropAnnotations(value);
  }
}

/** A copy of `document` without annotations, its schemas as written (for other validators). */
export function withoutAnnotations(document: Json): Json {
  const copy = structuredClone(document);
  dropAnnotations(copy);
  return copy;
}

/**
 * A copy of `document` for the validators: schemas rewritten for error reporting (every rewrite
 * accepts exactly what the original accepts) and annotations dropped.
 */
export function rewriteForValidation(document: Json): { document: Json; report: RewriteReport } {
  const original = structuredClone(document);
  const rewritten = structuredClone(document);
  const report: RewriteReport = { taggedUnions: [], nullable: [], requiredAlternatives: [], implications: [], rules: [], untouched: [] };
  visit(original, rewritten, '#', report);
  dropAnnotations(rewritten);
  return { document: rewritten, report };
}
