// Writes the .d.ts of generated/validators.js (the types every module shares, and the whole API) and
// of each generated/validators/<service>.js (the same API, restricted to that service).
import { GENERATED_HEADER } from './generated-header.js';

const union = (names: string[]) => (names.length === 0 ? ' never' : names.map((name) => `\n  | ${JSON.stringify(name)}`).join(''));
export const guardName = (schemaName: string) => `is${schemaName.replace(/[^A-Za-z0-9_$]/g, '_')}`;

const SHARED_TYPES = `/**
 * One problem with a payload (the contract's ValidationProblem): where, as a JSON pointer into the
 * body ("" for the body itself; a missing property points where it should be), or for a parameter
 * \`in\` its location and the pointer \`/<name as documented>\`; and why, as a sentence.
 */
export interface ValidationProblem {
  in?: "path" | "query" | "header";
  pointer: string;
  message: string;
}

export type ValidationResult = { valid: true } | { valid: false; errors: ValidationProblem[] };

export interface ValidateOptions {
  /**
   * Also refuse properties the contract does not name, at any depth ("Property \\"x\\" is not allowed
   * here."). Reported once the rest of the body is valid where they are: a property that a failing
   * subschema names cannot be told from an unknown one.
   */
  strict?: boolean;
}

/** A request's raw parameters: values as strings (a query value may repeat), header names in any case. */
export interface ParameterInput {
  path?: Record<string, string | undefined>;
  query?: Record<string, string | string[] | undefined>;
  header?: Record<string, string | string[] | undefined>;
}

type Given<T> = [NonNullable<T>] extends [never] ? Record<string, never> : NonNullable<T>;

/** The declared parameters given, coerced to their schemas' types, headers keyed by their documented name. */
export interface ParameterValues<Op extends keyof operations = keyof operations> {
  path: Given<operations[Op]["parameters"]["path"]>;
  query: Given<operations[Op]["parameters"]["query"]>;
  header: Given<operations[Op]["parameters"]["header"]>;
}

export type ParameterResult<Op extends keyof operations = keyof operations> =
  | { valid: true; values: ParameterValues<Op> }
  | { valid: false; errors: ValidationProblem[] };
`;

function apiDeclarations(schemaNames: string[]): string[] {
  return [
    'export declare const operationIds: readonly OperationId[];',
    'export declare const schemaNames: readonly SchemaName[];',
    '',
    '/**',
    ' * Checks a request body (for a webhook, the payload the service sends). `undefined` means no body.',
    ' * Throws when `operationId` is not in the contract: that is a mistake in the calling code.',
    ' */',
    'export declare function validateRequest(operationId: OperationId, body: unknown, options?: ValidateOptions): ValidationResult;',
    '',
    '/**',
    ' * Checks a response body for `status`, matched exactly, then as `4XX`, then as `default`.',
    ' * A status the operation does not declare is an invalid response naming the declared ones.',
    ' * Throws when `operationId` is not in the contract.',
    ' */',
    'export declare function validateResponse(operationId: OperationId, status: number | string, body: unknown, options?: ValidateOptions): ValidationResult;',
    '',
    '/**',
    ' * Checks the parameters the operation declares (path-level and its own): required ones present,',
    ' * values coerced where the schema asks for a number or a boolean, then checked. Unknown query',
    ' * parameters and undeclared headers are ignored. Throws when `operationId` is not in the contract.',
    ' */',
    'export declare function validateParameters<Op extends OperationId>(operationId: Op, parameters?: ParameterInput): ParameterResult<Op>;',
    '',
    '/** Checks a value against a component schema. Throws when `name` is not a component schema. */',
    'export declare function validateSchema(name: SchemaName, value: unknown): ValidationResult;',
    '',
    ...schemaNames.flatMap((name) => [
      `/** True when \`value\` is a valid ${name} (\`components["schemas"][${JSON.stringify(name)}]\`). */`,
      `export declare function ${guardName(name)}(value: unknown): value is components["schemas"][${JSON.stringify(name)}];`,
    ]),
    '',
  ];
}

/** generated/validators.d.ts: the shared types and the API over every operation and schema. */
export function indexDeclarations(operationIds: string[], schemaNames: string[]): string {
  return [
    GENERATED_HEADER,
    'import type { components, operations } from "./types.js";',
    '',
    SHARED_TYPES,
    '/** Every operationId of the contract, webhooks included. */',
    `export type OperationId =${union(operationIds)};`,
    '',
    'export type SchemaName = keyof components["schemas"];',
    '',
    ...apiDeclarations(schemaNames),
  ].join('\n');
}

/** generated/validators/<service>.d.ts: the API over the service's operations and the schemas it owns. */
export function serviceDeclarations(title: string, operationIds: string[], schemaNames: string[]): string {
  return [
    GENERATED_HEADER,
    'import type { components } from "../types.js";',
    'import type { ParameterInput, ParameterResult, ValidateOptions, ValidationResult } from "../validators.js";',
    '',
    'export type { ParameterInput, ParameterResult, ParameterValues, ValidateOptions, ValidationProblem, ValidationResult } from "../validators.js";',
    '',
    `/** The operationIds of the ${title} service. */`,
    `export type OperationId =${union(operationIds)};`,
    '',
    `/** The component schemas this module checks: those only the ${title} service uses. */`,
    `export type SchemaName =${union(schemaNames)};`,
    '',
    ...apiDeclarations(schemaNames),
  ].join('\n');
}
