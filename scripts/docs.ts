// `npm run docs`: renders the reference docs into dist/docs/ and prints the page's path.
import { buildDocs } from '../src/docs/build.js';

try {
  console.log(await buildDocs());
} catch (error) {
  console.error(`docs: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
