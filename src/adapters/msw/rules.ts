// platform-contract/msw/rules: the in-page and unit-test mock of the Rules service alone, so that a page
// that mocks only Rules ships only its operations and validators.
import { demoKeys } from '../../../generated/mock/demo-keys.js';
import * as rules from '../../../generated/mock/rules.js';
import type { OperationId } from '../../../generated/mock/rules.js';
import * as validators from '../../../generated/validators/rules.js';
import { rulesLifeCycle } from '../../core/state/rules.js';
import { handlersFor, type HandlersOptions, type MockHandlers } from './handlers.js';
import { mockedContract } from './tables.js';

export type { HandlersOptions, MockHandlers } from './handlers.js';
export type { DocumentedStatus, OverrideAnswer, OverrideOptions } from './override.js';
export type { OperationId };

/** MSW handlers that answer the Rules operations as the Node mock server does. */
export function createHandlers(options?: HandlersOptions): MockHandlers<OperationId> {
  return handlersFor(mockedContract([rules], validators, { rules: rulesLifeCycle }, demoKeys), options);
}
