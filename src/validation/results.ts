// What the validators answer: an operation's request body, response body or parameters, or a value
// against a component schema, looked up in a table of compiled checks, run and reported as the
// contract's ValidationProblems. The generated modules and compileValidators() both answer here.
import { pointerTokens, resolvePointer } from '../core/json-pointer.js';
import type { ValidationProblem } from '../core/services.js';
import type { ContractValidators, ValidateOptions, ValidationResult } from '../core/validation.js';
import { checkParameters, type ParameterCheck, type ParameterInput, type ParameterResult } from './parameters.js';
import { describeValue, explainError, explainErrors, listOf, quote, type AjvError, type Validate } from './report.js';

/** A message that must have no body (a 204, a request without requestBody content). */
export const NO_BODY = 'no body';
/** A message whose body the contract does not describe as JSON: anything goes. */
export const ANY_BODY = 'any body';

export type BodyCheck = Validate | typeof NO_BODY | typeof ANY_BODY;

/** A body's check and its strict variant: the same check where strictness changes nothing. */
export interface BodyChecks {
  check: BodyCheck;
  strict: BodyCheck;
}

export interface OperationChecks {
  /** Null when the operation declares no requestBody. */
  request: ({ required: boolean } & BodyChecks) | null;
  /** By response key: `200`, `4XX`, `default`. */
  responses: Record<string, BodyChecks>;
  parameters: readonly ParameterCheck[];
}

export type { ValidateOptions, ValidationResult };

const VALID: ValidationResult = /* @__PURE__ */ Object.freeze({ valid: true });

function invalid(pointer: string, message: string): ValidationResult {
  return { valid: false, errors: [{ pointer, message }] };
}

/**
 * Thrown for an operationId or a schema name that is not in the table: a mistake in the calling code,
 * not in the payload, so that a negative test can never pass because it named the wrong operation.
 */
export function unknownName(kind: 'operationId' | 'schema', name: unknown, known: readonly string[]): Error {
  const plural = kind === 'schema' ? 'schemas' : 'operationIds';
  return new Error(`Unknown ${kind} ${quote(name)}. Known ${plural}: ${known.join(', ')}.`);
}

/** The entry of `table` named `name` (own entries only), or the error naming the known ones. */
export function lookUp<T>(table: Record<string, T>, name: unknown, kind: 'operationId' | 'schema'): T {
  if (typeof name === 'string' && Object.prototype.hasOwnProperty.call(table, name)) return table[name];
  throw unknownName(kind, name, Object.keys(table));
}

// The strict check may fail only for properties no subschema evaluates. A property counts as
// unevaluated when the subschema that names it failed, too, so the strict check's own errors are
// read only where the normal check found nothing wrong at or below the object, deepest first:
// once the unknown properties of an inner object are removed, its parents' properties evaluate again.
const MAX_ROUNDS = 64;

function isAtOrBelow(pointer: string, object: string): boolean {
  return pointer === object || pointer.startsWith(`${object}/`);
}

function unknownProperties(strict: Validate, body: unknown, failedAt: string[]): ValidationProblem[] {
  const found: Array<ValidationProblem & { depth: number }> = [];
  let copy = body;
  for (let round = 0; round < MAX_ROUNDS && !strict(copy); round++) {
    const unknown = (strict.errors ?? []).filter(
      (error) => error.keyword === 'unevaluatedProperties' && !failedAt.some((pointer) => isAtOrBelow(pointer, error.instancePath)),
    );
    if (unknown.length === 0) break;
    const depthOf = (error: AjvError) => pointerTokens(error.instancePath).length;
    const deepest = Math.max(...unknown.map(depthOf));
    if (copy === body) copy = structuredClone(body);
    for (const error of unknown.filter((candidate) => depthOf(candidate) === deepest)) {
      found.push({ ...explainError(error, copy), depth: deepest });
      const object = resolvePointer(copy, error.instancePath) as Record<string, unknown> | undefined;
      if (object && typeof object === 'object') delete object[error.params.unevaluatedProperty];
    }
  }
  // Outer objects first, as a reader goes through the payload.
  return found.sort((a, b) => a.depth - b.depth).map(({ pointer, message }) => ({ pointer, message }));
}

function checkJson(check: Validate, strict: Validate | undefined, body: unknown): ValidationResult {
  if (!strict || strict === check) {
    return check(body) ? VALID : { valid: false, errors: explainErrors(check.errors ?? [], body) };
  }
  if (strict(body)) return VALID;
  const normalErrors = check(body) ? [] : [...(check.errors ?? [])];
  const errors = [...explainErrors(normalErrors, body), ...unknownProperties(strict, body, normalErrors.map((error) => error.instancePath))];
  return { valid: false, errors: errors.length > 0 ? errors : explainErrors(strict.errors ?? [], body) };
}

function checkBody(checks: BodyChecks, body: unknown, options: ValidateOptions | undefined, noBodyMessage: string): ValidationResult {
  const { check } = checks;
  if (check === ANY_BODY) return VALID;
  if (check === NO_BODY) {
    return body === undefined || body === '' ? VALID : invalid('', `${noBodyMessage}; got ${describeValue(body)}.`);
  }
  const strict = options?.strict && typeof checks.strict === 'function' ? checks.strict : undefined;
  return checkJson(check, strict, body);
}

export function requestResult(
  operations: Record<string, OperationChecks>,
  operationId: string,
  body: unknown,
  options?: ValidateOptions,
): ValidationResult {
  const { request } = lookUp(operations, operationId, 'operationId');
  if (request === null) {
    return body === undefined ? VALID : invalid('', `${operationId} takes no request body; got ${describeValue(body)}.`);
  }
  if (body === undefined) return request.required ? invalid('', `${operationId} needs a request body.`) : VALID;
  return checkBody(request, body, options, `${operationId} takes no request body`);
}

// A status the operation does not declare is the server breaking the contract: an invalid response
// that names the declared statuses, not an exception.
export function responseResult(
  operations: Record<string, OperationChecks>,
  operationId: string,
  status: number | string,
  body: unknown,
  options?: ValidateOptions,
): ValidationResult {
  const { responses } = lookUp(operations, operationId, 'operationId');
  const key = String(status);
  const range = `${key.charAt(0)}XX`;
  const matched = [key, range, 'default'].find((candidate) => Object.prototype.hasOwnProperty.call(responses, candidate));
  if (matched === undefined) {
    return invalid('', `${operationId} declares no ${key} response; it declares ${listOf(Object.keys(responses), 'and')}.`);
  }
  return checkBody(responses[matched], body, options, `The ${matched} response of ${operationId} has no body`);
}

export function parametersResult(operations: Record<string, OperationChecks>, operationId: string, input: ParameterInput | undefined): ParameterResult {
  return checkParameters(lookUp(operations, operationId, 'operationId').parameters, input ?? {});
}

export function schemaResult(schemas: Record<string, Validate>, name: string, value: unknown): ValidationResult {
  const check = lookUp(schemas, name, 'schema');
  return checkJson(check, undefined, value);
}

/** The validators' API, as each generated module exports it and compileValidators() returns it. */
export interface Validators extends ContractValidators {
  readonly operationIds: readonly string[];
  readonly schemaNames: readonly string[];
  validateSchema(name: string, value: unknown): ValidationResult;
}

export function createValidators(operations: Record<string, OperationChecks>, schemas: Record<string, Validate>): Validators {
  return {
    operationIds: Object.freeze(Object.keys(operations)),
    schemaNames: Object.freeze(Object.keys(schemas)),
    validateRequest: (operationId, body, options) => requestResult(operations, operationId, body, options),
    validateResponse: (operationId, status, body, options) => responseResult(operations, operationId, status, body, options),
    validateParameters: (operationId, parameters) => parametersResult(operations, operationId, parameters),
    validateSchema: (name, value) => schemaResult(schemas, name, value),
  };
}
