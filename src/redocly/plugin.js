// Redocly plugin: decorators that turn the source contract into the bundle the mock, docs and validators read.
import { scopeTable } from './scope-table.js';
import { codeSamples } from './code-samples.js';
import { extensionNotes } from './extension-notes.js';
import { authSection } from './auth-section.js';
import { mockServer } from './mock-server.js';

export default function platformContractPlugin() {
  return {
    id: 'contract',
    decorators: {
      oas3: {
        'scope-table': scopeTable,
        'code-samples': codeSamples,
        'extension-notes': extensionNotes,
        'auth-section': authSection,
        'mock-server': mockServer,
      },
    },
  };
}
