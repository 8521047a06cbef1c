// Which module of generated/validators/ each component schema belongs to: the service whose
// operations reach it through `$ref`s, `shared` when several services do. A schema no operation
// reaches (a union of webhook events) goes where the schemas it reaches go.
import { valueAtFragment } from '../core/json-pointer.js';
import type { ValidationPlan } from '../validation/plan.js';
import { SHARED } from './split-modules.js';

// The document is JSON of any shape.
type Json = any;

// Values of these keys are data, not schemas: a `$ref` there is no reference.
const DATA_KEYS = new Set(['const', 'enum', 'example', 'examples', 'default']);

function referencesIn(node: Json, found: string[] = []): string[] {
  if (Array.isArray(node)) for (const item of node) referencesIn(item, found);
  else if (node !== null && typeof node === 'object') {
    if (typeof node.$ref === 'string') found.push(node.$ref);
    for (const [key, value] of Object.entries(node)) if (!DATA_KEYS.has(key)) referencesIn(value, found);
  }
  return found;
}

/** Every pointer reached from `starts` through references (the starts included). */
function reachable(document: Json, starts: Iterable<string>): Set<string> {
  const seen = new Set<string>();
  const pending = [...starts];
  while (pending.length > 0) {
    const pointer = pending.pop()!;
    if (seen.has(pointer)) continue;
    seen.add(pointer);
    pending.push(...referencesIn(valueAtFragment(document, pointer)));
  }
  return seen;
}

/** The pointers of every schema an operation of the plan checks: bodies, their strict variants, parameters. */
export function operationSchemas(operation: ValidationPlan['operations'][number]): string[] {
  const bodies = [operation.request?.body, ...operation.responses.map((response) => response.body)];
  return [
    ...bodies.flatMap((body) => (body?.kind === 'json' ? [body.schema, body.strict] : [])),
    ...operation.parameters.flatMap((parameter) => (parameter.schema ? [parameter.schema] : [])),
  ];
}

/** Component schema name -> its owner: a service name or `shared`. */
export function componentOwners(plan: ValidationPlan): Map<string, string> {
  const reachedBy = new Map<string, Set<string>>();
  for (const operation of plan.operations) {
    for (const pointer of reachable(plan.document, operationSchemas(operation))) {
      if (!reachedBy.has(pointer)) reachedBy.set(pointer, new Set());
      reachedBy.get(pointer)!.add(operation.service);
    }
  }
  const single = (owners: Set<string>) => (owners.size === 1 ? [...owners][0] : SHARED);
  const owners = new Map<string, string>();
  for (const { name, pointer } of plan.schemas) {
    let services = reachedBy.get(pointer);
    if (!services) {
      services = new Set();
      for (const reached of reachable(plan.document, [pointer])) for (const service of reachedBy.get(reached) ?? []) services.add(service);
    }
    owners.set(name, single(services));
  }
  return owners;
}
