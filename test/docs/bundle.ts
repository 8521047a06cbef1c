// Ways to walk the bundled contract as the docs see it (loadBundledDocument of test/support/contract.ts).
import { followRefs } from '../../src/core/contract.js';

/** Follows local `$ref`s (`#/components/...`) inside a bundled document. */
export function deref<T = any>(document: any, node: any): T {
  return node && typeof node.$ref === 'string' ? followRefs(document, node.$ref).value : node;
}

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** Every path operation of a bundled document, with its path template and method. */
export function operationsOf(document: any): Array<{ path: string; method: string; operation: any }> {
  return Object.entries<any>(document.paths ?? {}).flatMap(([path, item]) =>
    HTTP_METHODS.filter((method) => deref(document, item)?.[method]).map((method) => ({
      path,
      method,
      operation: deref(document, item)[method],
    })),
  );
}
