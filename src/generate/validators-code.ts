// Writes generated/validators.js and generated/validators/: Ajv standalone code (no schema compiled at
// run time) for every check the plan names, split into one module per service plus `shared`, with
// the runtime module they report through, an index that dispatches by operationId and schema name,
// and their .d.ts.
import ajvStandalone from 'ajv/dist/standalone/index.js';
import { SERVICE_NAMES, SERVICE_TITLES } from '../core/services.js';
import { ajvRef, createContractAjv } from '../validation/ajv.js';
import { planValidation, type BodyPlan, type OperationPlan, type ValidationPlan } from '../validation/plan.js';
import type { RewriteReport } from '../validation/schema-rewrites.js';
import { formatModule } from './format-code.js';
import { GENERATED_HEADER } from './generated-header.js';
import { componentOwners, operationSchemas } from './ownership.js';
import { bundleRuntime } from './runtime-module.js';
import { SHARED, splitByOwner } from './split-modules.js';
import { guardName, indexDeclarations, serviceDeclarations } from './validators-declarations.js';

// The document is JSON of any shape.
type Json = any;

/** Each `require("<module>")` of Ajv's standalone code, as the binding generated/validators/runtime.js exports. */
const STANDALONE_REQUIRES: Record<string, string> = {
  'ajv/dist/runtime/equal': 'ajvEqual',
  'ajv/dist/runtime/ucs2length': 'ajvUcs2length',
  'ajv-formats/dist/formats': 'ajvFormats',
};

const RESULT_HELPERS = ['ANY_BODY', 'NO_BODY', 'parametersResult', 'requestResult', 'responseResult', 'schemaResult'];

/** The function Ajv compiled for each schema pointer the plan names. */
class CompiledChecks {
  private readonly refs: Record<string, string> = {};
  private readonly exportOf = new Map<string, string>();
  private functions = new Map<string, string>();

  add(pointer: string): void {
    if (this.exportOf.has(pointer)) return;
    const name = `check${this.exportOf.size}`;
    this.exportOf.set(pointer, name);
    this.refs[name] = ajvRef(pointer);
  }

  /** Ajv's standalone code, its `export const checkN = validateM;` lines taken out (each module exports its own API). */
  compile(document: Json): string {
    let standalone: string;
    try {
      // CommonJS module: the function is `module.exports.default` once imported from an ES module.
      standalone = ajvStandalone.default(createContractAjv(document, { standalone: true }), this.refs);
    } catch (error: any) {
      throw new Error(`Ajv cannot compile the contract's schemas: ${error.message}`);
    }
    const byExport = new Map<string, string>();
    const code = standalone.replace(/^export const (check\d+) = (validate\d+);$/gm, (_line, exported: string, validate: string) => {
      byExport.set(exported, validate);
      return '';
    });
    this.functions = new Map([...this.exportOf].map(([pointer, exported]) => [pointer, byExport.get(exported)!]));
    return code.replace(/require\("([^"]+)"\)/g, (_match, specifier: string) => {
      const binding = STANDALONE_REQUIRES[specifier];
      if (!binding) throw new Error(`Ajv's standalone code requires "${specifier}", which src/validation/standalone-runtime.ts does not provide.`);
      return binding;
    });
  }

  /** The name of the compiled function of `pointer`. */
  of(pointer: string): string {
    const name = this.functions.get(pointer);
    if (!name) throw new Error(`No compiled check for ${pointer}`);
    return name;
  }
}

function bodyEntry(body: BodyPlan, checks: CompiledChecks): string {
  if (body.kind === 'json') return `check: ${checks.of(body.schema)}, strict: ${checks.of(body.strict)}`;
  const constant = body.kind === 'empty' ? 'NO_BODY' : 'ANY_BODY';
  return `check: ${constant}, strict: ${constant}`;
}

function operationEntry(operation: OperationPlan, checks: CompiledChecks): string {
  const request = operation.request ? `{ required: ${operation.request.required}, ${bodyEntry(operation.request.body, checks)} }` : 'null';
  const responses = operation.responses.map((response) => `${JSON.stringify(response.status)}: { ${bodyEntry(response.body, checks)} }`);
  const parameters = operation.parameters.map(({ schema, ...parameter }) => {
    const fields = Object.entries(parameter).map(([key, value]) => `${key}: ${JSON.stringify(value)}`);
    return `{ ${[...fields, ...(schema ? [`check: ${checks.of(schema)}`] : [])].join(', ')} }`;
  });
  return `  ${JSON.stringify(operation.operationId)}: { request: ${request}, responses: { ${responses.join(', ')} }, parameters: [${parameters.join(', ')}] },`;
}

interface ModuleContent {
  owner: string;
  operations: OperationPlan[];
  schemas: ValidationPlan['schemas'];
}

const frozenList = (names: string[]) => `/* @__PURE__ */ Object.freeze(${JSON.stringify(names)})`;

function ownerModule(content: ModuleContent, split: ReturnType<typeof splitByOwner>, checks: CompiledChecks): string {
  const { owner, operations, schemas } = content;
  const module = split.get(owner) ?? { code: '', imports: [], exports: [] };
  const title = owner === SHARED ? 'shared' : SERVICE_TITLES[owner as keyof typeof SERVICE_TITLES];
  const uses = (name: string) => new RegExp(`\\b${name}\\b`).test(module.code);
  const runtime = [...(operations.length > 0 ? RESULT_HELPERS : ['schemaResult']), ...Object.values(STANDALONE_REQUIRES).filter(uses)];
  const api = operations.length > 0
    ? [
        `export const operationIds = ${frozenList(operations.map((operation) => operation.operationId))};`,
        'export function validateRequest(operationId, body, options) { return requestResult(OPERATIONS, operationId, body, options); }',
        'export function validateResponse(operationId, status, body, options) { return responseResult(OPERATIONS, operationId, status, body, options); }',
        'export function validateParameters(operationId, parameters) { return parametersResult(OPERATIONS, operationId, parameters); }',
      ]
    : [];
  return [
    GENERATED_HEADER,
    owner === SHARED
      ? '// The checks of the component schemas several services use, and the code their checks share.'
      : `// The ${title} service's validators: its operations' bodies and parameters, and the component schemas only it uses.`,
    `import { ${[...new Set(runtime)].sort().join(', ')} } from "./runtime.js";`,
    ...(module.imports.length > 0 ? [`import { ${module.imports.join(', ')} } from "./shared.js";`] : []),
    ...(module.exports.length > 0 ? [`export { ${module.exports.join(', ')} };`] : []),
    '',
    module.code,
    '',
    ...(operations.length > 0 ? ['const OPERATIONS = {', ...operations.map((operation) => operationEntry(operation, checks)), '};'] : []),
    'const SCHEMAS = {',
    ...schemas.map(({ name, pointer }) => `  ${JSON.stringify(name)}: ${checks.of(pointer)},`),
    '};',
    '',
    ...api,
    `export const schemaNames = ${frozenList(schemas.map((schema) => schema.name))};`,
    'export function validateSchema(name, value) { return schemaResult(SCHEMAS, name, value); }',
    '',
    ...schemas.map(({ name, pointer }) => `export function ${guardName(name)}(value) { return ${checks.of(pointer)}(value); }`),
  ].join('\n');
}

function indexModule(contents: ModuleContent[], plan: ValidationPlan): string {
  const alias = (owner: string) => `${owner}Validators`;
  const moduleTable = (entries: Array<[string, string]>) => entries.map(([name, owner]) => `  ${JSON.stringify(name)}: ${alias(owner)},`);
  return [
    GENERATED_HEADER,
    '// Every validator of the contract: the type guards re-exported from the module of their service (or',
    '// shared), and validateRequest/validateResponse/validateParameters/validateSchema dispatched by',
    '// operationId or schema name. Importing one guard loads only its service\'s checks.',
    'import { lookUp } from "./validators/runtime.js";',
    ...contents.map(({ owner }) => `import * as ${alias(owner)} from "./validators/${owner}.js";`),
    ...contents.filter(({ schemas }) => schemas.length > 0).map(({ owner, schemas }) => `export { ${schemas.map(({ name }) => guardName(name)).join(', ')} } from "./validators/${owner}.js";`),
    '',
    `export const operationIds = ${frozenList(plan.operations.map((operation) => operation.operationId))};`,
    `export const schemaNames = ${frozenList(plan.schemas.map((schema) => schema.name))};`,
    '',
    'const OPERATION_MODULES = {',
    ...moduleTable(contents.flatMap(({ owner, operations }) => operations.map((operation): [string, string] => [operation.operationId, owner]))),
    '};',
    'const SCHEMA_MODULES = {',
    ...moduleTable(plan.schemas.map(({ name }): [string, string] => [name, contents.find((content) => content.schemas.some((schema) => schema.name === name))!.owner])),
    '};',
    '',
    'export function validateRequest(operationId, body, options) { return lookUp(OPERATION_MODULES, operationId, "operationId").validateRequest(operationId, body, options); }',
    'export function validateResponse(operationId, status, body, options) { return lookUp(OPERATION_MODULES, operationId, "operationId").validateResponse(operationId, status, body, options); }',
    'export function validateParameters(operationId, parameters) { return lookUp(OPERATION_MODULES, operationId, "operationId").validateParameters(operationId, parameters); }',
    'export function validateSchema(name, value) { return lookUp(SCHEMA_MODULES, name, "schema").validateSchema(name, value); }',
  ].join('\n');
}

export interface ValidatorsSource {
  /** File name under generated/ (`validators.js`, `validators/rules.js`...) -> content. */
  files: Map<string, string>;
  report: RewriteReport;
}

export function generateValidators(document: Json): ValidatorsSource {
  const plan = planValidation(document);
  const owners = componentOwners(plan);
  const checks = new CompiledChecks();
  for (const { pointer } of plan.schemas) checks.add(pointer);
  for (const operation of plan.operations) for (const pointer of operationSchemas(operation)) checks.add(pointer);
  const code = checks.compile(plan.document);

  // Which owners use each compiled function: a component's guard, and the operations' checks.
  const roots = new Map<string, Set<string>>();
  const root = (pointer: string, owner: string) => {
    const name = checks.of(pointer);
    if (!roots.has(name)) roots.set(name, new Set());
    roots.get(name)!.add(owner);
  };
  for (const { name, pointer } of plan.schemas) root(pointer, owners.get(name)!);
  for (const operation of plan.operations) for (const pointer of operationSchemas(operation)) root(pointer, operation.service);
  const split = splitByOwner(code, roots);

  const contents: ModuleContent[] = [...SERVICE_NAMES, SHARED]
    .map((owner) => ({
      owner,
      operations: plan.operations.filter((operation) => operation.service === owner),
      schemas: plan.schemas.filter(({ name }) => owners.get(name) === owner),
    }))
    .filter(({ owner, operations, schemas }) => owner === SHARED || operations.length > 0 || schemas.length > 0);

  const runtime = bundleRuntime();
  const files = new Map<string, string>();
  files.set('validators.js', formatModule(indexModule(contents, plan), 'validators.js'));
  files.set('validators.d.ts', indexDeclarations(plan.operations.map((operation) => operation.operationId), plan.schemas.map((schema) => schema.name)));
  files.set('validators/runtime.js', `${GENERATED_HEADER}\n// The reporter of src/validation/, bundled: what the validator modules answer through.\n${runtime.code}`);
  for (const content of contents) {
    files.set(`validators/${content.owner}.js`, formatModule(ownerModule(content, split, checks), `${content.owner}.js`));
    if (content.owner !== SHARED) {
      const title = SERVICE_TITLES[content.owner as keyof typeof SERVICE_TITLES];
      const operationIds = content.operations.map((operation) => operation.operationId);
      files.set(`validators/${content.owner}.d.ts`, serviceDeclarations(title, operationIds, content.schemas.map((schema) => schema.name)));
    }
  }
  for (const binding of [...RESULT_HELPERS, 'lookUp', ...Object.values(STANDALONE_REQUIRES)]) {
    if (!runtime.exports.includes(binding)) throw new Error(`src/validation/standalone-runtime.ts does not export ${binding}, which the generated modules import.`);
  }
  return { files, report: plan.report };
}
