// JSON pointers (RFC 6901), the one module for them: into payloads (`/steps/0/actions`), and as
// URI fragments into the contract document (`#/components/schemas/Rule`).

export function escapePointerToken(token: string | number): string {
  return String(token).replace(/~/g, '~0').replace(/\//g, '~1');
}

export function unescapePointerToken(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** The pointer of a path of property names and indexes (`['steps', 0]` -> `/steps/0`). */
export function toPointer(path: ReadonlyArray<string | number>): string {
  let pointer = '';
  for (const token of path) pointer += `/${escapePointerToken(token)}`;
  return pointer;
}

/** The tokens of a pointer (`/steps/0` -> `['steps', '0']`); the empty pointer has none. */
export function pointerTokens(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) throw new Error(`"${pointer}" is not a JSON pointer: it must be empty or start with "/".`);
  return pointer.slice(1).split('/').map(unescapePointerToken);
}

/** The pointer one property or index below `pointer`. */
export function childPointer(pointer: string, token: string | number): string {
  return `${pointer}/${escapePointerToken(token)}`;
}

/**
 * The value at `pointer` in `document`, or undefined when the pointer leads nowhere. Only own
 * properties count, so `/__proto__` or `/constructor` never reach into the prototype.
 */
export function resolvePointer(document: unknown, pointer: string): unknown {
  if (pointer === '') return document;
  if (!pointer.startsWith('/')) return undefined;
  let current: unknown = document;
  for (const token of pointerTokens(pointer)) {
    if (Array.isArray(current)) {
      if (!/^(0|[1-9]\d*)$/.test(token)) return undefined;
      current = current[Number(token)];
    } else if (current !== null && typeof current === 'object' && Object.hasOwn(current, token)) {
      current = (current as Record<string, unknown>)[token];
    } else {
      return undefined;
    }
  }
  return current;
}

/** Joins tokens onto a fragment: `fragment('#', 'paths', '/api/v1/rules')` is `#/paths/~1api~1v1~1rules`. */
export function fragment(base: string, ...tokens: Array<string | number>): string {
  return base + toPointer(tokens);
}

/** The value at a `#/...` fragment of a document, or undefined when the document has nothing there. */
export function valueAtFragment(document: unknown, reference: string): unknown {
  if (!reference.startsWith('#')) throw new Error(`Only local references are supported, got "${reference}".`);
  return resolvePointer(document, reference.slice(1));
}
