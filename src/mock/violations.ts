// Prism's request violations, reworded as the services' `details`: where (a JSON pointer into the body,
// or a parameter's location and `/<name>`) and what is wrong.
import { toPointer } from './json-pointer.js';
import type { Violation } from './prism-engine.js';
import type { ProblemDetail } from './service-errors.js';

/** More details than this help nobody; the first ones name the problem. */
const MAX_DETAILS = 20;

const LOCATIONS = new Set(['body', 'query', 'header', 'path']);

/**
 * Prism words messages as "Request body property steps.0 must have ..."; the pointer already says
 * where, so the message keeps only the "must have ..." part.
 */
function shortMessage(violation: Violation, location: string | undefined, rest: string[]): string {
  if (!location) return violation.message;
  const kind = rest.length > 0 ? (location === 'body' ? 'property ' : 'parameter ') : '';
  const prefix = `Request ${location} ${kind}${rest.join('.')}${rest.length > 0 ? ' ' : ''}`;
  return violation.message.startsWith(prefix) ? violation.message.slice(prefix.length) : violation.message;
}

/** `headerNames` maps lower-case header names to their documented spelling. */
export function toProblemDetails(violations: Violation[], headerNames: Map<string, string>): ProblemDetail[] {
  const details: ProblemDetail[] = [];
  const seen = new Set<string>();
  for (const violation of violations) {
    const [first, ...rest] = violation.path;
    const location = first !== undefined && LOCATIONS.has(first) ? first : undefined;
    const message = shortMessage(violation, location, location ? rest : violation.path);
    let pointer: string;
    let parameterIn: ProblemDetail['in'];
    if (location === 'body' || location === undefined) {
      const path = location ? rest : violation.path;
      // Ajv reports a missing property at its parent; point at the property itself.
      const missing = violation.code === 'required' ? /required property '([^']+)'/.exec(message)?.[1] : undefined;
      pointer = toPointer(missing ? [...path, missing] : path);
    } else {
      // A missing required parameter is reported on the whole location ("query must have required property 'x'").
      const name = rest[0] ?? /required property '([^']+)'/.exec(message)?.[1] ?? '';
      parameterIn = location as ProblemDetail['in'];
      pointer = toPointer([location === 'header' ? (headerNames.get(name.toLowerCase()) ?? name) : name]);
    }
    const id = `${parameterIn ?? 'body'}\u0000${pointer}\u0000${message}`;
    if (seen.has(id)) continue;
    seen.add(id);
    details.push(parameterIn ? { in: parameterIn, pointer, message } : { pointer, message });
    if (details.length === MAX_DETAILS) break;
  }
  return details;
}
