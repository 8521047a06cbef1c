// The benchmark's parts: every contender checks the same thing, and the measurements are sane.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as validators from '../../generated/validators.js';
import {
  bestThroughput,
  markdownTable,
  measureThroughput,
  median,
  runtimeAjv,
  schemasafe,
  standaloneGuard,
  standaloneRequest,
  type Payload,
} from '../../src/generate/benchmark.js';

const document = JSON.parse(readFileSync(new URL('../../generated/openapi.json', import.meta.url), 'utf8'));
const rule = JSON.parse(readFileSync(new URL('../fixtures/seeds/000_createRule_request.json', import.meta.url), 'utf8')).value;
const payload: Payload = { label: 'seed rule', operationId: 'createRule', schema: '#/components/schemas/RuleCreateRequest', body: rule };

describe('the contenders', () => {
  it.each([standaloneGuard(validators), standaloneRequest(validators), standaloneRequest(validators, true), runtimeAjv(document), schemasafe(document)])(
    '$name accepts the seed rule and rejects it with an unknown trigger type',
    (contender) => {
      const check = contender.compile(payload);
      expect(check(rule)).toBe(true);
      expect(check({ ...rule, trigger: { type: 'BOGUS', account_id: 'acc_01HABC4567' } })).toBe(false);
    },
  );
});

describe('the measurements', () => {
  it('count calls per second on the real clock: a finite positive rate, with the function called', () => {
    let calls = 0;
    const perSecond = measureThroughput(() => calls++, { durationMs: 5, warmup: 3 });
    expect(calls).toBeGreaterThan(3);
    expect(Number.isFinite(perSecond)).toBe(true);
    expect(perSecond).toBeGreaterThan(0);
  });

  it('take the median and print Markdown tables', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(markdownTable(['a', 'b'], [['1', '2']])).toBe('| a | b |\n| --- | --- |\n| 1 | 2 |');
  });
});

// The clock the measurements read (process.hrtime.bigint), moved by hand: only the function measured
// advances it, by what each call says it costs, so every rate below is exact on any machine.
describe('the measurements on a hand-moved clock', () => {
  const microsecond = 1_000n;
  const millisecond = 1_000_000n;
  let now = 0n;
  let calls = 0;
  /** How many calls had been made each time the clock was read. */
  let readings: number[] = [];
  beforeEach(() => {
    now = 0n;
    calls = 0;
    readings = [];
    vi.spyOn(process.hrtime, 'bigint').mockImplementation(() => {
      readings.push(calls);
      return now;
    });
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });
  /** A function to measure whose calls each take `cost()` nanoseconds of the clock. */
  const costing = (cost: () => bigint) => () => {
    calls++;
    now += cost();
  };

  it('make the warm-up calls before starting the clock, then count calls per second of it for at least the duration', () => {
    const perSecond = measureThroughput(costing(() => microsecond), { durationMs: 5, warmup: 10 });
    expect(readings[0]).toBe(10);
    expect(perSecond).toBe(1_000_000);
    expect(calls).toBeGreaterThanOrEqual(10 + 5_000);
  });

  it('leave the warm-up out of the rate', () => {
    const perSecond = measureThroughput(costing(() => (calls <= 10 ? 1_000n * millisecond : microsecond)), { durationMs: 5, warmup: 10 });
    expect(perSecond).toBe(1_000_000);
  });

  it('keep the best of the rounds, not the first or the last', () => {
    // A call takes 2 µs, but 1 µs between 150 ms and 400 ms: of five rounds of about 100 ms the
    // first and the last run at 500,000 calls a second, the third wholly at 1,000,000.
    const fast = (at: bigint) => at >= 150n * millisecond && at < 400n * millisecond;
    expect(bestThroughput(costing(() => (fast(now) ? microsecond : 2n * microsecond)), { rounds: 5, durationMs: 100 })).toBe(1_000_000);
  });
});
