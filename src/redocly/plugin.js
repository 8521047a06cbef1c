// Redocly plugin: decorators that turn the source contract into the bundle the mock, docs and validators read.
import { scopeTable } from './scope-table.js';

export default function platformContractPlugin() {
  return {
    id: 'contract',
    decorators: {
      oas3: {
        'scope-table': scopeTable,
      },
    },
  };
}
