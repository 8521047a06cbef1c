// Loads Prism's HTTP package once, deferring @faker-js/faker: Prism requires it (with every locale,
// about 0.6 s) when it loads, but only uses it to generate `dynamic=true` bodies.
import { createRequire, Module } from 'node:module';

type PrismHttp = typeof import('@stoplight/prism-http');

const require = createRequire(import.meta.url);
let prismHttp: PrismHttp | undefined;

/** An object that forwards every use to `resolve()`, called on first use; `own` values are kept as they are. */
function lazy(resolve: () => Record<string, unknown>, own: Record<string, unknown> = {}): Record<string, unknown> {
  return new Proxy(own, {
    get: (target, name) => {
      if (Object.hasOwn(target, name)) return target[name as string];
      const real = resolve();
      const value = real[name as string];
      return typeof value === 'function' ? value.bind(real) : value;
    },
    has: (target, name) => Object.hasOwn(target, name) || name in resolve(),
  });
}

/** Puts a stand-in for faker in the require cache; its exports load the real faker on first use. */
function deferFaker(): void {
  const fromPrism = createRequire(require.resolve('@stoplight/prism-http'));
  let fakerPath: string;
  try {
    fakerPath = fromPrism.resolve('@faker-js/faker');
  } catch {
    return; // a Prism without faker: nothing to defer
  }
  if (require.cache[fakerPath]) return;
  let real: Record<string, unknown> | undefined;
  const load = (): Record<string, unknown> => {
    if (!real) {
      delete require.cache[fakerPath];
      real = fromPrism(fakerPath) as Record<string, unknown>;
    }
    return real;
  };
  const standIn = new Module(fakerPath) as Module & { filename: string; loaded: boolean };
  standIn.filename = fakerPath;
  standIn.loaded = true;
  // json-schema-faker reads `faker.default` as soon as Prism registers it, so that export is lazy too.
  standIn.exports = lazy(load, { default: lazy(() => load().default as Record<string, unknown>) });
  require.cache[fakerPath] = standIn;
}

export function loadPrismHttp(): PrismHttp {
  if (!prismHttp) {
    deferFaker();
    prismHttp = require('@stoplight/prism-http') as PrismHttp;
  }
  return prismHttp;
}
