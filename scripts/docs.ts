// `npm run docs [-- --mock-url URL]`: renders the reference docs into dist/docs/ and prints the page's
// path; --mock-url aims the curl samples at another mock than http://127.0.0.1:4010.
import { parseArgs } from 'node:util';
import { buildDocs } from '../src/docs/build.js';

try {
  const { values } = parseArgs({ options: { 'mock-url': { type: 'string' } }, strict: true, allowPositionals: false });
  console.log(await buildDocs({ mockUrl: values['mock-url'] }));
} catch (error) {
  console.error(`docs: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
