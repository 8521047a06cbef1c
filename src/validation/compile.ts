// The validators of any bundled document compiled with Ajv at run time (the mock's `--spec other.yaml`):
// the same plan, rewrites and reporter as generated/validators.js, so the answers are the same.
import { ajvRef, createContractAjv } from './ajv.js';
import type { ParameterCheck } from './parameters.js';
import { planValidation, type BodyPlan } from './plan.js';
import type { Validate } from './report.js';
import { ANY_BODY, createValidators, NO_BODY, type BodyChecks, type OperationChecks, type Validators } from './results.js';

// The document is JSON of any shape.
type Json = any;

/** A schema of the document that Ajv cannot compile; `pointer` says which. */
export class SchemaCompileError extends Error {
  override name = 'SchemaCompileError';
  constructor(
    readonly pointer: string,
    problem: string,
  ) {
    super(`${pointer}: Ajv cannot compile this schema: ${problem}`);
  }
}

/**
 * Every check of `document` compiled at once, so that a schema Ajv cannot compile fails here (with
 * its pointer) rather than on some later request. Unknown keywords and formats are ignored.
 */
export function compileValidators(document: Json): Validators {
  const plan = planValidation(document);
  const ajv = createContractAjv(plan.document, { lenient: true });
  const compiled = new Map<string, Validate>();
  const compile = (pointer: string): Validate => {
    let validate = compiled.get(pointer);
    if (!validate) {
      try {
        validate = ajv.getSchema(ajvRef(pointer)) as Validate | undefined;
      } catch (error) {
        throw new SchemaCompileError(pointer, (error as Error).message);
      }
      if (!validate) throw new SchemaCompileError(pointer, 'no schema there');
      compiled.set(pointer, validate);
    }
    return validate;
  };
  const body = (plan: BodyPlan): BodyChecks => {
    if (plan.kind === 'json') return { check: compile(plan.schema), strict: compile(plan.strict) };
    const check = plan.kind === 'empty' ? NO_BODY : ANY_BODY;
    return { check, strict: check };
  };
  const operations: Record<string, OperationChecks> = {};
  for (const operation of plan.operations) {
    operations[operation.operationId] = {
      request: operation.request && { required: operation.request.required, ...body(operation.request.body) },
      responses: Object.fromEntries(operation.responses.map((response) => [response.status, body(response.body)])),
      parameters: operation.parameters.map(({ schema, ...parameter }): ParameterCheck => (schema ? { ...parameter, check: compile(schema) } : parameter)),
    };
  }
  const schemas = Object.fromEntries(plan.schemas.map(({ name, pointer }) => [name, compile(pointer)]));
  return createValidators(operations, schemas);
}
