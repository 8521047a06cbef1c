// platform-contract/msw/sequences: the in-page and unit-test mock of the Sequences service alone, so that a page
// that mocks only Sequences ships only its operations and validators.
import { demoKeys } from '../../../generated/mock/demo-keys.js';
import * as sequences from '../../../generated/mock/sequences.js';
import type { OperationId } from '../../../generated/mock/sequences.js';
import * as validators from '../../../generated/validators/sequences.js';
import { sequencesLifeCycle } from '../../core/state/sequences.js';
import { handlersFor, type HandlersOptions, type MockHandlers } from './handlers.js';
import { mockedContract } from './tables.js';

export type { HandlersOptions, MockHandlers } from './handlers.js';
export type { DocumentedStatus, OverrideAnswer, OverrideOptions } from './override.js';
export type { OperationId };

/** MSW handlers that answer the Sequences operations as the Node mock server does. */
export function createHandlers(options?: HandlersOptions): MockHandlers<OperationId> {
  return handlersFor(mockedContract([sequences], validators, { sequences: sequencesLifeCycle }, demoKeys), options);
}
