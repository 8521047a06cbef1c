// RFC 6901 JSON pointers: reading a value at a pointer, and writing a path as a pointer.

/** The value at `pointer` in `document`, or undefined when the pointer leads nowhere. */
export function resolvePointer(document: unknown, pointer: string): unknown {
  if (pointer === '') return document;
  if (!pointer.startsWith('/')) return undefined;
  let current: unknown = document;
  for (const raw of pointer.slice(1).split('/')) {
    const token = raw.replace(/~1/g, '/').replace(/~0/g, '~');
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

/** The pointer of a path of property names and indexes (`['steps', 0]` -> `/steps/0`). */
export function toPointer(path: ReadonlyArray<string | number>): string {
  return path.map(token => `/${String(token).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}
