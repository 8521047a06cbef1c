// What the stateful mock remembers: one space of resources per Rules organization and per bearer
// token of Sequences and Comms, each created from the seed on first use. Plain JSON all the way down,
// so the whole memory is written to a state file as it is.
import type { CommsEnrollment, CommsSequence, EmailSequence, Rule, RuleExecution, Transfer } from '../../generated/types.js';

/** A rule as stored: deleting it only marks it (soft delete, seed 002), so it stays in the record. */
export interface StoredRule {
  rule: Rule;
  deleted_at: string | null;
}

/** One organization's Rules resources. Records keep insertion order, oldest first. */
export interface RulesSpace {
  rules: Record<string, StoredRule>;
  rule_executions: Record<string, RuleExecution>;
  transfers: Record<string, Transfer>;
}

/** One bearer token's email sequences. */
export interface SequencesSpace {
  sequences: Record<string, EmailSequence>;
}

/** One bearer token's comms sequences and enrollments. */
export interface CommsSpace {
  sequences: Record<string, CommsSequence>;
  enrollments: Record<string, CommsEnrollment>;
}

export interface Spaces {
  rules: RulesSpace;
  sequences: SequencesSpace;
  comms: CommsSpace;
}

export type StatefulService = keyof Spaces;

/** The state file's content: every space touched so far, by owner (organization, or `bearer:<token>`). */
export interface StateDocument {
  version: 1;
  rules: Record<string, RulesSpace>;
  sequences: Record<string, SequencesSpace>;
  comms: Record<string, CommsSpace>;
}

export const STATE_VERSION = 1;

export function emptyDocument(): StateDocument {
  return { version: STATE_VERSION, rules: {}, sequences: {}, comms: {} };
}

export class StateStore {
  private document: StateDocument;

  /** `seed` is what every new space starts with (copied, never shared). */
  constructor(
    private readonly seed: Spaces,
    restored: StateDocument = emptyDocument(),
  ) {
    this.document = restored;
  }

  /** The space of `owner` in `service`, seeded on first use. */
  space<S extends StatefulService>(service: S, owner: string): Spaces[S] {
    const spaces = this.document[service] as Record<string, Spaces[S]>;
    if (!Object.hasOwn(spaces, owner)) spaces[owner] = structuredClone(this.seed[service]);
    return spaces[owner];
  }

  /** Forgets everything: the next request of each owner starts again from the seed. */
  reset(): void {
    this.document = emptyDocument();
  }

  /** The live document, for writing to the state file (serialize it before the next change). */
  snapshot(): StateDocument {
    return this.document;
  }
}

/** A record's values, newest first (records keep insertion order, and ids are never re-inserted). */
export function newestFirst<T>(record: Record<string, T>): T[] {
  return Object.values(record).reverse();
}

/** The resource stored under `id`, if any (ids come from paths, so never from the prototype). */
export function lookup<T>(record: Record<string, T>, id: string): T | undefined {
  return Object.hasOwn(record, id) ? record[id] : undefined;
}
