// The findings of a diff: each change once per operation and place in the contract, with the payload
// locations it affects merged into one sentence a client developer can act on.
import { toPointer } from '../core/json-pointer.js';
import { classify, type Direction, type Effect, type Kind } from './classify.js';

/** Which document a finding's pointer points into: HEAD, or BASE for what HEAD no longer has. */
export type Side = 'base' | 'head';

export interface Finding {
  kind: Kind;
  /** The operation the change affects, or `document` for the document as a whole. */
  operationId: string;
  /** A JSON pointer, as a URI fragment (`#/components/schemas/Rule/required/2`), into `side`'s bundled document. */
  pointer: string;
  side: Side;
  /** A stable name of the kind of change (`enum`, `bound`, `required`, `operation-removed`...). */
  change: string;
  message: string;
}

/**
 * Within a payload, a branch the change is limited to: a tag value (`of` lists every value the tag
 * takes, so that a change found in every variant is not said to be limited to some), or another label.
 */
export type Condition = { subject: string; value: string; of: readonly string[] } | { label: string };

/** Where in a message a schema change lies, for the sentence: `request body property /steps/0/amount`. */
export interface Place {
  /** `request body`, `response 200 body`, `query parameter first`... */
  where: string;
  /** The tokens of the payload location (`['steps', '0', 'amount']`). */
  path: readonly string[];
  conditions: readonly Condition[];
}

export interface Change {
  operationId: string;
  effect: Effect;
  direction: Direction;
  change: string;
  side: Side;
  pointer: string;
  /** What changed, in words: `maximum lowered from 100000 to 50000`. */
  detail: string;
  /** Absent for a change to the operation itself (`GET /api/v1/rules removed`). */
  place?: Place;
}

interface Entry {
  kind: Kind;
  change: Change;
  paths: string[];
  conditions: Condition[];
}

const MAX_PATHS_SHOWN = 3;

/** Collects changes; one finding per operation, kind, change, pointer and wording. */
export class FindingSink {
  private readonly entries = new Map<string, Entry>();

  /** A change classified by its effect on whoever sends the message it lies in. */
  add(change: Change): void {
    this.put(classify(change.effect, change.direction), change);
  }

  /** A change whose kind does not depend on a message's direction (an operation removed, a scope changed). */
  addOfKind(kind: Kind, change: Omit<Change, 'effect' | 'direction' | 'place'>): void {
    this.put(kind, { ...change, effect: kind === 'breaking' ? 'different' : 'documentation', direction: 'request' });
  }

  private put(kind: Kind, change: Change): void {
    const key = JSON.stringify([change.operationId, kind, change.change, change.side, change.pointer, change.place?.where ?? '', change.detail]);
    let entry = this.entries.get(key);
    if (!entry) {
      entry = { kind, change, paths: [], conditions: [] };
      this.entries.set(key, entry);
    }
    if (change.place) {
      const path = toPointer(change.place.path);
      if (!entry.paths.includes(path)) entry.paths.push(path);
      for (const condition of change.place.conditions) {
        if (!entry.conditions.some((known) => JSON.stringify(known) === JSON.stringify(condition))) entry.conditions.push(condition);
      }
    }
  }

  findings(): Finding[] {
    return [...this.entries.values()].map(({ kind, change, paths, conditions }) => ({
      kind,
      operationId: change.operationId,
      pointer: change.pointer,
      side: change.side,
      change: change.change,
      message: change.place ? `${describePlace(change.place.where, paths)}: ${change.detail}${describeConditions(conditions)}` : change.detail,
    }));
  }
}

function listed(items: string[], conjunction = 'and'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

function describePlace(where: string, paths: string[]): string {
  const inPayload = paths.filter((path) => path !== '');
  if (inPayload.length === 0) return where;
  const shown = inPayload.slice(0, MAX_PATHS_SHOWN);
  if (inPayload.length > MAX_PATHS_SHOWN) shown.push(`${inPayload.length - MAX_PATHS_SHOWN} more`);
  const last = inPayload[0]!.split('/').pop()!;
  const noun = /^(0|[1-9]\d*)$/.test(last) ? 'item' : 'property';
  const root = paths.includes('') ? ' (and the value itself)' : '';
  return `${where} ${inPayload.length > 1 ? `${noun === 'item' ? 'items' : 'properties'}` : noun} ${listed(shown)}${root}`;
}

function describeConditions(conditions: Condition[]): string {
  if (conditions.length === 0) return '';
  const bySubject = new Map<string, { values: string[]; of: Set<string> }>();
  const labels: string[] = [];
  for (const condition of conditions) {
    if ('label' in condition) {
      if (!labels.includes(condition.label)) labels.push(condition.label);
    } else {
      const tag = bySubject.get(condition.subject) ?? { values: [], of: new Set<string>() };
      if (!tag.values.includes(condition.value)) tag.values.push(condition.value);
      for (const value of condition.of) tag.of.add(value);
      bySubject.set(condition.subject, tag);
    }
  }
  const tags = [...bySubject].filter(([, { values, of }]) => [...of].some((value) => !values.includes(value)));
  const parts = [...tags.map(([subject, { values }]) => `when ${subject} is ${listed(values.map((value) => JSON.stringify(value)), 'or')}`), ...labels];
  return parts.length === 0 ? '' : ` (${parts.join('; ')})`;
}
