// Where a schema comparison stands (which operation, which message, where in its payload) and how
// it reports a change there.
import { toPointer } from '../core/json-pointer.js';
import type { Direction, Effect, Kind } from './classify.js';
import type { Condition, FindingSink, Place, Side } from './findings.js';

type Json = any;

export interface Documents {
  base: Json;
  head: Json;
}

/** What every comparison of one operation shares: both documents, the findings, the operation. */
export interface OperationContext {
  documents: Documents;
  sink: FindingSink;
  /** `document` for what concerns the document as a whole. */
  operationId: string;
}

/** Where a comparison stands: which operation, which message, where in its payload. */
export interface SchemaScope extends OperationContext {
  direction: Direction;
  place: Place;
  /** The pairs of schemas being compared further up: a recursive schema stops where it meets itself. */
  open: ReadonlySet<string>;
}

export type CompareSchemas = (scope: SchemaScope, base: readonly string[], head: readonly string[]) => void;

export function report(scope: SchemaScope, effect: Effect, change: string, side: Side, pointer: string, detail: string): void {
  scope.sink.add({ operationId: scope.operationId, effect, direction: scope.direction, change, side, pointer, detail, place: scope.place });
}

/** The scope one property or item further into the payload. */
export function descend(scope: SchemaScope, token: string): SchemaScope {
  return { ...scope, place: { ...scope.place, path: [...scope.place.path, token] } };
}

export function within(scope: SchemaScope, condition: Condition): SchemaScope {
  return { ...scope, place: { ...scope.place, conditions: [...scope.place.conditions, condition] } };
}

/** The payload location of the current scope, as a pointer for sentences (`/steps/0/type`). */
export function payloadPointer(scope: SchemaScope, ...tokens: string[]): string {
  return toPointer([...scope.place.path, ...tokens]);
}

export const show = (value: unknown): string => JSON.stringify(value);


/** The scope at the root of one message (`request body`, `response 200 body`, `query parameter first`). */
export function messageScope(context: OperationContext, direction: Direction, where: string): SchemaScope {
  return { ...context, direction, place: { where, path: [], conditions: [] }, open: new Set() };
}

/** Reports a change whose kind does not depend on who sends what. */
export function reportOfKind(context: OperationContext, kind: Kind, change: string, side: Side, pointer: string, detail: string): void {
  context.sink.addOfKind(kind, { operationId: context.operationId, change, side, pointer, detail });
}
