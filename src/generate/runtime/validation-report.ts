// What generated/validators.js answers: request and response checks by operationId, and Ajv's errors
// turned into a JSON pointer into the payload plus a sentence a person can act on. The generator
// inlines this file (types stripped) into validators.js, so it imports nothing.

export interface ValidationError {
  /** JSON pointer into the payload: `/trigger/type`, `/steps/0`, or `` for the payload itself. */
  path: string;
  message: string;
}

export type ValidationResult = { valid: true } | { valid: false; errors: ValidationError[] };

/** The error objects of an Ajv validate function compiled with `allErrors` and `messages: false`. */
export interface AjvError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, any>;
}

export type Validate = ((data: unknown) => boolean) & { errors?: AjvError[] | null };

/** A message that must have no body (a 204, a request without requestBody content). */
export const NO_BODY = 'no body';
/** A message whose body the contract does not describe as JSON: anything goes. */
export const ANY_BODY = 'any body';

export type BodyCheck = Validate | typeof NO_BODY | typeof ANY_BODY;

export interface OperationChecks {
  /** Null when the operation declares no requestBody. */
  request: { required: boolean; body: BodyCheck } | null;
  /** By response key: `200`, `4XX`, `default`. */
  responses: Record<string, BodyCheck>;
}

const TYPE_NAMES: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  integer: 'an integer',
  boolean: 'true or false',
  object: 'an object',
  array: 'an array',
  null: 'null',
};

const FORMAT_NAMES: Record<string, string> = {
  'date-time': 'date-time (ISO 8601, such as 2024-03-01T10:00:00Z)',
  date: 'date (YYYY-MM-DD)',
  time: 'time (HH:MM:SS with a time zone)',
  email: 'email address',
  uri: 'absolute URI',
  uuid: 'UUID',
};

const COMPARISONS: Record<string, string> = { '>=': 'at least', '<=': 'at most', '>': 'greater than', '<': 'less than' };

function quote(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `the string ${quote(value)}`;
  if (typeof value === 'number') return Number.isInteger(value) ? `the integer ${value}` : `the number ${value}`;
  return String(value);
}

function listOf(values: string[], conjunction: string): string {
  return values.length <= 1 ? values.join('') : `${values.slice(0, -1).join(', ')} ${conjunction} ${values[values.length - 1]}`;
}

function plural(count: number, noun: string, nouns = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : nouns}`;
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function childPath(path: string, property: string): string {
  return `${path}/${String(property).replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

function valueAtPath(payload: unknown, path: string): unknown {
  let value: any = payload;
  for (const token of path.split('/').slice(1)) {
    if (value === null || typeof value !== 'object') return undefined;
    value = value[token.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return value;
}

/**
 * A rule's description (Markdown) as an error message: its first paragraph, `code` as "code". Later
 * paragraphs are notes for readers of the docs (the bundle appends the x-extension reason there).
 */
function ruleSentence(description: string): string {
  const firstParagraph = description.trim().split(/\n\s*\n/)[0].replace(/\s+/g, ' ');
  const sentence = capitalized(firstParagraph.replace(/`([^`]*)`/g, '"$1"'));
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
}

/** One Ajv error as a pointer and a sentence. */
function explainError(error: AjvError, payload: unknown): ValidationError {
  const path = error.instancePath;
  const value = valueAtPath(payload, path);
  const params = error.params ?? {};
  switch (error.keyword) {
    case 'type': {
      const expected = String(params.type).split(',').map((type) => TYPE_NAMES[type] ?? type);
      return { path, message: `Expected ${listOf(expected, 'or')}, got ${describeValue(value)}.` };
    }
    case 'required':
      return { path: childPath(path, params.missingProperty), message: `Required property "${params.missingProperty}" is missing.` };
    case 'dependentRequired':
      return {
        path: childPath(path, params.missingProperty),
        message: `Property "${params.missingProperty}" is required when "${params.property}" is given.`,
      };
    case 'additionalProperties':
      return { path: childPath(path, params.additionalProperty), message: `Property "${params.additionalProperty}" is not allowed here.` };
    case 'unevaluatedProperties':
      return { path: childPath(path, params.unevaluatedProperty), message: `Property "${params.unevaluatedProperty}" is not allowed here.` };
    case 'enum':
      return {
        path,
        message: capitalized(`${describeValue(value)} is not one of the allowed values: ${listOf((params.allowedValues ?? []).map(quote), 'or')}.`),
      };
    case 'const':
      return { path, message: `Expected ${quote(params.allowedValue)}, got ${describeValue(value)}.` };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return { path, message: `Must be ${COMPARISONS[params.comparison] ?? params.comparison} ${params.limit}, got ${quote(value)}.` };
    case 'multipleOf':
      return { path, message: `Must be a multiple of ${params.multipleOf}, got ${quote(value)}.` };
    case 'minLength':
      return { path, message: params.limit === 1 ? 'Must not be empty.' : `Must be at least ${plural(params.limit, 'character')} long.` };
    case 'maxLength':
      return { path, message: `Must be at most ${plural(params.limit, 'character')} long.` };
    case 'minItems':
      return { path, message: `Must have at least ${plural(params.limit, 'item')}.` };
    case 'maxItems':
      return { path, message: `Must have at most ${plural(params.limit, 'item')}.` };
    case 'minProperties':
      return { path, message: `Must have at least ${plural(params.limit, 'property', 'properties')}.` };
    case 'maxProperties':
      return { path, message: `Must have at most ${plural(params.limit, 'property', 'properties')}.` };
    case 'uniqueItems':
      return { path, message: `Items ${params.j} and ${params.i} are the same; every item must be unique.` };
    case 'pattern':
      return { path, message: capitalized(`${describeValue(value)} does not match the pattern ${params.pattern}.`) };
    case 'format':
      return { path, message: capitalized(`${describeValue(value)} is not a valid ${FORMAT_NAMES[params.format] ?? params.format}.`) };
    case 'contains':
      return { path, message: `Must contain at least ${plural(params.minContains ?? 1, 'matching item')}.` };
    case 'requiredAlternatives': {
      const alternatives = (params.alternatives as string[][]).map((properties) => listOf(properties.map((p) => `"${p}"`), 'and'));
      return params.given > 1
        ? { path, message: `Must have only one of ${listOf(alternatives, 'or')}, not several.` }
        : { path, message: `Must have ${listOf(alternatives, 'or')}.` };
    }
    case 'oneOf':
      return params.passingSchemas
        ? { path, message: `Matches more than one of the allowed shapes (${params.passingSchemas.join(' and ')}); it must match exactly one.` }
        : { path, message: 'Does not match any of the allowed shapes.' };
    case 'anyOf':
      return { path, message: 'Does not match any of the allowed shapes.' };
    case 'propertyNames':
      return { path: childPath(path, params.propertyName), message: `Property name "${params.propertyName}" is not allowed.` };
    case 'not':
    case 'false schema':
      return { path, message: 'This value is not allowed here.' };
    default:
      return { path, message: `Fails the "${error.keyword}" check of the contract.` };
  }
}

/**
 * Ajv's errors for `payload` as the validators report them: `if` bookkeeping dropped, the errors
 * inside a failed contract rule replaced by the rule's own sentence (the innermost rule wins),
 * duplicates removed, Ajv's order kept.
 */
export function explainErrors(errors: AjvError[], payload: unknown): ValidationError[] {
  const explained: Array<ValidationError & { fromRule?: boolean }> = [];
  const openRules: number[] = [];
  for (const error of errors) {
    if (error.keyword === 'if') continue;
    if (error.keyword === 'contractRule') {
      if (error.params.phase === 'start') {
        openRules.push(explained.length);
        continue;
      }
      const inner = explained.splice(openRules.pop() ?? explained.length);
      if (inner.some((entry) => entry.fromRule)) {
        explained.push(...inner);
        continue;
      }
      const paths = inner.length > 0 ? inner.map((entry) => entry.path) : [error.instancePath];
      for (const path of new Set(paths)) explained.push({ path, message: ruleSentence(error.params.rule), fromRule: true });
      continue;
    }
    explained.push(explainError(error, payload));
  }
  const seen = new Set<string>();
  const result: ValidationError[] = [];
  for (const { path, message } of explained) {
    const key = `${path}\u0000${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    result.push({ path, message });
  }
  return result;
}

function invalid(path: string, message: string): ValidationResult {
  return { valid: false, errors: [{ path, message }] };
}

function checkBody(check: BodyCheck, body: unknown, noBodyMessage: string): ValidationResult {
  if (check === ANY_BODY) return { valid: true };
  if (check === NO_BODY) {
    return body === undefined || body === '' ? { valid: true } : invalid('', `${noBodyMessage}; got ${describeValue(body)}.`);
  }
  if (check(body)) return { valid: true };
  return { valid: false, errors: explainErrors(check.errors ?? [], body) };
}

// An unknown operationId is a mistake in the calling code, not in the payload: it throws, so a
// negative test can never pass because it named the wrong operation.
function findOperation(operations: Record<string, OperationChecks>, operationId: string): OperationChecks {
  if (typeof operationId === 'string' && Object.prototype.hasOwnProperty.call(operations, operationId)) {
    return operations[operationId];
  }
  throw new Error(`Unknown operationId ${quote(operationId)}. Known operationIds: ${Object.keys(operations).join(', ')}.`);
}

export function requestResult(operations: Record<string, OperationChecks>, operationId: string, body: unknown): ValidationResult {
  const { request } = findOperation(operations, operationId);
  if (request === null) {
    return body === undefined ? { valid: true } : invalid('', `${operationId} takes no request body; got ${describeValue(body)}.`);
  }
  if (body === undefined) return request.required ? invalid('', `${operationId} needs a request body.`) : { valid: true };
  return checkBody(request.body, body, `${operationId} takes no request body`);
}

// A status the operation does not declare is the server breaking the contract: an invalid response
// that names the declared statuses, not an exception.
export function responseResult(
  operations: Record<string, OperationChecks>,
  operationId: string,
  status: number | string,
  body: unknown,
): ValidationResult {
  const { responses } = findOperation(operations, operationId);
  const key = String(status);
  const range = `${key.charAt(0)}XX`;
  const matched = [key, range, 'default'].find((candidate) => Object.prototype.hasOwnProperty.call(responses, candidate));
  if (matched === undefined) {
    return invalid('', `${operationId} declares no ${key} response; it declares ${listOf(Object.keys(responses), 'and')}.`);
  }
  return checkBody(responses[matched], body, `The ${matched} response of ${operationId} has no body`);
}

export function schemaResult(schemas: Record<string, Validate>, name: string, value: unknown): ValidationResult {
  if (typeof name !== 'string' || !Object.prototype.hasOwnProperty.call(schemas, name)) {
    throw new Error(`Unknown schema ${quote(name)}. Known schemas: ${Object.keys(schemas).join(', ')}.`);
  }
  return checkBody(schemas[name], value, '');
}
