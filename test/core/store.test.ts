// The in-memory store passes the suite every store passes.
import { MemoryStore } from '../../src/core/state/store.js';
import { describeStore } from '../support/store-suite.js';

describeStore('memory', async () => new MemoryStore());
