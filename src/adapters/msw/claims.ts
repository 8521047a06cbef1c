// Which requests the handlers take: those to the base URL (by default any origin) whose path lies under
// one of the contract's collections. Any other request is left to MSW (the next handler, then
// `onUnhandledRequest`), so an app's own endpoints and assets are not answered 404 by the mock.
import type { Operation } from '../../core/contract.js';

/**
 * A documented path's leading literal segments, up to its first parameter: `/api/v1/rules/{id}` ->
 * `/api/v1/rules`. A request at or below one belongs to the contract, even when no operation matches
 * (the core answers 404 or 405 in the owning service's envelope, as the Node server does).
 */
export function collectionsOf(operations: readonly Operation[]): string[] {
  const collections = new Set<string>();
  for (const operation of operations) {
    if (operation.webhook) continue;
    const segments = operation.path.split('/').slice(1);
    const firstParameter = segments.findIndex((segment) => segment.startsWith('{'));
    const literal = firstParameter === -1 ? segments : segments.slice(0, firstParameter);
    if (literal.length > 0) collections.add(`/${literal.join('/')}`);
  }
  return [...collections];
}

export interface Claims {
  /** The request's path and query as the core reads them, or undefined when the handlers leave it alone. */
  claim(url: string): { path: string; search: string } | undefined;
}

/**
 * `baseUrl`: an absolute URL (`https://api.example.com/base`) fixes the origin and a path prefix; a path
 * (`/base`) only the prefix; none: any origin, no prefix.
 */
export function claimsOf(operations: readonly Operation[], baseUrl?: string): Claims {
  const collections = collectionsOf(operations);
  let origin: string | undefined;
  let prefix = '';
  if (baseUrl !== undefined) {
    const absolute = /^[a-z][a-z\d+.-]*:/i.test(baseUrl);
    const base = new URL(baseUrl, 'http://base.invalid');
    if (absolute) origin = base.origin;
    prefix = base.pathname.replace(/\/+$/, '');
  }
  const under = (path: string, collection: string) => path === collection || path.startsWith(`${collection}/`);
  return {
    claim(href) {
      const url = new URL(href);
      if (origin !== undefined && url.origin !== origin) return undefined;
      if (prefix !== '' && !under(url.pathname, prefix)) return undefined;
      const path = url.pathname.slice(prefix.length) || '/';
      if (!collections.some((collection) => under(path, collection))) return undefined;
      return { path, search: url.search.slice(1) };
    },
  };
}
