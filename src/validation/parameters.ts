// A request's parameters checked against those its operation declares: values arrive as strings (a
// query value may repeat, header names come in any case), become numbers or booleans where the
// schema asks for them, and each problem is a ValidationProblem with `in` and `/<name as documented>`.
import { toPointer } from '../core/json-pointer.js';
import type { ValidationProblem } from '../core/services.js';
import type { ParameterInput, ParameterResult, ParameterValues } from '../core/validation.js';

export type { ParameterInput, ParameterResult, ParameterValues };
import { explainErrors, type Validate } from './report.js';

export type ParameterLocation = 'path' | 'query' | 'header';

/** One declared parameter as the validators check it. */
export interface ParameterCheck {
  in: ParameterLocation;
  /** As documented: a header keeps its spelling (`X-Request-ID`) whatever case a request uses. */
  name: string;
  required: boolean;
  /** The type a string value is coerced to, when the schema asks for a number or a boolean (for an array, each item's). */
  coerce?: 'number' | 'boolean';
  /** The schema is an array: a single value is a list of one. */
  array?: boolean;
  /** Absent when the parameter declares no schema: any value goes. */
  check?: Validate;
}

/** The raw values of a request, as a router and an HTTP server hand them over. */
const MISSING: Record<ParameterLocation, string> = { path: 'path parameter', query: 'query parameter', header: 'header' };

// A JSON number, so that "0x10", " 1" or "" stay strings and their error says what was sent.
const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

function coerceScalar(value: string, to: ParameterCheck['coerce']): unknown {
  if (to === 'number' && NUMBER.test(value)) {
    const number = Number(value);
    // 1e400 is Infinity: never a valid number, so it stays the string that was sent.
    return Number.isFinite(number) ? number : value;
  }
  if (to === 'boolean' && (value === 'true' || value === 'false')) return value === 'true';
  return value;
}

function coerce(parameter: ParameterCheck, raw: string | string[]): unknown {
  if (parameter.array) return (Array.isArray(raw) ? raw : [raw]).map((item) => coerceScalar(item, parameter.coerce));
  // A repeated parameter whose schema is not an array stays the list that was sent, and is refused as one.
  if (Array.isArray(raw)) return raw.length === 1 ? coerceScalar(raw[0], parameter.coerce) : raw;
  return coerceScalar(raw, parameter.coerce);
}

function ownValue<T>(record: Record<string, T> | undefined, name: string): T | undefined {
  return record && Object.prototype.hasOwnProperty.call(record, name) ? record[name] : undefined;
}

/** Header values by lower-case name; of two spellings of one name, the first given wins. */
function headersByLowerCase(headers: ParameterInput['header']): Map<string, string | string[] | undefined> {
  const byName = new Map<string, string | string[] | undefined>();
  for (const [name, value] of Object.entries(headers ?? {})) {
    const key = name.toLowerCase();
    if (!byName.has(key)) byName.set(key, value);
  }
  return byName;
}

/** Checks `input` against `parameters`; unknown query parameters and undeclared headers are ignored. */
export function checkParameters(parameters: readonly ParameterCheck[], input: ParameterInput): ParameterResult {
  const values: ParameterValues = { path: {}, query: {}, header: {} };
  const errors: ValidationProblem[] = [];
  const headers = headersByLowerCase(input.header);
  for (const parameter of parameters) {
    const raw = parameter.in === 'header' ? headers.get(parameter.name.toLowerCase()) : ownValue(input[parameter.in], parameter.name);
    const pointer = toPointer([parameter.name]);
    if (raw === undefined) {
      if (parameter.required) errors.push({ in: parameter.in, pointer, message: `Required ${MISSING[parameter.in]} "${parameter.name}" is missing.` });
      continue;
    }
    const value = coerce(parameter, raw);
    if (parameter.check && !parameter.check(value)) {
      for (const problem of explainErrors(parameter.check.errors ?? [], value)) {
        errors.push({ in: parameter.in, pointer: pointer + problem.pointer, message: problem.message });
      }
      continue;
    }
    values[parameter.in][parameter.name] = value;
  }
  return errors.length > 0 ? { valid: false, errors } : { valid: true, values };
}
