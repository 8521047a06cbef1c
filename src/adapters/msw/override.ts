// The types of a typed override: for an operationId of the contract, the statuses it documents and, for
// each, the body its documentation types (generated/types.d.ts), so that a wrong status or a wrong
// body shape is a compile error in the test that overrides it.
import type { operations } from '../../../generated/types.js';

/** An operation of the contract the handlers answer (webhooks are not called on a mock). */
export type ContractOperationId = keyof operations;

type Responses<Id extends ContractOperationId> = operations[Id]['responses'];

/** The statuses `Id` documents, as numbers (`200`, `404`...). */
export type DocumentedStatus<Id extends ContractOperationId> = Extract<keyof Responses<Id>, number>;

/** The JSON body documented for a response, or `undefined` when it has none (`204`). */
type JsonBody<Response> = Response extends { content: { 'application/json': infer Body } } ? Body : undefined;

/** One documented answer of `Id`: its status, and the body typed for that status. */
export type OverrideAnswer<Id extends ContractOperationId> = {
  [Status in DocumentedStatus<Id>]: JsonBody<Responses<Id>[Status]> extends undefined
    ? { status: Status; body?: undefined }
    : { status: Status; body: JsonBody<Responses<Id>[Status]> };
}[DocumentedStatus<Id>];

export interface OverrideOptions {
  /** Answer only the first matching request, then step aside (MSW's `once`). */
  once?: boolean;
}
