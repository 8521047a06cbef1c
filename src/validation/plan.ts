// What the validators check, read once from a bundled document: for each operation its request and
// response bodies (with their strict variants) and its parameters, each as the pointer of a schema
// in the document Ajv compiles (strict copies added, composites rewritten, annotations dropped).
// The generator compiles these pointers to standalone code, compileValidators() at run time.
import { bodyShape, componentSchemaNames, followRefs, readContract, type Content, type Parameter } from '../core/contract.js';
import { fragment } from '../core/json-pointer.js';
import type { ServiceName } from '../core/services.js';
import type { ParameterCheck } from './parameters.js';
import { rewriteForValidation, type RewriteReport } from './schema-rewrites.js';
import { addStrictSchemas } from './strict-schemas.js';

// The document is JSON of any shape.
type Json = any;

/** A body's check: a schema (and its strict variant), anything, or no body at all. */
export type BodyPlan = { kind: 'json'; schema: string; strict: string } | { kind: 'unchecked' } | { kind: 'empty' };

export interface ParameterPlan extends Omit<ParameterCheck, 'check'> {
  /** Absent when the parameter declares no schema. */
  schema?: string;
}

export interface OperationPlan {
  operationId: string;
  service: ServiceName;
  request: { required: boolean; body: BodyPlan } | null;
  responses: Array<{ status: string; body: BodyPlan }>;
  /** Path, query and header parameters (cookies are not checked), path-level ones first. */
  parameters: ParameterPlan[];
}

export interface ValidationPlan {
  /** The document the checks are compiled from. */
  document: Json;
  report: RewriteReport;
  operations: OperationPlan[];
  /** Every component schema, in document order, with its pointer. */
  schemas: Array<{ name: string; pointer: string }>;
}

/** What a string parameter becomes: the schema's own type when it asks for a number or a boolean. */
function coercionOf(document: Json, pointer: string): Pick<ParameterCheck, 'coerce' | 'array'> {
  const typesOf = (schema: Json): string[] => {
    if (schema.type !== undefined) return [].concat(schema.type);
    const values: unknown[] = 'const' in schema ? [schema.const] : Array.isArray(schema.enum) ? schema.enum : [];
    return [...new Set(values.map((value) => (typeof value === 'number' ? 'number' : typeof value)))];
  };
  const scalar = (types: string[]): ParameterCheck['coerce'] => {
    if (types.includes('string')) return undefined;
    if (types.includes('integer') || types.includes('number')) return 'number';
    return types.includes('boolean') ? 'boolean' : undefined;
  };
  const schema = followRefs(document, pointer).value;
  const types = typesOf(schema);
  if (types.includes('array') && !types.includes('string')) {
    const items = schema.items === undefined ? undefined : scalar(typesOf(followRefs(document, fragment(pointer, 'items')).value));
    return { array: true, ...(items ? { coerce: items } : {}) };
  }
  const coerce = scalar(types);
  return coerce ? { coerce } : {};
}

function parameterPlan(document: Json, parameter: Parameter): ParameterPlan | undefined {
  if (parameter.in === 'cookie') return undefined;
  return {
    in: parameter.in,
    name: parameter.name,
    required: parameter.required,
    ...(parameter.schema ? { schema: parameter.schema, ...coercionOf(document, parameter.schema) } : {}),
  };
}

export function planValidation(document: Json): ValidationPlan {
  const contract = readContract(document);
  const bodies = contract.operations.flatMap((operation) => [operation.requestBody?.contents ?? [], ...operation.responses.map((response) => response.contents)]);
  const jsonBodies = bodies.map(bodyShape).flatMap((shape) => (shape.kind === 'json' ? [shape.schema] : []));
  const strict = addStrictSchemas(document, jsonBodies);
  const { document: rewritten, report } = rewriteForValidation(strict.document);

  const bodyPlan = (contents: Content[]): BodyPlan => {
    const shape = bodyShape(contents);
    return shape.kind === 'json' ? { kind: 'json', schema: shape.schema, strict: strict.bodies.get(shape.schema)! } : { kind: shape.kind };
  };
  const operations = contract.operations.map(
    (operation): OperationPlan => ({
      operationId: operation.operationId,
      service: operation.service,
      request: operation.requestBody ? { required: operation.requestBody.required, body: bodyPlan(operation.requestBody.contents) } : null,
      responses: operation.responses.map((response) => ({ status: response.status, body: bodyPlan(response.contents) })),
      parameters: operation.parameters.flatMap((parameter) => parameterPlan(document, parameter) ?? []),
    }),
  );
  const schemas = componentSchemaNames(document).map((name) => ({ name, pointer: fragment('#', 'components', 'schemas', name) }));
  return { document: rewritten, report, operations, schemas };
}
