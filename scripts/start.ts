// `npm start`: the mock server's command line (see src/mock/cli.ts, or `npm start -- --help`).
import { main } from '../src/mock/cli.js';

process.exit(await main(process.argv.slice(2)));
