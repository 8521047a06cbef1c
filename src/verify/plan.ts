// The checks of one operation, planned from the contract and the provider's keys: its documented
// example requests, a request without credentials, request ids, the scope model (scope-checks.ts),
// and the negative cases its schemas imply. Each check the planner cannot make (no fitting key, no
// token, --read-only) is a Skip with the reason.
import { challenge } from '../core/auth.js';
import type { Operation } from '../core/contract.js';
import { SERVICE_TITLES } from '../core/services.js';
import { holdsEverything } from './key-choice.js';
import type { Check, Expectation, Step } from './model.js';
import { MUTATION_KINDS, requestMutations, type MutationKind } from './mutations.js';
import { exampleCaller, OperationPlan, requestProblem, type Caller, type PlanContext } from './planning.js';
import { exampleParts, requestExampleNames, type RequestParts } from './requests.js';
import { answerScopeChecks, planScopeChecks } from './scope-checks.js';

function declaresRequestIdParameter(operation: Operation): boolean {
  return operation.parameters.some((parameter) => parameter.in === 'header' && parameter.name.toLowerCase() === 'x-request-id');
}

function declaresRequestIdHeader(operation: Operation): boolean {
  return operation.responses.some((response) => response.headers.some((name) => name.toLowerCase() === 'x-request-id'));
}

const ECHO_TITLE = 'a sent X-Request-ID is echoed in the header and in request_id';

/** Everything checked of one operation, in the order the report lists it. */
export function planOperation(context: PlanContext, operation: Operation): Step[] {
  const plan = new OperationPlan(context, operation);
  const names = requestExampleNames(operation);
  const examples = (names.length > 0 ? names : [undefined]).map((name) => ({ name, parts: exampleParts(context.document, operation, name) }));
  const first = examples[0].parts;
  const echo = declaresRequestIdParameter(operation);

  examples.forEach(({ name, parts }, index) => {
    const id = name === undefined ? 'example' : `example:${name}`;
    const title = `the documented example request${name === undefined ? '' : ` "${name}"`} gets a documented answer`;
    const caller = exampleCaller(context, operation, parts);
    const withEcho = echo && index === 0;
    if ('reason' in caller) {
      plan.skip(id, title, caller.reason);
      if (withEcho) plan.skip('request-id:echo', ECHO_TITLE, caller.reason);
      return;
    }
    const sent = `verify-${context.newId()}`;
    const checks: Check[] = [{ id, title: `${title} (${caller.label})`, expectations: expectationsForExample(operation, caller) }];
    if (withEcho) checks.push({ id: 'request-id:echo', title: ECHO_TITLE, expectations: [{ kind: 'request-id-echo', sent }] });
    const followUp = index === 0 && operation.permission?.resource?.in === 'response' && context.keys ? answerScopeChecks(context, plan, first, operation.permission, caller) : undefined;
    plan.probe(parts, caller, checks, { ...(withEcho ? { headers: { 'x-request-id': sent } } : {}), ...(followUp ? { followUp } : {}) });
  });

  if (declaresRequestIdHeader(operation)) {
    const caller = exampleCaller(context, operation, first);
    const title = 'without an X-Request-ID, the answer has one, and request_id agrees';
    if ('reason' in caller) plan.skip('request-id:generated', title, caller.reason);
    else plan.probe(first, caller, [{ id: 'request-id:generated', title, expectations: [{ kind: 'request-id-generated' }] }]);
  }

  if (operation.auth !== 'none') {
    const scheme = challenge(operation.auth);
    plan.probe(first, undefined, [
      {
        id: 'auth:no-credentials',
        title: `a request without credentials gets 401 in the ${SERVICE_TITLES[operation.service]} envelope`,
        expectations: [{ kind: 'status', status: 401, rule: `${operation.operationId} needs "Authorization: ${scheme} ..."; without it the contract documents 401` }],
      },
    ]);
  }

  if (operation.permission) planScopeChecks(context, plan, first, operation.permission);
  planNegatives(context, plan, first);
  return plan.steps;
}

function expectationsForExample(operation: Operation, caller: Caller): Expectation[] {
  const requirement = operation.permission;
  const sure = caller.key && requirement && (requirement.resource?.in !== 'response' || holdsEverything(caller.key, requirement.scope));
  return sure ? [{ kind: 'documented' }, { kind: 'not-denied', rule: `${caller.label} holds ${requirement!.scope} for this request` }] : [{ kind: 'documented' }];
}

export interface Negative {
  kind: MutationKind;
  parts: RequestParts;
  description: string;
  /** The contract's words: the first problem its validators find. */
  refusal: string;
}

/** Every mutation of a request (body first, then query) that the contract refuses. */
export function negativesOf(context: PlanContext, operation: Operation, parts: RequestParts): Negative[] {
  return requestMutations(context.document, operation, parts).flatMap((mutation) => {
    const refusal = requestProblem(context.validators, operation, mutation.parts);
    return refusal ? [{ ...mutation, refusal }] : [];
  });
}

function planNegatives(context: PlanContext, plan: OperationPlan, parts: RequestParts): void {
  const { operation } = plan;
  const negatives = negativesOf(context, operation, parts);
  const kinds = MUTATION_KINDS.filter((kind) => negatives.some((negative) => negative.kind === kind));
  if (kinds.length === 0) return;
  const caller = exampleCaller(context, operation, parts);
  for (const kind of kinds) {
    const negative = negatives.find((candidate) => candidate.kind === kind)!;
    const id = `negative:${kind}`;
    const title = `a request ${negative.description} gets a documented 4xx, never 2xx or 5xx`;
    if ('reason' in caller) plan.skip(id, title, caller.reason);
    else plan.probe(negative.parts, caller, [{ id, title: `${title} (${caller.label})`, expectations: [{ kind: 'client-error', rule: `the contract refuses it: ${negative.refusal}` }] }]);
  }
}
