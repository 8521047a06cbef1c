// npm run bench:bundle: what a browser app ships for (a) one type guard of platform-contract/validators,
// (b) the Rules handlers (platform-contract/msw/rules), (c) all handlers (platform-contract/msw), built
// as Vite builds an app (production, minified, tree-shaken, browser conditions). msw itself is left
// out of (b) and (c): the app has it anyway, whoever writes its handlers; its own weight is printed apart.
import { fileURLToPath } from 'node:url';
import { formatKilobytes as kB, type BundleOptions } from '../src/generate/bundle-size.js';
import { bundleForBrowser } from '../test/support/browser-bundle.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const MSW = { external: ['msw'] };

const cases: Array<{ name: string; source: string; options?: BundleOptions }> = [
  { name: '(a) one type guard: isRule from platform-contract/validators', source: `import { isRule } from '${root}generated/validators.js';\nconsole.log(isRule({}));` },
  { name: '(b) the Rules handlers: platform-contract/msw/rules', source: `import { createHandlers } from '${root}src/adapters/msw/rules.ts';\nconsole.log(createHandlers());`, options: MSW },
  {
    name: '(b) of which the Rules validators (generated/validators/rules.js and what it shares)',
    source: `import * as validators from '${root}generated/validators/rules.js';\nconsole.log(validators);`,
  },
  { name: '(c) all handlers: platform-contract/msw', source: `import { createHandlers } from '${root}src/adapters/msw/index.ts';\nconsole.log(createHandlers());`, options: MSW },
  { name: 'for scale: msw/browser (setupWorker) alone', source: `import { setupWorker } from 'msw/browser';\nconsole.log(setupWorker());` },
];

console.log(`vite build (production, minified), ${process.version}\n`);
console.log('| bundle | raw | gzip |\n|---|---:|---:|');
for (const { name, source, options } of cases) {
  const bundle = await bundleForBrowser(source, options);
  console.log(`| ${name} | ${kB(bundle.raw)} | ${kB(bundle.gzip)} |`);
}
