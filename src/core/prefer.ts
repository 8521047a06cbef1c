// What a client may ask the mock to answer with, as Prism reads it: `Prefer: code=404, example=name,
// dynamic=true, seed=x` (or, without a Prefer header, the `__code`, `__example`, `__dynamic`, `__seed` query parameters).

/** What the client asked the mock to answer with. */
export interface MockPreferences {
  code?: number;
  exampleKey?: string;
  dynamic?: boolean;
  seed?: string;
}

/** `source` says where the preferences were read (`header:Prefer`, `query:__code`...), to name it when one is ignored. */
export type PreferencesResult = { ok: true; preferences: MockPreferences; source: string } | { ok: false; source: string; message: string };

const QUERY_NAMES: Record<string, keyof MockPreferences> = {
  __code: 'code',
  __example: 'exampleKey',
  __dynamic: 'dynamic',
  __seed: 'seed',
};

/** Splits `code=404, example="x"; dynamic=true` into name/value pairs (RFC 7240 tokens). */
function parsePreferHeader(header: string): Map<string, string> {
  const pairs = new Map<string, string>();
  for (const part of header.split(/[,;]/)) {
    const [rawName, ...rest] = part.split('=');
    const name = rawName.trim().toLowerCase();
    if (!name) continue;
    pairs.set(name, rest.join('=').trim().replace(/^"(.*)"$/, '$1'));
  }
  return pairs;
}

/** Reads the mock preferences; an unusable value is reported with where it came from. */
export function readPreferences(
  preferHeader: string | undefined,
  query: Record<string, string | string[]>,
): PreferencesResult {
  const raw = new Map<keyof MockPreferences, { value: string; pointer: string }>();
  if (preferHeader !== undefined && preferHeader.trim() !== '') {
    const pairs = parsePreferHeader(preferHeader);
    for (const [name, key] of [
      ['code', 'code'],
      ['example', 'exampleKey'],
      ['dynamic', 'dynamic'],
      ['seed', 'seed'],
    ] as const) {
      const value = pairs.get(name);
      if (value !== undefined) raw.set(key, { value, pointer: 'header:Prefer' });
    }
  } else {
    for (const [name, key] of Object.entries(QUERY_NAMES)) {
      const value = query[name];
      if (value !== undefined) raw.set(key, { value: Array.isArray(value) ? value[0] : value, pointer: `query:${name}` });
    }
  }

  const preferences: MockPreferences = {};
  for (const [key, { value, pointer }] of raw) {
    if (key === 'code') {
      if (!/^[1-5]\d\d$/.test(value)) return { ok: false, source: pointer, message: `code must be a 3-digit HTTP status, not "${value}"` };
      preferences.code = Number(value);
    } else if (key === 'dynamic') {
      if (value !== 'true' && value !== 'false') return { ok: false, source: pointer, message: `dynamic must be true or false, not "${value}"` };
      preferences.dynamic = value === 'true';
    } else if (key === 'exampleKey') {
      preferences.exampleKey = value;
    } else {
      preferences.seed = value;
    }
  }
  const [first] = raw.values();
  return { ok: true, preferences, source: first?.pointer ?? 'header:Prefer' };
}

/** The query without the `__code`-style mock controls, so they never reach the operation's validation. */
export function withoutMockControls(query: Record<string, string | string[]>): Record<string, string | string[]> {
  let stripped: Record<string, string | string[]> | undefined;
  for (const name of Object.keys(QUERY_NAMES)) {
    if (name in query) {
      stripped ??= { ...query };
      delete stripped[name];
    }
  }
  return stripped ?? query;
}
