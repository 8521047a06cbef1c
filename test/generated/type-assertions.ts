// Type-level tests of generated/types.d.ts and generated/validators.d.ts, checked by `npm run
// typecheck` (tsconfig.json includes test/), which `npm test` runs: a failing assertion, or an
// `@ts-expect-error` that no longer errs, is a compile error there.
import { expectTypeOf } from 'vitest';
import type { components, operations, paths, Rule, RuleTrigger } from '../../generated/types.js';
import {
  isRule,
  validateParameters,
  validateRequest,
  validateResponse,
  type OperationId,
  type ValidationProblem,
  type ValidationResult,
} from '../../generated/validators.js';
import * as rulesValidators from '../../generated/validators/rules.js';

// The createRule body narrows on trigger.type.
type CreateRuleBody = operations['createRule']['requestBody']['content']['application/json'];
type CreateRuleTrigger = CreateRuleBody['trigger'];
expectTypeOf<CreateRuleTrigger>().toEqualTypeOf<RuleTrigger>();
expectTypeOf<Extract<CreateRuleTrigger, { type: 'ON_FUNDS_TRANSFERRED' }>>().toEqualTypeOf<components['schemas']['OnFundsTransferredTrigger']>();
expectTypeOf<Extract<CreateRuleTrigger, { type: 'SCHEDULED' }>>().toEqualTypeOf<components['schemas']['ScheduledTrigger']>();
expectTypeOf<CreateRuleTrigger['type']>().toEqualTypeOf<'ON_FUNDS_TRANSFERRED' | 'SCHEDULED' | 'MANUAL'>();

export function accountOf(trigger: CreateRuleTrigger): string | undefined {
  if (trigger.type === 'ON_FUNDS_TRANSFERRED') {
    expectTypeOf(trigger.account_id).toEqualTypeOf<string>();
    return trigger.account_id;
  }
  // @ts-expect-error only the ON_FUNDS_TRANSFERRED branch has account_id
  return trigger.account_id;
}

// @ts-expect-error an unknown trigger type is not a createRule trigger
export const bogusTrigger: CreateRuleTrigger = { type: 'BOGUS', account_id: 'acc_01HABC4567' };

// POST /v1/sequences requires brand_id.
type CreateCommsSequenceBody = paths['/v1/sequences']['post']['requestBody']['content']['application/json'];
expectTypeOf<CreateCommsSequenceBody['brand_id']>().toEqualTypeOf<string>();
expectTypeOf<{ name: string; steps: [] }>().not.toExtend<CreateCommsSequenceBody>();
// @ts-expect-error brand_id is required
export const withoutBrand: CreateCommsSequenceBody = { name: 'Onboarding', steps: [] };

// A Rules 200 response has request_id.
type GetRuleOk = paths['/api/v1/rules/{id}']['get']['responses'][200]['content']['application/json'];
expectTypeOf<GetRuleOk['request_id']>().toEqualTypeOf<string>();
expectTypeOf<GetRuleOk['data']>().toEqualTypeOf<Rule>();
type ListAccountsOk = operations['listAccounts']['responses'][200]['content']['application/json'];
expectTypeOf<ListAccountsOk>().toHaveProperty('request_id');

// A field with a default stays optional in a request (defaultNonNullable: false).
type CreateEmailSequenceBody = operations['createEmailSequence']['requestBody']['content']['application/json'];
expectTypeOf<{ name: string; trigger: 'contact_added'; goal: string }>().toExtend<CreateEmailSequenceBody>();

// The validators are typed with the same operationIds and component types.
expectTypeOf(validateRequest).parameter(0).toEqualTypeOf<OperationId>();
expectTypeOf(validateResponse).returns.toEqualTypeOf<ValidationResult>();
// @ts-expect-error not an operationId of the contract
validateRequest('createRules', {});

export function ruleId(value: unknown): string | undefined {
  if (isRule(value)) {
    expectTypeOf(value).toEqualTypeOf<components['schemas']['Rule']>();
    return value.id;
  }
  return undefined;
}

export function firstError(result: ValidationResult): string | undefined {
  return result.valid ? undefined : `${result.errors[0]?.pointer}: ${result.errors[0]?.message}`;
}

// Errors are the contract's ValidationProblem; a parameter's says where it is.
expectTypeOf<ValidationProblem>().toEqualTypeOf<{ in?: 'path' | 'query' | 'header'; pointer: string; message: string }>();
validateRequest('createRule', {}, { strict: true });

// validateParameters answers the coerced values, typed as the operation's parameters.
export function firstOf(query: Record<string, string>): number | undefined {
  const result = validateParameters('listTransfers', { query });
  if (!result.valid) return undefined;
  expectTypeOf(result.values.query.account_id).toEqualTypeOf<string>();
  expectTypeOf(result.values.header['X-Request-ID']).toEqualTypeOf<string | undefined>();
  expectTypeOf(result.values.path).toEqualTypeOf<Record<string, never>>();
  return result.values.query.first;
}

// A service's module knows only that service's operations and schemas.
expectTypeOf(rulesValidators.validateRequest).parameter(0).toEqualTypeOf<rulesValidators.OperationId>();
expectTypeOf<'createRule'>().toExtend<rulesValidators.OperationId>();
expectTypeOf<'createCommsSequence'>().not.toExtend<rulesValidators.OperationId>();
// @ts-expect-error EmailSequence is a Sequences schema
rulesValidators.validateSchema('EmailSequence', {});
