// The in-memory engine passes the suite every store passes.
import { memoryEngine } from '../../src/adapters/storage/engine.js';
import { describeStore } from '../support/store-suite.js';

describeStore('memory', async () => memoryEngine());
