// The curl samples the code-samples decorator writes: correct for every operation, and pasteable in bash.
import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';

import {
  authorizationFor,
  CODE_SAMPLE_DEFAULTS,
  renderCurl,
  shellQuote,
} from '../../src/redocly/code-samples.js';
import { deref, operationsOf } from './bundle.js';
import { loadBundledDocument } from '../support/contract.js';

/** The arguments bash passes to curl when the sample is pasted, without running curl. */
function curlArguments(sample: string): string[] {
  const output = execFileSync('bash', ['-c', `curl() { printf '%s\\0' "$@"; }\n${sample}`], { encoding: 'utf8' });
  return output.split('\0').slice(0, -1);
}

function headers(args: string[]): string[] {
  return args.flatMap((arg, index) => (args[index - 1] === '-H' ? [arg] : []));
}

describe('renderCurl', () => {
  it('fills path parameters from their examples and keeps only required query parameters', () => {
    const sample = renderCurl({
      method: 'get',
      path: '/api/v1/transfers/{id}',
      parameters: [
        { name: 'id', in: 'path', required: true, example: 'txr_1' },
        { name: 'account_id', in: 'query', required: true, example: 'acc 1' },
        { name: 'first', in: 'query', example: 20 },
      ],
      authorization: 'ApiKey demo_admin',
      body: undefined,
      baseUrl: 'http://127.0.0.1:4010',
    });
    expect(curlArguments(sample)).toEqual([
      '-X',
      'GET',
      'http://127.0.0.1:4010/api/v1/transfers/txr_1?account_id=acc%201',
      '-H',
      'Authorization: ApiKey demo_admin',
    ]);
  });

  it('sends the example body verbatim, even when it contains single quotes', () => {
    const value = { name: "Maya's onboarding", steps: [] };
    const sample = renderCurl({
      method: 'post',
      path: '/v1/sequences',
      parameters: [],
      authorization: 'Bearer demo_token',
      body: { contentType: 'application/json', value },
      baseUrl: 'http://127.0.0.1:4010/',
    });
    const args = curlArguments(sample);
    expect(args.slice(0, 3)).toEqual(['-X', 'POST', 'http://127.0.0.1:4010/v1/sequences']);
    expect(headers(args)).toEqual(['Authorization: Bearer demo_token', 'Content-Type: application/json']);
    expect(JSON.parse(args[args.indexOf('--data') + 1])).toEqual(value);
  });

  it('leaves a placeholder where a path parameter has no example', () => {
    const sample = renderCurl({
      method: 'delete',
      path: '/api/v1/rules/{id}',
      parameters: [{ name: 'id', in: 'path', required: true }],
      authorization: undefined,
      body: undefined,
      baseUrl: 'http://127.0.0.1:4010',
    });
    expect(curlArguments(sample)).toEqual(['-X', 'DELETE', 'http://127.0.0.1:4010/api/v1/rules/%7Bid%7D']);
  });
});

describe('shellQuote', () => {
  it.each(["plain", "it's", "'", "a\\b $HOME `x` \"q\"\nline"])('round-trips %j through bash', (text) => {
    expect(execFileSync('bash', ['-c', `printf '%s' ${shellQuote(text)}`], { encoding: 'utf8' })).toBe(text);
  });
});

describe('authorizationFor', () => {
  const credentials = { apiKey: 'demo_admin', bearerToken: 'demo_token' };
  it('sends the demo API key to ApiKeyAuth operations', () => {
    expect(authorizationFor([{ ApiKeyAuth: ['READ_RULES'] }], credentials)).toBe('ApiKey demo_admin');
  });
  it('sends the demo bearer token to BearerAuth operations', () => {
    expect(authorizationFor([{ BearerAuth: [] }], credentials)).toBe('Bearer demo_token');
  });
  it('sends nothing when the operation needs no credential', () => {
    expect(authorizationFor([{}], credentials)).toBeUndefined();
    expect(authorizationFor(undefined, credentials)).toBeUndefined();
  });
});

describe('the bundled contract', () => {
  let document: any;
  beforeAll(async () => {
    document = await loadBundledDocument();
  });

  it('gives every operation one curl sample for the local mock, built from its first request example', () => {
    const problems: string[] = [];
    const operations = operationsOf(document);
    expect(operations.length).toBeGreaterThan(0);
    for (const { path, method, operation } of operations) {
      const name = `${operation.operationId ?? `${method} ${path}`}`;
      const samples = (operation['x-codeSamples'] ?? []).filter((s: any) => s.label === CODE_SAMPLE_DEFAULTS.label);
      if (samples.length !== 1) {
        problems.push(`${name}: ${samples.length} curl samples`);
        continue;
      }
      const args = curlArguments(samples[0].source);
      const url = new URL(args[2]);
      const template = new RegExp(`^${path.replace(/\{[^}]+\}/g, '[^/{}]+')}$`);
      if (args[0] !== '-X' || args[1] !== method.toUpperCase()) problems.push(`${name}: method ${args[1]}`);
      if (url.origin !== CODE_SAMPLE_DEFAULTS.baseUrl) problems.push(`${name}: calls ${url.origin}`);
      if (!template.test(url.pathname)) problems.push(`${name}: path ${url.pathname} does not fill ${path}`);

      const expected = authorizationFor(operation.security ?? document.security, CODE_SAMPLE_DEFAULTS);
      const authorization = headers(args).find((h) => h.startsWith('Authorization: '));
      if (authorization !== (expected && `Authorization: ${expected}`)) problems.push(`${name}: sends ${authorization}`);

      const media: any = Object.values(deref(document, operation.requestBody)?.content ?? {})[0];
      const firstExample = media && (Object.values<any>(media.examples ?? {})[0] ?? undefined);
      const exampleValue = firstExample ? deref(document, firstExample).value : media?.example;
      const data = args.includes('--data') ? JSON.parse(args[args.indexOf('--data') + 1]) : undefined;
      if (exampleValue !== undefined && JSON.stringify(data) !== JSON.stringify(exampleValue)) {
        problems.push(`${name}: --data is not the first request example`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('gives webhooks no curl sample (the service sends them)', () => {
    const webhookSamples = Object.values<any>(document.webhooks ?? {}).flatMap((item) =>
      Object.values<any>(deref(document, item)).flatMap((operation) => operation?.['x-codeSamples'] ?? []),
    );
    expect(webhookSamples).toEqual([]);
  });
});
