// Ajv's errors turned into the contract's ValidationProblem: a JSON pointer into the payload and a
// sentence a person can act on. The generated validators and compileValidators() both report here.
import { childPointer, resolvePointer } from '../core/json-pointer.js';
import type { ValidationProblem } from '../core/services.js';

/** The error objects of an Ajv validate function compiled with `allErrors` and `messages: false`. */
export interface AjvError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, any>;
}

/** An Ajv validate function (standalone or compiled at run time): true or false, its errors kept on it. */
export type Validate = ((data: unknown) => boolean) & { errors?: AjvError[] | null };

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

export function quote(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `the string ${quote(value)}`;
  if (typeof value === 'number') return Number.isInteger(value) ? `the integer ${value}` : `the number ${value}`;
  return String(value);
}

export function listOf(values: string[], conjunction: string): string {
  return values.length <= 1 ? values.join('') : `${values.slice(0, -1).join(', ')} ${conjunction} ${values[values.length - 1]}`;
}

function plural(count: number, noun: string, nouns = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : nouns}`;
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
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
export function explainError(error: AjvError, payload: unknown): ValidationProblem {
  const pointer = error.instancePath;
  const value = resolvePointer(payload, pointer);
  const params = error.params ?? {};
  switch (error.keyword) {
    case 'type': {
      const expected = String(params.type).split(',').map((type) => TYPE_NAMES[type] ?? type);
      return { pointer, message: `Expected ${listOf(expected, 'or')}, got ${describeValue(value)}.` };
    }
    case 'required':
      return { pointer: childPointer(pointer, params.missingProperty), message: `Required property "${params.missingProperty}" is missing.` };
    case 'dependentRequired':
      return {
        pointer: childPointer(pointer, params.missingProperty),
        message: `Property "${params.missingProperty}" is required when "${params.property}" is given.`,
      };
    case 'additionalProperties':
      return { pointer: childPointer(pointer, params.additionalProperty), message: `Property "${params.additionalProperty}" is not allowed here.` };
    case 'unevaluatedProperties':
      return { pointer: childPointer(pointer, params.unevaluatedProperty), message: `Property "${params.unevaluatedProperty}" is not allowed here.` };
    case 'enum':
      return {
        pointer,
        message: capitalized(`${describeValue(value)} is not one of the allowed values: ${listOf((params.allowedValues ?? []).map(quote), 'or')}.`),
      };
    case 'const':
      return { pointer, message: `Expected ${quote(params.allowedValue)}, got ${describeValue(value)}.` };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return { pointer, message: `Must be ${COMPARISONS[params.comparison] ?? params.comparison} ${params.limit}, got ${quote(value)}.` };
    case 'multipleOf':
      return { pointer, message: `Must be a multiple of ${params.multipleOf}, got ${quote(value)}.` };
    case 'minLength':
      return { pointer, message: params.limit === 1 ? 'Must not be empty.' : `Must be at least ${plural(params.limit, 'character')} long.` };
    case 'maxLength':
      return { pointer, message: `Must be at most ${plural(params.limit, 'character')} long.` };
    case 'minItems':
      return { pointer, message: `Must have at least ${plural(params.limit, 'item')}.` };
    case 'maxItems':
      return { pointer, message: `Must have at most ${plural(params.limit, 'item')}.` };
    case 'minProperties':
      return { pointer, message: `Must have at least ${plural(params.limit, 'property', 'properties')}.` };
    case 'maxProperties':
      return { pointer, message: `Must have at most ${plural(params.limit, 'property', 'properties')}.` };
    case 'uniqueItems':
      return { pointer, message: `Items ${params.j} and ${params.i} are the same; every item must be unique.` };
    case 'pattern':
      return { pointer, message: capitalized(`${describeValue(value)} does not match the pattern ${params.pattern}.`) };
    case 'format':
      return { pointer, message: capitalized(`${describeValue(value)} is not a valid ${FORMAT_NAMES[params.format] ?? params.format}.`) };
    case 'contains':
      return { pointer, message: `Must contain at least ${plural(params.minContains ?? 1, 'matching item')}.` };
    case 'requiredAlternatives': {
      const alternatives = (params.alternatives as string[][]).map((properties) => listOf(properties.map((p) => `"${p}"`), 'and'));
      return params.given > 1
        ? { pointer, message: `Must have only one of ${listOf(alternatives, 'or')}, not several.` }
        : { pointer, message: `Must have ${listOf(alternatives, 'or')}.` };
    }
    case 'oneOf':
      return params.passingSchemas
        ? { pointer, message: `Matches more than one of the allowed shapes (${params.passingSchemas.join(' and ')}); it must match exactly one.` }
        : { pointer, message: 'Does not match any of the allowed shapes.' };
    case 'anyOf':
      return { pointer, message: 'Does not match any of the allowed shapes.' };
    case 'propertyNames':
      return { pointer: childPointer(pointer, params.propertyName), message: `Property name "${params.propertyName}" is not allowed.` };
    case 'not':
    case 'false schema':
      return { pointer, message: 'This value is not allowed here.' };
    default:
      return { pointer, message: `Fails the "${error.keyword}" check of the contract.` };
  }
}

/**
 * Ajv's errors for `payload` as the validators report them: `if` bookkeeping dropped, the errors
 * inside a failed contract rule replaced by the rule's own sentence (the innermost rule wins),
 * duplicates removed, Ajv's order kept.
 */
export function explainErrors(errors: AjvError[], payload: unknown): ValidationProblem[] {
  const explained: Array<ValidationProblem & { fromRule?: boolean }> = [];
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
      const pointers = inner.length > 0 ? inner.map((entry) => entry.pointer) : [error.instancePath];
      for (const pointer of new Set(pointers)) explained.push({ pointer, message: ruleSentence(error.params.rule), fromRule: true });
      continue;
    }
    explained.push(explainError(error, payload));
  }
  const seen = new Set<string>();
  const result: ValidationProblem[] = [];
  for (const { pointer, message } of explained) {
    const key = `${pointer}\u0000${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    result.push({ pointer, message });
  }
  return result;
}
