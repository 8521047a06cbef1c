// What the package ships beside its code: the bundled contract and the demo keys, found from
// src/adapters/node/ and dist/adapters/node/ alike (both sit two levels below the package root).
import { fileURLToPath } from 'node:url';

export const PACKAGE_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const DEFAULT_SPEC = fileURLToPath(new URL('../../../generated/openapi.json', import.meta.url));
export const DEFAULT_KEYS = fileURLToPath(new URL('../../../mock/demo-keys.yaml', import.meta.url));
