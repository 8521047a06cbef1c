// Type-level tests of the typed override, checked by `npm run typecheck` (which `npm test` runs): a
// status the operation does not document, or a body of another shape, does not compile.
import type { HttpHandler } from 'msw';
import { expectTypeOf } from 'vitest';
import type { CommsSequence, RuleResponse, RulesError } from '../../generated/types.js';
import { createHandlers, type OverrideAnswer } from '../../src/adapters/msw/index.js';
import { createHandlers as createRulesHandlers } from '../../src/adapters/msw/rules.js';

declare const rule: RuleResponse;
declare const notFound: RulesError;
declare const commsSequence: CommsSequence;

const handlers = createHandlers();
expectTypeOf(handlers).toExtend<HttpHandler[]>();
expectTypeOf(handlers.override('getRule', { status: 404, body: notFound })).toEqualTypeOf<HttpHandler>();

// Each documented status carries the body its documentation types, and a 204 none.
expectTypeOf<Extract<OverrideAnswer<'getRule'>, { status: 200 }>['body']>().toEqualTypeOf<RuleResponse>();
expectTypeOf<Extract<OverrideAnswer<'getRule'>, { status: 403 }>['body']>().toEqualTypeOf<RulesError>();
expectTypeOf<OverrideAnswer<'getRule'>['status']>().toEqualTypeOf<200 | 400 | 401 | 403 | 404>();
handlers.override('getRule', { status: 200, body: rule });
handlers.override('deleteRule', { status: 204 });
handlers.override('getCommsSequence', { status: 200, body: commsSequence });

// @ts-expect-error 418 is not a status getRule documents
handlers.override('getRule', { status: 418, body: notFound });
// @ts-expect-error a 404 of getRule is the Rules error envelope, not a rule
handlers.override('getRule', { status: 404, body: rule });
// @ts-expect-error a 200 of getRule needs its body
handlers.override('getRule', { status: 200 });
// @ts-expect-error a rule without its request_id is not a getRule answer
handlers.override('getRule', { status: 200, body: { data: rule.data } });
// @ts-expect-error a 204 has no body
handlers.override('deleteRule', { status: 204, body: rule });
// @ts-expect-error not an operationId of the contract
handlers.override('getRules', { status: 200, body: rule });
// @ts-expect-error webhooks are sent by the service, not answered by the mock
handlers.override('onTransferCreated', { status: 200 });

const rulesHandlers = createRulesHandlers();
rulesHandlers.override('getRule', { status: 200, body: rule });
// @ts-expect-error the Rules handlers answer no Comms operation
rulesHandlers.override('getCommsSequence', { status: 200, body: commsSequence });
