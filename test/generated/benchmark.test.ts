// The benchmark's parts: every contender checks the same thing, and the measurements are sane.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
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
  it('count calls per second', () => {
    let calls = 0;
    const perSecond = measureThroughput(() => calls++, { durationMs: 20, warmup: 10 });
    expect(perSecond).toBeGreaterThan(1000);
    expect(bestThroughput(() => calls++, { rounds: 2, durationMs: 10 })).toBeGreaterThan(1000);
  });

  it('take the median and print Markdown tables', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(markdownTable(['a', 'b'], [['1', '2']])).toBe('| a | b |\n| --- | --- |\n| 1 | 2 |');
  });
});
