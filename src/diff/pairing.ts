// Pairs the items of two lists (BASE's and HEAD's) by a series of ever looser tests: what is written
// alike first, then what has the same name, then what is left in order.

export interface Pairing<A, B> {
  pairs: Array<[A, B]>;
  /** BASE's items no test paired: removed. */
  onlyBase: A[];
  /** HEAD's items no test paired: added. */
  onlyHead: B[];
}

export function pairUp<A, B>(base: readonly A[], head: readonly B[], tests: ReadonlyArray<(a: A, b: B) => boolean>): Pairing<A, B> {
  let onlyBase = [...base];
  let onlyHead = [...head];
  const pairs: Array<[A, B]> = [];
  for (const test of tests) {
    const unpaired: A[] = [];
    for (const a of onlyBase) {
      const index = onlyHead.findIndex((b) => test(a, b));
      if (index === -1) {
        unpaired.push(a);
      } else {
        pairs.push([a, onlyHead[index]!]);
        onlyHead = [...onlyHead.slice(0, index), ...onlyHead.slice(index + 1)];
      }
    }
    onlyBase = unpaired;
  }
  return { pairs, onlyBase, onlyHead };
}

/** Tests a pair by a key each side computes; items without a key never pair. */
export function byKey<A, B>(baseKey: (a: A) => unknown, headKey: (b: B) => unknown): (a: A, b: B) => boolean {
  return (a, b) => {
    const key = baseKey(a);
    return key !== undefined && key === headKey(b);
  };
}
