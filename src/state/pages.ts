// Pagination of stored lists: the Rules service's cursors (`first`, `after`, `page_info`) and the
// Sequences service's offsets (`limit`, `offset`, `pagination`).

/** The cursor of an item: base64 of `cursor:<id>`, as the contract's examples print them. */
export function cursorOf(id: string): string {
  return Buffer.from(`cursor:${id}`).toString('base64url');
}

export type CursorPage<T> =
  | { ok: true; items: T[]; page_info: { end_cursor: string | null; has_next_page: boolean } }
  | { ok: false; message: string };

/** The `first` items after the one `after` points to (from the start without `after`). */
export function cursorPage<T extends { id: string }>(items: T[], first: number, after: string | undefined): CursorPage<T> {
  let start = 0;
  if (after !== undefined) {
    // Node's base64 decoder reads both alphabets, so printed (standard) cursors work too.
    const decoded = Buffer.from(after, 'base64').toString('utf8');
    const index = decoded.startsWith('cursor:') ? items.findIndex(item => item.id === decoded.slice('cursor:'.length)) : -1;
    if (index === -1) return { ok: false, message: 'is not a cursor of this list (pass a previous page_info.end_cursor)' };
    start = index + 1;
  }
  const page = items.slice(start, start + first);
  return {
    ok: true,
    items: page,
    page_info: {
      end_cursor: page.length > 0 ? cursorOf(page[page.length - 1].id) : null,
      has_next_page: start + page.length < items.length,
    },
  };
}

/** `limit` items from `offset`, with the Sequences service's pagination facts. */
export function offsetPage<T>(items: T[], limit: number, offset: number) {
  const page = items.slice(offset, offset + limit);
  return {
    items: page,
    pagination: { count: page.length, hasMore: offset + page.length < items.length, limit, offset, total: items.length },
  };
}
