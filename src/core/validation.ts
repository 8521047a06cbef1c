// The validate stage: the request's parameters and body checked by the very validators that
// `platform-contract/validators` ships (or the same code compiled at run time for another spec), so
// the mock's `details` are exactly their errors. Unknown properties are warnings, or with strict errors.
import type { Operation } from './contract.js';
import type { ValidationProblem } from './services.js';

export type ValidationResult = { valid: true } | { valid: false; errors: ValidationProblem[] };

export interface ValidateOptions {
  /** Also refuse properties the contract does not name (`--strict`): `Property "x" is not allowed here.` */
  strict?: boolean;
}

/** A request's parameters as they arrive: strings (a repeated query value, several), headers in any case. */
export interface ParameterInput {
  path?: Record<string, string | undefined>;
  query?: Record<string, string | string[] | undefined>;
  header?: Record<string, string | string[] | undefined>;
}

/** The declared parameters a request gave, coerced (`first=20` is the number 20), headers keyed by their documented name. */
export interface ParameterValues {
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  header: Record<string, unknown>;
}

export type ParameterResult = { valid: true; values: ParameterValues } | { valid: false; errors: ValidationProblem[] };

/** What the core validates with: generated/validators.js, a per-service module, or compileValidators(). */
export interface ContractValidators {
  validateRequest(operationId: string, body: unknown, options?: ValidateOptions): ValidationResult;
  validateResponse(operationId: string, status: number | string, body: unknown, options?: ValidateOptions): ValidationResult;
  validateParameters(operationId: string, parameters?: ParameterInput): ParameterResult;
}

/** More details than this help nobody; the first ones name the problem. */
export const MAX_DETAILS = 20;

export interface ValidatedRequest {
  /** Parameters coerced to their schemas' types (`first=20` is the number 20). */
  values: ParameterValues;
  /** Properties the contract does not name: accepted, and reported in X-Mock-Warning. */
  warnings: ValidationProblem[];
}

export type Validation = { ok: true; request: ValidatedRequest } | { ok: false; problems: ValidationProblem[] };

export function validateRequest(
  validators: ContractValidators,
  operation: Operation,
  request: { pathParams: Record<string, string>; query: Record<string, string | string[]>; headers: Record<string, string | undefined>; body: unknown },
  strict: boolean,
): Validation {
  const parameters = validators.validateParameters(operation.operationId, { path: request.pathParams, query: request.query, header: request.headers });
  const body = validators.validateRequest(operation.operationId, request.body, { strict });
  const problems = [...(parameters.valid ? [] : parameters.errors), ...(body.valid ? [] : body.errors)];
  if (!parameters.valid || problems.length > 0) return { ok: false, problems: problems.slice(0, MAX_DETAILS) };
  // Unknown properties are what the strict check adds: when only it fails, they are all it names.
  const unknown = strict || request.body === undefined ? { valid: true as const } : validators.validateRequest(operation.operationId, request.body, { strict: true });
  return { ok: true, request: { values: parameters.values, warnings: unknown.valid ? [] : unknown.errors.slice(0, MAX_DETAILS) } };
}
