// Compares a schema of BASE with the same schema of HEAD, keyword by keyword and through `$ref`s,
// and reports each difference with its effect on the messages the schema allows.
import type { Effect } from './classify.js';
import { compareCompositions, compareConditionals, compareNots } from './compositions.js';
import { pairUp } from './pairing.js';
import { schemaEquality, sameJson } from './same-schema.js';
import { LOWER_BOUNDS, schemaView, UPPER_BOUNDS, type Bound, type JsonType, type SchemaView, type Written, type WrittenKeyword } from './schema-view.js';
import { descend, report, show, type CompareSchemas, type SchemaScope } from './scope.js';

/** Compares the schemas written at `base` (in BASE) and `head` (in HEAD), all of each list applying at once. */
export const compareSchemas: CompareSchemas = (scope, base, head) => {
  const before = schemaView(scope.documents.base, base);
  const after = schemaView(scope.documents.head, head);
  const key = `${scope.direction}\u0000${before.sources.join(' ')}\u0000${after.sources.join(' ')}`;
  if (scope.open.has(key)) return;
  const inner: SchemaScope = { ...scope, open: new Set([...scope.open, key]) };
  compareTypes(inner, before, after);
  compareEnums(inner, before, after);
  compareBounds(inner, before, after);
  compareObjects(inner, before, after);
  compareItems(inner, before, after);
  compareCompositions(inner, before, after, compareSchemas);
  compareNots(inner, before, after);
  compareConditionals(inner, before, after, compareSchemas);
  compareAccess(inner, before, after);
  compareDefaults(inner, before, after);
  compareAnnotations(inner, before.annotations, after.annotations);
  compareOpaque(inner, before.opaque, after.opaque);
};

/** Whether a value of `type` is valid under `types` (undefined: any type; an integer is a number). */
function allows(types: JsonType[] | undefined, type: JsonType): boolean {
  return types === undefined || types.includes(type) || (type === 'integer' && types.includes('number'));
}

const describeTypes = (types: JsonType[] | undefined) => (types === undefined ? 'any type' : types.length === 0 ? 'nothing' : types.join(' or '));

function compareTypes(scope: SchemaScope, before: SchemaView, after: SchemaView): void {
  const was = before.types?.value;
  const now = after.types?.value;
  const added = now === undefined ? (was === undefined ? [] : ['any']) : now.filter((type) => !allows(was, type));
  const removed = was === undefined ? (now === undefined ? [] : ['any']) : was.filter((type) => !allows(now, type));
  if (added.length === 0 && removed.length === 0) return;
  const [side, pointer] = after.types ? (['head', after.types.pointer] as const) : (['base', before.types!.pointer] as const);
  const range = `from ${describeTypes(was)} to ${describeTypes(now)}`;
  if (removed.length === 0 && added.length === 1 && added[0] === 'null') report(scope, 'wider', 'nullable', side, pointer, 'now nullable');
  else if (added.length === 0 && removed.length === 1 && removed[0] === 'null') report(scope, 'narrower', 'nullable', side, pointer, 'no longer nullable');
  else if (removed.length === 0) report(scope, 'wider', 'type', side, pointer, `type widened ${range}`);
  else if (added.length === 0) report(scope, 'narrower', 'type', side, pointer, `type narrowed ${range}`);
  else report(scope, 'different', 'type', side, pointer, `type changed ${range}`);
}

const listValues = (values: unknown[]) => values.map(show).join(', ');

function compareEnums(scope: SchemaScope, before: SchemaView, after: SchemaView): void {
  const was = before.enum;
  const now = after.enum;
  if (!was && !now) return;
  if (!was) return report(scope, 'narrower', 'enum', 'head', now!.pointer, `now limited to ${listValues(now!.value)}`);
  if (!now) return report(scope, 'wider', 'enum', 'base', was.pointer, `no longer limited to ${listValues(was.value)}`);
  const removed = was.value.filter((value) => !now.value.some((other) => sameJson(value, other)));
  const added = now.value.filter((value) => !was.value.some((other) => sameJson(value, other)));
  if (removed.length > 0 && added.length > 0) {
    const detail = was.value.length === 1 && now.value.length === 1
      ? `value changed from ${show(was.value[0])} to ${show(now.value[0])}`
      : `allowed values changed: ${listValues(removed)} removed, ${listValues(added)} added`;
    report(scope, 'different', 'enum', 'head', now.pointer, detail);
  } else if (removed.length > 0) {
    report(scope, 'narrower', 'enum', 'head', now.pointer, `${removed.length > 1 ? 'values' : 'value'} ${listValues(removed)} no longer allowed`);
  } else if (added.length > 0) {
    const note = scope.direction === 'response' ? ' (clients that handle each value may not handle it)' : '';
    report(scope, 'wider', 'enum', 'head', now.pointer, `new allowed ${added.length > 1 ? 'values' : 'value'} ${listValues(added)}${note}`);
  }
}

const isLower = (bound: Bound) => (LOWER_BOUNDS as readonly string[]).includes(bound);
const isUpper = (bound: Bound) => (UPPER_BOUNDS as readonly string[]).includes(bound);

function compareBounds(scope: SchemaScope, before: SchemaView, after: SchemaView): void {
  const bounds = new Set<Bound>([...before.bounds.keys(), ...after.bounds.keys()]);
  for (const bound of bounds) {
    const was = before.bounds.get(bound);
    const now = after.bounds.get(bound);
    if (was && now && sameJson(was.value, now.value)) continue;
    if (!was) {
      report(scope, 'narrower', 'bound', 'head', now!.pointer, `${bound} ${show(now!.value)} added`);
    } else if (!now) {
      report(scope, 'wider', 'bound', 'base', was.pointer, `${bound} removed (was ${show(was.value)})`);
    } else {
      report(scope, boundEffect(bound, was, now), 'bound', 'head', now.pointer, boundDetail(bound, was, now));
    }
  }
}

function boundEffect(bound: Bound, was: Written<unknown>, now: Written<unknown>): Effect {
  const [a, b] = [was.value, now.value];
  if (typeof a === 'number' && typeof b === 'number') {
    if (isLower(bound)) return b > a ? 'narrower' : 'wider';
    if (isUpper(bound)) return b < a ? 'narrower' : 'wider';
    // multipleOf: a multiple of the old step allows fewer values, a divisor more.
    if (b % a === 0) return 'narrower';
    if (a % b === 0) return 'wider';
  }
  return 'different';
}

function boundDetail(bound: Bound, was: Written<unknown>, now: Written<unknown>): string {
  const [a, b] = [was.value, now.value];
  if (typeof a === 'number' && typeof b === 'number' && (isLower(bound) || isUpper(bound))) {
    return `${bound} ${b > a ? 'raised' : 'lowered'} from ${a} to ${b}`;
  }
  return `${bound} changed from ${show(a)} to ${show(b)}`;
}

function compareObjects(scope: SchemaScope, before: SchemaView, after: SchemaView): void {
  const request = scope.direction === 'request';
  const names = new Set([...before.properties.keys(), ...after.properties.keys(), ...before.required.keys(), ...after.required.keys()]);
  for (const name of names) {
    const was = before.properties.get(name);
    const now = after.properties.get(name);
    const wasRequired = before.required.get(name);
    const nowRequired = after.required.get(name);
    const child = descend(scope, name);
    if (was && now) {
      compareSchemas(child, was, now);
    } else if (was) {
      if (wasRequired) report(child, 'different', 'property-removed', 'base', was[0]!, 'required property removed');
      else report(child, 'narrower', 'property-removed', 'base', was[0]!, request && !after.closed ? 'property removed (the server no longer reads it)' : 'property removed');
      continue;
    } else if (now) {
      if (nowRequired) report(child, 'narrower', 'property-added', 'head', now[0]!, request ? 'new required property' : 'new property, always present');
      else report(child, 'addition', 'property-added', 'head', now[0]!, 'new optional property');
      continue;
    }
    if (wasRequired && !nowRequired) report(child, 'wider', 'required', 'base', wasRequired, request ? 'no longer required' : 'no longer always present (was required)');
    if (!wasRequired && nowRequired) report(child, 'narrower', 'required', 'head', nowRequired, request ? 'now required' : 'now always present');
  }
  if (!before.closed && after.closed) report(scope, 'narrower', 'closed', 'head', after.closed, 'unknown properties are now refused');
  if (before.closed && !after.closed) report(scope, 'addition', 'closed', 'base', before.closed, 'unknown properties are now allowed');
  if (before.closed || after.closed) return;
  if (before.additional.length > 0 && after.additional.length > 0) compareSchemas(descend(scope, '*'), before.additional, after.additional);
  else if (after.additional.length > 0) report(scope, 'narrower', 'additional-properties', 'head', after.additional[0]!, 'other properties must now match a schema');
  else if (before.additional.length > 0) report(scope, 'wider', 'additional-properties', 'base', before.additional[0]!, 'other properties no longer have to match a schema');
}

function compareItems(scope: SchemaScope, before: SchemaView, after: SchemaView): void {
  if (before.items.length > 0 && after.items.length > 0) compareSchemas(descend(scope, '0'), before.items, after.items);
  else if (after.items.length > 0) report(scope, 'narrower', 'items', 'head', after.items[0]!, 'items must now match a schema');
  else if (before.items.length > 0) report(scope, 'wider', 'items', 'base', before.items[0]!, 'items no longer have to match a schema');
}

/** readOnly matters to whoever sends a request (it may not send the value), writeOnly to whoever reads a response. */
function compareAccess(scope: SchemaScope, before: SchemaView, after: SchemaView): void {
  for (const [keyword, matters] of [['readOnly', 'request'], ['writeOnly', 'response']] as const) {
    const was = before[keyword]?.value === true;
    const now = after[keyword]?.value === true;
    if (was === now) continue;
    const [side, pointer] = now ? (['head', after[keyword]!.pointer] as const) : (['base', before[keyword]!.pointer] as const);
    // A new readOnly lets the client send less; a new writeOnly lets the answer hold less.
    const effect: Effect = scope.direction !== matters ? 'documentation' : keyword === 'readOnly' ? (now ? 'narrower' : 'wider') : now ? 'wider' : 'narrower';
    const detail = keyword === 'readOnly'
      ? now ? 'now read-only: clients may not send it' : 'no longer read-only'
      : now ? 'now write-only: answers may leave it out' : 'no longer write-only';
    report(scope, effect, keyword === 'readOnly' ? 'read-only' : 'write-only', side, pointer, detail);
  }
}

function compareDefaults(scope: SchemaScope, before: SchemaView, after: SchemaView): void {
  const was = before.default;
  const now = after.default;
  if (was && now && !sameJson(was.value, now.value)) {
    const note = scope.direction === 'request' ? ' (what the server assumes when it is omitted)' : '';
    report(scope, 'default-changed', 'default', 'head', now.pointer, `default changed from ${show(was.value)} to ${show(now.value)}${note}`);
  } else if (now && !was) {
    report(scope, 'documentation', 'default', 'head', now.pointer, `default ${show(now.value)} added`);
  } else if (was && !now) {
    report(scope, 'documentation', 'default', 'base', was.pointer, `default removed (was ${show(was.value)})`);
  }
}

/** Annotations paired by keyword, then by value, then in order: a reworded description is one change. */
export function compareAnnotations(scope: SchemaScope, before: readonly WrittenKeyword[], after: readonly WrittenKeyword[]): void {
  const { pairs, onlyBase, onlyHead } = pairUp(before, after, [
    (a, b) => a.keyword === b.keyword && sameJson(a.value, b.value),
    (a, b) => a.keyword === b.keyword,
  ]);
  for (const [was, now] of pairs) {
    if (sameJson(was.value, now.value)) continue;
    if (now.keyword === 'deprecated') report(scope, 'documentation', 'deprecated', 'head', now.pointer, now.value === true ? 'now deprecated' : 'no longer deprecated');
    else report(scope, 'documentation', 'documentation', 'head', now.pointer, `${now.keyword} changed`);
  }
  for (const now of onlyHead) {
    if (now.keyword === 'deprecated') report(scope, 'documentation', 'deprecated', 'head', now.pointer, now.value === true ? 'now deprecated' : 'no longer deprecated');
    else report(scope, 'documentation', 'documentation', 'head', now.pointer, `${now.keyword} added`);
  }
  for (const was of onlyBase) {
    if (was.keyword === 'deprecated' && was.value === true) report(scope, 'documentation', 'deprecated', 'base', was.pointer, 'no longer deprecated');
    else if (was.keyword !== 'deprecated') report(scope, 'documentation', 'documentation', 'base', was.pointer, `${was.keyword} removed`);
  }
}

const parentOf = (pointer: string) => pointer.slice(0, pointer.lastIndexOf('/'));

/** Keywords the diff does not reason about (patternProperties, prefixItems...): any change may refuse what was valid. */
function compareOpaque(scope: SchemaScope, before: readonly WrittenKeyword[], after: readonly WrittenKeyword[]): void {
  const equality = schemaEquality(scope.documents.base, scope.documents.head);
  const { pairs, onlyBase, onlyHead } = pairUp(before, after, [(a, b) => a.keyword === b.keyword]);
  for (const [was, now] of pairs) {
    if (!equality.sameKeyword(parentOf(was.pointer), parentOf(now.pointer), now.keyword)) {
      report(scope, 'different', 'keyword', 'head', now.pointer, `${now.keyword} changed (not compared in detail)`);
    }
  }
  for (const now of onlyHead) report(scope, 'different', 'keyword', 'head', now.pointer, `${now.keyword} added (not compared in detail)`);
  for (const was of onlyBase) report(scope, 'different', 'keyword', 'base', was.pointer, `${was.keyword} removed (not compared in detail)`);
}
