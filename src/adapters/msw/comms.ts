// platform-contract/msw/comms: the in-page and unit-test mock of the Comms service alone, so that a page
// that mocks only Comms ships only its operations and validators.
import { demoKeys } from '../../../generated/mock/demo-keys.js';
import * as comms from '../../../generated/mock/comms.js';
import type { OperationId } from '../../../generated/mock/comms.js';
import * as validators from '../../../generated/validators/comms.js';
import { commsLifeCycle } from '../../core/state/comms.js';
import { handlersFor, type HandlersOptions, type MockHandlers } from './handlers.js';
import { mockedContract } from './tables.js';

export type { HandlersOptions, MockHandlers } from './handlers.js';
export type { DocumentedStatus, OverrideAnswer, OverrideOptions } from './override.js';
export type { OperationId };

/** MSW handlers that answer the Comms operations as the Node mock server does. */
export function createHandlers(options?: HandlersOptions): MockHandlers<OperationId> {
  return handlersFor(mockedContract([comms], validators, { comms: commsLifeCycle }, demoKeys), options);
}
