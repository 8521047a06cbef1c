// platform-contract/msw: MSW request handlers that answer every operation of the contract through the
// mock's core, as the Node mock server does (`setupServer` in Node and test runners, `setupWorker` in a
// page). platform-contract/msw/rules, /sequences and /comms mock one service each.
import { demoKeys } from '../../../generated/mock/demo-keys.js';
import * as comms from '../../../generated/mock/comms.js';
import * as rules from '../../../generated/mock/rules.js';
import * as sequences from '../../../generated/mock/sequences.js';
import * as validators from '../../../generated/validators.js';
import { commsLifeCycle } from '../../core/state/comms.js';
import { rulesLifeCycle } from '../../core/state/rules.js';
import { sequencesLifeCycle } from '../../core/state/sequences.js';
import { handlersFor, type HandlersOptions, type MockHandlers } from './handlers.js';
import { mockedContract } from './tables.js';

export type { HandlersOptions, MockHandlers } from './handlers.js';
export type { ContractOperationId, DocumentedStatus, OverrideAnswer, OverrideOptions } from './override.js';

/** Every operationId the handlers answer (webhooks are not called on a mock). */
export type OperationId = rules.OperationId | sequences.OperationId | comms.OperationId;

/** MSW handlers that answer every operation of the contract as the Node mock server does. */
export function createHandlers(options?: HandlersOptions): MockHandlers<OperationId> {
  return handlersFor(mockedContract([rules, sequences, comms], validators, { rules: rulesLifeCycle, sequences: sequencesLifeCycle, comms: commsLifeCycle }, demoKeys), options);
}
