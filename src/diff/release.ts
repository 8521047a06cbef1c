// Which release a contract is checked against and whether a breaking change is allowed: the latest
// release tag `v<major>[.<minor>[.<patch>]]` (pre-releases such as v2.0.0-rc.1 are not releases),
// and a breaking change only with a raised major version in `info.version`.

interface Version {
  numbers: number[];
}

function parseTag(tag: string): Version | undefined {
  const match = /^v(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(tag);
  return match ? { numbers: [1, 2, 3].map((group) => Number(match[group] ?? 0)) } : undefined;
}

const compare = (a: Version, b: Version) => a.numbers.reduce((order, value, index) => order || value - b.numbers[index]!, 0);

/** The highest release tag among `tags`, or undefined when there is none. */
export function latestReleaseTag(tags: readonly string[]): string | undefined {
  let best: { tag: string; version: Version } | undefined;
  for (const tag of tags) {
    const version = parseTag(tag);
    if (version && (!best || compare(version, best.version) > 0)) best = { tag, version };
  }
  return best?.tag;
}

/** The major number of a semantic version (`2.1.0`, `v2`), or undefined when it has none. */
export function majorVersion(version: string): number | undefined {
  const match = /^v?(\d+)(?:\.|$|-|\+)/.exec(version.trim());
  return match ? Number(match[1]) : undefined;
}

export type Verdict =
  | { ok: true; reason: 'no-breaking' | 'major-raised' }
  | { ok: false; reason: 'major-kept' | 'no-version' };

/** A breaking change passes only when HEAD's `info.version` has a higher major than BASE's. */
export function judgeRelease(breaking: number, baseVersion: string, headVersion: string): Verdict {
  if (breaking === 0) return { ok: true, reason: 'no-breaking' };
  const [was, now] = [majorVersion(baseVersion), majorVersion(headVersion)];
  if (was === undefined || now === undefined) return { ok: false, reason: 'no-version' };
  return now > was ? { ok: true, reason: 'major-raised' } : { ok: false, reason: 'major-kept' };
}
