// JSON pointers (RFC 6901) into the bundled document and into payloads.

export type Json = any;

export function escapePointerToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function unescapePointerToken(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** Joins tokens into a fragment pointer: `pointer('#', 'paths', '/api/v1/rules')` is `#/paths/~1api~1v1~1rules`. */
export function pointer(base: string, ...tokens: string[]): string {
  return [base, ...tokens.map(escapePointerToken)].join('/');
}

/** The value at a `#/...` pointer, or undefined when the document has nothing there. */
export function valueAt(document: Json, fragment: string): Json {
  if (!fragment.startsWith('#')) throw new Error(`Only local references are supported, got "${fragment}".`);
  const path = fragment.slice(1);
  if (path === '') return document;
  let value = document;
  for (const token of path.slice(1).split('/').map(unescapePointerToken)) {
    if (value === null || typeof value !== 'object') return undefined;
    value = value[token];
  }
  return value;
}

// A reference may carry a summary or description of its own (OpenAPI 3.1); they change no meaning.
const isBareReference = (value: Json): boolean =>
  value !== null &&
  typeof value === 'object' &&
  typeof value.$ref === 'string' &&
  Object.keys(value).every((key) => key === '$ref' || key === 'summary' || key === 'description');

/**
 * Follows `$ref`s from `fragment` until it reaches an object that is not a bare reference, and
 * returns where it ended. Bundled documents only hold local references.
 */
export function followRefs(document: Json, fragment: string): { pointer: string; value: Json } {
  const seen = new Set<string>();
  let current = fragment;
  let value = valueAt(document, current);
  while (isBareReference(value)) {
    if (seen.has(current)) throw new Error(`Circular $ref at ${current}.`);
    seen.add(current);
    current = value.$ref;
    value = valueAt(document, current);
  }
  if (value === undefined) throw new Error(`${fragment} does not resolve (stopped at ${current}).`);
  return { pointer: current, value };
}
