// The one Ajv set-up the validators are compiled with, standalone at build time or at run time:
// JSON Schema 2020-12, every ajv-formats format, the OpenAPI annotation keywords, the two keywords
// schema-rewrites.ts uses, and a minLength/maxLength that counts characters only when it has to.
import { Ajv2020, Name, _, type CodeKeywordDefinition, type KeywordCxt } from 'ajv/dist/2020.js';
import { and, getProperty, not, stringify } from 'ajv/dist/compile/codegen/index.js';
import ajvFormats from 'ajv-formats';
import { useFunc } from 'ajv/dist/compile/util.js';
import ucs2lengthModule from 'ajv/dist/runtime/ucs2length.js';
import { escapePointerToken, pointerTokens } from '../core/json-pointer.js';

// The document is JSON of any shape.
type Json = any;

/** The id the bundled document is registered under; schemas are reached as `openapi.json#/components/...`. */
export const DOCUMENT_ID = 'openapi.json';

/** `#/components/schemas/Rule` as Ajv wants it: under the document id, each token URI-encoded. */
export function ajvRef(fragment: string): string {
  if (!fragment.startsWith('#')) throw new Error(`Only local references are supported, got "${fragment}".`);
  const tokens = pointerTokens(fragment.slice(1)).map((token) => `/${encodeURIComponent(escapePointerToken(token))}`);
  return `${DOCUMENT_ID}#${tokens.join('')}`;
}

// The variables every Ajv validate function keeps its errors in.
const vErrors = new Name('vErrors');
const errors = new Name('errors');

// A CommonJS default export: Node hands over module.exports ({default: fn}), vitest the function.
const ucs2length: { code: string } = (ucs2lengthModule as any).default ?? ucs2lengthModule;

/**
 * minLength and maxLength as Ajv checks them (in characters, a surrogate pair counting once), but
 * counting only when the UTF-16 length leaves the answer open: a string of `length` code units has
 * between length/2 and length characters. Nearly every string of the contract has `minLength: 1`,
 * so this spares a loop over each of them. Errors are Ajv's own: `{keyword, params: {limit}}`.
 */
function stringLengthKeyword(keyword: 'minLength' | 'maxLength'): CodeKeywordDefinition {
  return {
    keyword,
    type: 'string',
    schemaType: 'number',
    error: { message: `must satisfy ${keyword}`, params: ({ schema }) => _`{limit: ${schema}}` },
    code(cxt: KeywordCxt) {
      const { gen, data, schema } = cxt;
      const count = useFunc(gen, ucs2length);
      cxt.fail(
        keyword === 'minLength'
          ? _`${data}.length < ${schema} || (${data}.length < ${2 * schema} && ${count}(${data}) < ${schema})`
          : _`${data}.length > ${schema} && (${data}.length > ${2 * schema} || ${count}(${data}) > ${schema})`,
      );
    },
  };
}

// OpenAPI adds these to JSON Schema as annotations (discriminator only where a union was not rewritten).
const OPENAPI_KEYWORDS = ['example', 'discriminator', 'xml', 'externalDocs'];

/**
 * `{requiredAlternatives: {mode: 'anyOf' | 'oneOf', alternatives: [['blocks'], ['html']]}}`: the
 * object has all the properties of at least one (anyOf) or exactly one (oneOf) alternative. One
 * error that names every alternative, instead of one `required` error per branch.
 */
const requiredAlternatives: CodeKeywordDefinition = {
  keyword: 'requiredAlternatives',
  type: 'object',
  schemaType: 'object',
  error: {
    message: 'must have the properties of one alternative',
    params: ({ schema, params }) => _`{mode: ${schema.mode}, alternatives: ${stringify(schema.alternatives)}, given: ${params.given}}`,
  },
  code(cxt: KeywordCxt) {
    const { gen, data, schema } = cxt;
    const satisfied = (schema.alternatives as string[][]).map((properties) =>
      and(...properties.map((property) => _`${data}${getProperty(property)} !== undefined`)),
    );
    const given = gen.const('given', satisfied.reduce((count, condition) => _`${count} + (${condition} ? 1 : 0)`, _`0`));
    cxt.setParams({ given });
    cxt.fail(schema.mode === 'oneOf' ? _`${given} !== 1` : _`${given} === 0`);
  },
};

/**
 * `{contractRule: {description, schema}}`: applies `schema` like an allOf member. When it fails, its
 * errors are framed by a `start` and an `end` error carrying the description, so the reporter can
 * replace them with the sentence the contract states, even when they come from referenced schemas.
 */
const contractRule: CodeKeywordDefinition = {
  keyword: 'contractRule',
  schemaType: 'object',
  trackErrors: true,
  error: {
    message: 'must follow the rule',
    params: ({ schema, params }) => _`{phase: ${params.phase}, rule: ${schema.description}}`,
  },
  code(cxt: KeywordCxt) {
    const { gen } = cxt;
    const valid = gen.name('valid');
    const ruleCxt = cxt.subschema({ keyword: 'contractRule', schemaProp: 'schema' }, valid);
    cxt.mergeEvaluated(ruleCxt);
    // The start error is inserted where the rule's errors begin only once it has failed: a payload
    // that follows the rule costs no allocation.
    gen.if(not(valid), () => {
      cxt.error(true, { phase: _`"end"` });
      gen.code(_`${vErrors}.splice(${cxt.errsCount!}, 0, {...${vErrors}[${vErrors}.length - 1], params: {phase: "start"}})`);
      gen.code(_`${errors}++`);
    });
    cxt.ok(valid);
  },
};

function collectExtensionKeywords(value: Json, found: Set<string>) {
  if (Array.isArray(value)) for (const item of value) collectExtensionKeywords(item, found);
  else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (key.startsWith('x-')) found.add(key);
      collectExtensionKeywords(child, found);
    }
  }
}

export interface ContractAjvOptions {
  /** Keep the generated source so `ajv/dist/standalone` can write it out. */
  standalone?: boolean;
  /**
   * Ignore unknown keywords and formats instead of refusing the schema: for a document that is not
   * this contract (the mock's `--spec`), which may carry keywords of its own, as Prism accepts them.
   */
  lenient?: boolean;
}

/**
 * An Ajv holding `document` (rewritten by schema-rewrites.ts) under DOCUMENT_ID. Unless `lenient`,
 * unknown keywords and formats are errors, so a typo in a schema (`minimun`) fails the generation
 * instead of silently validating nothing.
 */
export function createContractAjv(document: Json, { standalone = false, lenient = false }: ContractAjvOptions = {}): Ajv2020 {
  const ajv = new Ajv2020({
    allErrors: true,
    // Messages come from the reporter (report.ts), not from Ajv.
    messages: false,
    strictSchema: !lenient,
    logger: lenient ? false : undefined,
    strictTypes: false,
    strictTuples: false,
    strictRequired: false,
    code: standalone
      ? { source: true, esm: true, lines: true, formats: _`require("ajv-formats/dist/formats").fullFormats` }
      : undefined,
  });
  // ajv-formats is CommonJS: its plugin is `module.exports.default` once imported from an ES module.
  ajvFormats.default(ajv);
  const annotations = new Set<string>(OPENAPI_KEYWORDS);
  collectExtensionKeywords(document, annotations);
  // The document's root (openapi, info, paths, components...) is compiled as a schema's root too;
  // `$defs` there (the strict copies of strict-schemas.ts) is JSON Schema's own.
  for (const key of Object.keys(document)) if (!key.startsWith('$')) annotations.add(key);
  ajv.addVocabulary([...annotations].filter((keyword) => !ajv.getKeyword(keyword)).sort());
  for (const keyword of ['minLength', 'maxLength'] as const) {
    ajv.removeKeyword(keyword);
    ajv.addKeyword(stringLengthKeyword(keyword));
  }
  ajv.addKeyword(requiredAlternatives);
  ajv.addKeyword(contractRule);
  ajv.addSchema(document, DOCUMENT_ID);
  return ajv;
}
