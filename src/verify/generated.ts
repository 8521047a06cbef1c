// `--requests N`: N more requests made by fast-check from the operations' schemas (bodies, optional
// query parameters, path values), valid ones and mutated ones, with a seed so that a run repeats.
// A candidate the contract's validators refuse is discarded (the schemas' `not`, `anyOf`, `oneOf`
// and `if/then` decide, not the generator); a mutation is kept only when they refuse it.
import fc from 'fast-check';
import { jsonContent, type Operation, type Parameter } from '../core/contract.js';
import { arbitraryFor } from './arbitraries.js';
import type { Check, Expectation, Step } from './model.js';
import { requestMutations } from './mutations.js';
import { exampleParts, type RequestParts } from './requests.js';
import { allows, holdsEverything } from './key-choice.js';
import { exampleCaller, factsOf, OperationPlan, requestProblem, WRITE_METHODS, type Caller, type PlanContext } from './planning.js';

/** Candidates tried per request wanted before an operation is given up (its schemas refuse too many). */
const ATTEMPTS_PER_REQUEST = 20;
/** Candidates per request wanted in each batch: most candidates are valid, so one batch usually does. */
const BATCH_SIZE = 2;
/** About one request in three is a mutated one. */
const MUTATED_SHARE = 3;

export interface GeneratedPlan {
  steps: Step[];
  /** Candidates the contract's validators refused, so never sent as valid. */
  discarded: number;
  /** Operations for which no valid candidate was found, with why. */
  exhausted: string[];
}

interface Candidate {
  parts: RequestParts;
  mutate: boolean;
  pick: number;
}

const queryParameters = (operation: Operation) => operation.parameters.filter((parameter) => parameter.in === 'query');

function valueArbitrary(context: PlanContext, parameter: Parameter): fc.Arbitrary<string> {
  const schema = parameter.schema ? { $ref: parameter.schema } : {};
  return arbitraryFor(context.document, schema).map((value) => (typeof value === 'string' ? value : JSON.stringify(value)));
}

/** The request's parts as an arbitrary; the permission's own path or query value stays the example's unless the key holds everything. */
function partsArbitrary(context: PlanContext, operation: Operation, caller: Caller): fc.Arbitrary<RequestParts> {
  const example = exampleParts(context.document, operation);
  const requirement = operation.permission;
  const pinned = requirement?.resource && (requirement.resource.in === 'path' || requirement.resource.in === 'query') && !(caller.key && holdsEverything(caller.key, requirement.scope)) ? requirement.resource.name : undefined;
  // Writes go only to documented example ids: a generated id could name a real resource of the provider's.
  const write = WRITE_METHODS.has(operation.method);
  const path: Record<string, fc.Arbitrary<string>> = {};
  for (const parameter of operation.parameters.filter((candidate) => candidate.in === 'path')) {
    const documented = fc.constant(example.pathParams[parameter.name]);
    // A path segment is never empty: an empty one is another route.
    path[parameter.name] = parameter.name === pinned || write ? documented : fc.oneof(documented, valueArbitrary(context, parameter).filter((value) => value !== ''));
  }
  const query: Record<string, fc.Arbitrary<string>> = {};
  const requiredKeys: string[] = [];
  for (const parameter of queryParameters(operation)) {
    if (parameter.name === pinned) query[parameter.name] = fc.constant(example.query[parameter.name]);
    else query[parameter.name] = parameter.required ? fc.oneof(fc.constant(example.query[parameter.name]), valueArbitrary(context, parameter)) : valueArbitrary(context, parameter);
    if (parameter.required) requiredKeys.push(parameter.name);
  }
  const content = operation.requestBody ? jsonContent(operation.requestBody.contents) : undefined;
  const body: fc.Arbitrary<unknown> = content?.schema
    ? operation.requestBody!.required
      ? arbitraryFor(context.document, { $ref: content.schema })
      : fc.option(arbitraryFor(context.document, { $ref: content.schema }), { nil: undefined, freq: 5 })
    : fc.constant(undefined);
  return fc.record({ path: fc.record(path), query: fc.record(query, { requiredKeys }), body }).map(({ path: pathParams, query: values, body: value }): RequestParts => {
    const headers: Record<string, string> = value !== undefined && content ? { 'content-type': content.mediaType } : {};
    return { pathParams, query: values as Record<string, string>, headers, ...(value !== undefined ? { body: value } : {}) };
  });
}

/** The caller generated requests use: the one of the documented examples (for Rules, the broadest fitting key). */
function generatedCaller(context: PlanContext, operation: Operation): Caller | undefined {
  const caller = exampleCaller(context, operation, exampleParts(context.document, operation));
  return 'reason' in caller ? undefined : caller;
}

/** What a generated request's answer must be: valid ones a documented answer (and 403 exactly when the key does not allow it). */
function expectationsFor(context: PlanContext, operation: Operation, caller: Caller, parts: RequestParts, refusal: string | undefined): Expectation[] {
  if (refusal) return [{ kind: 'client-error', rule: `the contract refuses it: ${refusal}` }];
  const requirement = operation.permission;
  if (!caller.key || !requirement) return [{ kind: 'documented' }];
  if (requirement.resource?.in === 'response' && !holdsEverything(caller.key, requirement.scope)) return [{ kind: 'documented' }];
  return allows(caller.key, requirement, factsOf(parts))
    ? [{ kind: 'documented' }, { kind: 'not-denied', rule: `${caller.label} holds ${requirement.scope} for this request` }]
    : [{ kind: 'status', status: 403, rule: `x-permission of ${operation.operationId} requires ${requirement.scope}, which ${caller.label} does not hold for this request` }];
}

/** The operations generated requests go to: callable with the credentials given, writes left out under --read-only. */
export function generatedOperations(context: PlanContext, operations: Operation[]): Operation[] {
  return operations.filter((operation) => !operation.webhook && !(context.readOnly && WRITE_METHODS.has(operation.method)) && generatedCaller(context, operation));
}

/** A seed per operation and batch, derived from the run's seed so that the run repeats. */
function batchSeed(seed: number, operation: number, batch: number): number {
  return (seed ^ Math.imul(operation + 1, 0x9e3779b1) ^ Math.imul(batch + 1, 0x85ebca6b)) | 0;
}

/** `count` requests spread evenly over `operations`, from `seed`. */
export function planGenerated(context: PlanContext, operations: Operation[], count: number, seed: number): GeneratedPlan {
  const eligible = generatedOperations(context, operations);
  const steps: Step[] = [];
  let discarded = 0;
  const exhausted: string[] = [];
  if (eligible.length === 0 || count <= 0) return { steps, discarded, exhausted };
  eligible.forEach((operation, index) => {
    const wanted = Math.floor(count / eligible.length) + (index < count % eligible.length ? 1 : 0);
    if (wanted === 0) return;
    const caller = generatedCaller(context, operation)!;
    const plan = new OperationPlan(context, operation);
    const arbitrary = fc.record({ parts: partsArbitrary(context, operation, caller), mutate: fc.nat(MUTATED_SHARE - 1).map((n) => n === 0), pick: fc.nat() });
    let made = 0;
    // Candidates come in batches, each from its own seed, until enough are valid or the attempts run out.
    for (let batch = 0; made < wanted && batch * wanted * BATCH_SIZE < wanted * ATTEMPTS_PER_REQUEST; batch++) {
      const candidates = fc.sample(arbitrary, { seed: batchSeed(seed, index, batch), numRuns: wanted * BATCH_SIZE }) as Candidate[];
      for (const candidate of candidates) {
        if (made === wanted) break;
        if (requestProblem(context.validators, operation, candidate.parts)) {
          discarded++;
          continue;
        }
        made++;
        const { parts, description, refusal } = candidate.mutate ? mutated(context, operation, candidate) : { parts: candidate.parts, description: 'valid', refusal: undefined };
        const check: Check = {
          id: `generated:${made}`,
          title: `generated request ${made} (${description}, ${caller.label})`,
          expectations: expectationsFor(context, operation, caller, parts, refusal),
        };
        plan.probe(parts, caller, [check]);
      }
    }
    steps.push(...plan.steps);
    if (made < wanted) exhausted.push(`${operation.operationId}: ${made} of ${wanted} (the contract refused the other candidates)`);
  });
  return { steps, discarded, exhausted };
}

/** One mutation of a valid candidate, picked by the candidate's own number; the valid request when none applies. */
function mutated(context: PlanContext, operation: Operation, candidate: Candidate): { parts: RequestParts; description: string; refusal: string | undefined } {
  const options = requestMutations(context.document, operation, candidate.parts);
  if (options.length === 0) return { parts: candidate.parts, description: 'valid', refusal: undefined };
  const chosen = options[candidate.pick % options.length];
  const refusal = requestProblem(context.validators, operation, chosen.parts);
  return refusal ? { parts: chosen.parts, description: chosen.description, refusal } : { parts: chosen.parts, description: `valid after ${chosen.description}`, refusal: undefined };
}
