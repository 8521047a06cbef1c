// Compares what a schema says by `oneOf`/`anyOf`, `not` and `if`/`then`/`else`: a tagged union's
// variants are paired by their tag values, other alternatives by their component, their shape or
// their order; where that cannot be done, one conservative finding names the composition.
import { followRefs } from '../core/contract.js';
import { unescapePointerToken, valueAtFragment } from '../core/json-pointer.js';
import { byKey, pairUp } from './pairing.js';
import { schemaEquality, type SchemaEquality } from './same-schema.js';
import { schemaView, type Composition, type Conditional, type SchemaView } from './schema-view.js';
import { payloadPointer, report, show, within, type CompareSchemas, type SchemaScope } from './scope.js';

type Json = any;

/** A union told apart by one property: the property, and the values each branch takes. */
interface Tag {
  property: string;
  values: string[][];
}

const COMPONENT_SCHEMA = /^#\/components\/schemas\/([^/]+)$/;

/** Where a branch's schema is once references are followed. */
function target(document: Json, location: string): string {
  return followRefs(document, location).pointer;
}

function discriminatorValues(document: Json, composition: Composition, branch: string): string[] {
  const discriminator = composition.discriminator?.value;
  if (!discriminator) return [];
  const at = target(document, branch);
  const mapped = Object.entries(discriminator.mapping)
    .filter(([, ref]) => {
      try {
        return target(document, ref.startsWith('#') ? ref : `#/components/schemas/${ref}`) === at;
      } catch {
        return false;
      }
    })
    .map(([value]) => value);
  if (mapped.length > 0) return mapped;
  // Without a mapping, a discriminator's value is the component's name.
  const name = COMPONENT_SCHEMA.exec(at)?.[1];
  return name ? [unescapePointerToken(name)] : [];
}

function tagValues(document: Json, view: SchemaView, property: string, composition: Composition, branch: string): string[] {
  const locations = view.properties.get(property);
  const values = locations ? schemaView(document, locations).enum?.value : undefined;
  if (values && values.length > 0 && values.every((value) => typeof value === 'string')) return values as string[];
  return discriminatorValues(document, composition, branch);
}

/** The union's tag: the discriminator's property, or a property every branch fixes to its own values. */
function tagOf(document: Json, composition: Composition): Tag | undefined {
  const views = composition.branches.map((branch) => schemaView(document, [branch]));
  const candidates = composition.discriminator ? [composition.discriminator.value.propertyName] : [...(views[0]?.properties.keys() ?? [])];
  for (const property of candidates) {
    const values = views.map((view, index) => tagValues(document, view, property, composition, composition.branches[index]!));
    const all = values.flat();
    if (values.every((list) => list.length > 0) && new Set(all).size === all.length) return { property, values };
  }
  return undefined;
}

const sameComposition = (equality: SchemaEquality) => (a: Composition, b: Composition) =>
  a.keyword === b.keyword && a.branches.length === b.branches.length && a.branches.every((branch, index) => equality.same(branch, b.branches[index]!));

export function compareCompositions(scope: SchemaScope, before: SchemaView, after: SchemaView, compare: CompareSchemas): void {
  const { base, head } = scope.documents;
  const equality = schemaEquality(base, head);
  const tags = new Map<Composition, Tag | undefined>();
  const tag = (document: Json, composition: Composition) => {
    if (!tags.has(composition)) tags.set(composition, tagOf(document, composition));
    return tags.get(composition);
  };
  const { pairs, onlyBase, onlyHead } = pairUp(before.compositions, after.compositions, [
    sameComposition(equality),
    (a, b) => a.keyword === b.keyword && tag(base, a) !== undefined && tag(base, a)?.property === tag(head, b)?.property,
    (a, b) => a.keyword === b.keyword,
  ]);
  for (const [was, now] of pairs) compareComposition(scope, was, now, tag(base, was), tag(head, now), compare);
  // What is left on both sides was rewritten (a oneOf became an anyOf...): too different to compare.
  const rewritten = Math.min(onlyBase.length, onlyHead.length);
  for (let index = 0; index < rewritten; index++) tooDifferent(scope, onlyBase[index]!, onlyHead[index]!);
  for (const was of onlyBase.slice(rewritten)) report(scope, 'wider', 'composition', 'base', was.pointer, `no longer has to match the ${was.keyword} of ${was.branches.length} alternatives`);
  for (const now of onlyHead.slice(rewritten)) report(scope, 'narrower', 'composition', 'head', now.pointer, `must now match the ${now.keyword} of ${now.branches.length} alternatives`);
}

function tooDifferent(scope: SchemaScope, was: Composition, now: Composition): void {
  report(scope, 'different', 'composition', 'head', now.pointer,
    `the ${was.keyword} of ${was.branches.length} alternatives became a ${now.keyword} of ${now.branches.length} too different to compare: treat it as changed`);
}

/**
 * The discriminator changes nothing on the wire, but generated clients read it to type the union.
 * Its mapping follows the variants, which are reported on their own.
 */
function compareDiscriminators(scope: SchemaScope, was: Composition, now: Composition): void {
  if (was.discriminator?.value.propertyName === now.discriminator?.value.propertyName) return;
  const [side, pointer] = now.discriminator ? (['head', now.discriminator.pointer] as const) : (['base', was.discriminator!.pointer] as const);
  report(scope, 'documentation', 'discriminator', side, pointer, `discriminator ${now.discriminator ? (was.discriminator ? 'changed' : 'added') : 'removed'} (generated clients may type the union differently)`);
}

function compareComposition(scope: SchemaScope, was: Composition, now: Composition, wasTag: Tag | undefined, nowTag: Tag | undefined, compare: CompareSchemas): void {
  compareDiscriminators(scope, was, now);
  if (wasTag && nowTag && wasTag.property === nowTag.property) return compareTagged(scope, was, now, wasTag, nowTag, compare);
  if (wasTag || nowTag) return tooDifferent(scope, was, now);
  const { base, head } = scope.documents;
  const equality = schemaEquality(base, head);
  const { pairs, onlyBase, onlyHead } = pairUp(was.branches.map((_, index) => index), now.branches.map((_, index) => index), [
    byKey((index) => bareTarget(base, was.branches[index]!), (index) => bareTarget(head, now.branches[index]!)),
    (a, b) => equality.same(was.branches[a]!, now.branches[b]!),
  ]);
  let left = { onlyBase, onlyHead };
  if (onlyBase.length === onlyHead.length) {
    onlyBase.forEach((index, order) => pairs.push([index, onlyHead[order]!]));
    left = { onlyBase: [], onlyHead: [] };
  } else if ((onlyBase.length > 0 && onlyHead.length > 0) || was.keyword === 'oneOf') {
    // An alternative added to a oneOf can make a message match two, which a oneOf refuses.
    return tooDifferent(scope, was, now);
  }
  for (const [a, b] of pairs) compare(within(scope, { label: `in ${now.keyword} alternative ${b + 1}` }), [was.branches[a]!], [now.branches[b]!]);
  for (const a of left.onlyBase) report(scope, 'narrower', 'alternative', 'base', was.branches[a]!, `${was.keyword} alternative ${a + 1} removed`);
  for (const b of left.onlyHead) report(scope, 'wider', 'alternative', 'head', now.branches[b]!, `new ${now.keyword} alternative ${b + 1}`);
}

/** The component a branch names by a plain `$ref`, to pair branches by name. */
function bareTarget(document: Json, location: string): string | undefined {
  const written = valueAtFragment(document, location) as Json;
  return written && typeof written.$ref === 'string' ? target(document, location) : undefined;
}

function compareTagged(scope: SchemaScope, was: Composition, now: Composition, wasTag: Tag, nowTag: Tag, compare: CompareSchemas): void {
  const overlaps = (a: number, b: number) => wasTag.values[a]!.some((value) => nowTag.values[b]!.includes(value));
  const branchesA = was.branches.map((_, index) => index);
  const branchesB = now.branches.map((_, index) => index);
  // A variant split in two, or two merged into one, is a rewrite rather than a change of one variant.
  if (branchesA.some((a) => branchesB.filter((b) => overlaps(a, b)).length > 1) || branchesB.some((b) => branchesA.filter((a) => overlaps(a, b)).length > 1)) {
    return tooDifferent(scope, was, now);
  }
  const { pairs, onlyBase, onlyHead } = pairUp(branchesA, branchesB, [overlaps]);
  const subject = payloadPointer(scope, nowTag.property);
  const values = (list: string[]) => list.map(show).join(' or ');
  const of = nowTag.values.flat();
  for (const [a, b] of pairs) {
    const conditioned = nowTag.values[b]!.reduce((inner, value) => within(inner, { subject, value, of }), scope);
    compare(conditioned, [was.branches[a]!], [now.branches[b]!]);
  }
  for (const a of onlyBase) report(scope, 'narrower', 'variant', 'base', was.branches[a]!, `variant where ${wasTag.property} is ${values(wasTag.values[a]!)} removed`);
  for (const b of onlyHead) report(scope, 'wider', 'variant', 'head', now.branches[b]!, `new variant where ${nowTag.property} is ${values(nowTag.values[b]!)}`);
}

/** `not` inverts every rule inside it, so a changed one is reported once, as breaking. */
export function compareNots(scope: SchemaScope, before: SchemaView, after: SchemaView): void {
  const equality = schemaEquality(scope.documents.base, scope.documents.head);
  const { onlyBase, onlyHead } = pairUp(before.nots, after.nots, [(a, b) => equality.same(a, b)]);
  const rewritten = Math.min(onlyBase.length, onlyHead.length);
  for (let index = 0; index < rewritten; index++) report(scope, 'different', 'not', 'head', onlyHead[index]!, 'the "not" rule changed');
  for (const was of onlyBase.slice(rewritten)) report(scope, 'wider', 'not', 'base', was, 'a "not" rule removed');
  for (const now of onlyHead.slice(rewritten)) report(scope, 'narrower', 'not', 'head', now, 'a new "not" rule');
}

/** The condition of an `if` in words when it only fixes properties (`when /enrollmentMode is "matching_field"`). */
function describeIf(scope: SchemaScope, document: Json, conditional: Conditional): string {
  const view = schemaView(document, [conditional.if]);
  const fixed = [...view.properties].map(([name, locations]) => [name, schemaView(document, locations).enum?.value] as const);
  if (fixed.length > 0 && fixed.every(([name, values]) => values?.length === 1 && view.required.has(name))) {
    return `when ${fixed.map(([name, values]) => `${payloadPointer(scope, name)} is ${show(values![0])}`).join(' and ')}`;
  }
  return `when the "if" at ${conditional.if} holds`;
}

/** `if` as written: the same condition pairs; its `then` and `else` compare like any schema. */
export function compareConditionals(scope: SchemaScope, before: SchemaView, after: SchemaView, compare: CompareSchemas): void {
  const { base, head } = scope.documents;
  const equality = schemaEquality(base, head);
  const { pairs, onlyBase, onlyHead } = pairUp(before.conditionals, after.conditionals, [(a, b) => equality.same(a.if, b.if)]);
  for (const [was, now] of pairs) {
    const condition = describeIf(scope, head, now);
    for (const branch of ['then', 'else'] as const) {
      const label = branch === 'then' ? condition : `unless ${condition.replace(/^when /, '')}`;
      if (was[branch] && now[branch]) compare(within(scope, { label }), [was[branch]], [now[branch]]);
      else if (now[branch]) report(scope, 'narrower', 'condition', 'head', now[branch], `new "${branch}" rule ${label}`);
      else if (was[branch]) report(scope, 'wider', 'condition', 'base', was[branch], `"${branch}" rule ${label} removed`);
    }
  }
  const rewritten = Math.min(onlyBase.length, onlyHead.length);
  for (let index = 0; index < rewritten; index++) {
    report(scope, 'different', 'condition', 'head', onlyHead[index]!.if, `the condition changed to: ${describeIf(scope, head, onlyHead[index]!)}`);
  }
  for (const was of onlyBase.slice(rewritten)) report(scope, 'wider', 'condition', 'base', was.if, `conditional rule removed (${describeIf(scope, base, was)})`);
  for (const now of onlyHead.slice(rewritten)) report(scope, 'narrower', 'condition', 'head', now.if, `new conditional rule (${describeIf(scope, head, now)})`);
}
