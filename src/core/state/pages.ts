// Pagination of stored lists: the Rules service's cursors (`first`, `after`, `page_info`) and the
// Sequences service's offsets (`limit`, `offset`, `pagination`), over a space's newest-first scan.
import type { Space } from './space.js';

function base64url(text: string): string {
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64(text: string): string | undefined {
  const standard = text.replace(/-/g, '+').replace(/_/g, '/');
  try {
    return atob(standard + '='.repeat((4 - (standard.length % 4)) % 4));
  } catch {
    return undefined;
  }
}

/** The cursor of an item: base64 of `cursor:<id>`, as the contract's examples print them. */
export function cursorOf(id: string): string {
  return base64url(`cursor:${id}`);
}

/** The id a cursor points to; printed (standard base64) cursors work too. */
export function idOfCursor(cursor: string): string | undefined {
  const decoded = fromBase64(cursor);
  return decoded?.startsWith('cursor:') ? decoded.slice('cursor:'.length) : undefined;
}

export type CursorPage<T> =
  | { ok: true; items: T[]; page_info: { end_cursor: string | null; has_next_page: boolean } }
  | { ok: false; message: string };

/** The `first` items matching `keep` after the one `after` points to (from the newest without `after`). */
export async function cursorPage<S, T extends { id: string }>(
  space: Space,
  collection: string,
  view: (stored: S) => T | undefined,
  first: number,
  after: string | undefined,
): Promise<CursorPage<T>> {
  let start: string | undefined;
  if (after !== undefined) {
    start = idOfCursor(after);
    const stored = start === undefined ? undefined : await space.get<S>(collection, start);
    if (stored === undefined || view(stored) === undefined) return { ok: false, message: 'Not a cursor of this list: pass a previous page_info.end_cursor.' };
  }
  const items: T[] = [];
  let hasNext = false;
  for await (const { value } of space.scan<S>(collection, start)) {
    const item = view(value);
    if (item === undefined) continue;
    if (items.length === first) {
      hasNext = true;
      break;
    }
    items.push(item);
  }
  return { ok: true, items, page_info: { end_cursor: items.length > 0 ? cursorOf(items[items.length - 1].id) : null, has_next_page: hasNext } };
}

/** `limit` items matching `view` from `offset`, with the Sequences service's pagination facts. */
export async function offsetPage<S, T>(space: Space, collection: string, view: (stored: S) => T | undefined, limit: number, offset: number) {
  const items: T[] = [];
  let total = 0;
  for await (const { value } of space.scan<S>(collection)) {
    const item = view(value);
    if (item === undefined) continue;
    if (total >= offset && items.length < limit) items.push(item);
    total++;
  }
  return { items, pagination: { count: items.length, hasMore: offset + items.length < total, limit, offset, total } };
}

/** Every item matching `view`, newest first (the lists the contract does not page). */
export async function allItems<S, T>(space: Space, collection: string, view: (stored: S) => T | undefined): Promise<T[]> {
  const items: T[] = [];
  for await (const { value } of space.scan<S>(collection)) {
    const item = view(value);
    if (item !== undefined) items.push(item);
  }
  return items;
}
