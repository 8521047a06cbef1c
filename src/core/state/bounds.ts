// The bounds of stateful mode: how many caller spaces a store holds, how many resources of one kind a
// space holds, and how large one stored resource may be. A change past a bound is refused, whole, in
// the owning service's envelope: a mock-only answer, outside the contract like the reset route.
import { errors } from '../errors.js';
import type { ServiceError } from '../services.js';

export interface StoreBounds {
  /** Caller spaces (Rules organizations, bearer tokens per service) a store holds. */
  maxSpaces: number;
  /** Resources of one kind (rules, transfers, sequences...) one space holds, deleted ones included. */
  maxResources: number;
  /** Bytes of one stored resource, as JSON in UTF-8. */
  maxResourceBytes: number;
}

/** The defaults, and why, are in the README's "Bounds" (and in DECISIONS.md). */
export const DEFAULT_BOUNDS: StoreBounds = { maxSpaces: 1000, maxResources: 1000, maxResourceBytes: 256 * 1024 };

/** The command-line option that changes each bound, named in the refusals. */
export const BOUND_OPTIONS: Record<keyof StoreBounds, string> = {
  maxSpaces: '--max-spaces',
  maxResources: '--max-resources',
  maxResourceBytes: '--max-resource-bytes',
};

/** Thrown inside a transaction, so that nothing of the refused change is kept; the responder answers it. */
export class BoundExceeded extends Error {
  override name = 'BoundExceeded';

  constructor(
    readonly error: ServiceError,
    /** One line for X-Mock-Reason. */
    readonly reason: string,
  ) {
    super(error.message);
  }
}

export const boundErrors = {
  tooManyResources(collection: string, owner: string, limit: number): BoundExceeded {
    return new BoundExceeded(
      errors.tooManyResources(collection, owner, limit, BOUND_OPTIONS.maxResources),
      `mock-only bound: at most ${limit} ${collection.replace(/_/g, ' ')} per caller space (${BOUND_OPTIONS.maxResources})`,
    );
  },
  tooManySpaces(limit: number): BoundExceeded {
    return new BoundExceeded(errors.tooManySpaces(limit, BOUND_OPTIONS.maxSpaces), `mock-only bound: at most ${limit} caller spaces per store (${BOUND_OPTIONS.maxSpaces})`);
  },
  resourceTooLarge(collection: string, bytes: number, limit: number): BoundExceeded {
    return new BoundExceeded(
      errors.resourceTooLarge(collection, bytes, limit, BOUND_OPTIONS.maxResourceBytes),
      `mock-only bound: at most ${limit} bytes per stored resource (${BOUND_OPTIONS.maxResourceBytes})`,
    );
  },
};

/**
 * The size of `value` as stored JSON. A number JSON cannot write (Infinity, NaN) would be stored as
 * null without a word: the parse stage refuses them, so meeting one here is a bug, and nothing is stored.
 */
export function storedBytes(value: unknown): number {
  const json = JSON.stringify(value, (_key, item: unknown) => {
    if (typeof item === 'number' && !Number.isFinite(item)) throw new Error(`A resource to store holds the number ${item}, which JSON cannot write.`);
    return item;
  });
  return new TextEncoder().encode(json).byteLength;
}
