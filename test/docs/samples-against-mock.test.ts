// A reader pastes the docs' curl samples into a shell while `npm start` runs: every one gets a 2xx answer.
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { PROJECT_ROOT } from '../../src/docs/build.js';
import { CLI } from '../support/mock-cli.js';
import { CODE_SAMPLE_DEFAULTS } from '../../src/redocly/code-samples.js';
import { startProcess, type RunningProcess } from '../support/processes.js';
import { operationsOf } from './bundle.js';
import { loadBundledDocument } from '../support/contract.js';

/** The arguments bash would pass to curl, so the test needs no curl binary. */
function curlArguments(sample: string): string[] {
  const output = execFileSync('bash', ['-c', `curl() { printf '%s\\0' "$@"; }\n${sample}`], { encoding: 'utf8' });
  return output.split('\0').slice(0, -1);
}

/** Sends what curl would send for the sample's arguments (-X, -H, --data and the URL), to `baseUrl`. */
async function send(args: string[], baseUrl: string): Promise<Response> {
  let method = 'GET';
  let body: string | undefined;
  let url = '';
  const headers = new Headers();
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index];
    if (arg === '-X') method = args[++index];
    else if (arg === '-H') {
      const header = args[++index];
      const colon = header.indexOf(':');
      headers.set(header.slice(0, colon).trim(), header.slice(colon + 1).trim());
    } else if (arg === '--data') body = args[++index];
    else url = arg;
  }
  const target = new URL(url);
  return fetch(new URL(`${target.pathname}${target.search}`, baseUrl), { method, headers, body });
}

describe('the curl samples against the local mock', () => {
  let document: any;
  let mock: RunningProcess;
  let baseUrl: string;

  beforeAll(async () => {
    document = await loadBundledDocument();
    // The mock's default contract is this same bundle.
    mock = await startProcess(
      process.execPath,
      [CLI, 'mock', '--port', '0'],
      /ready on (http:\/\/\S+)/,
      { cwd: PROJECT_ROOT },
    );
    baseUrl = /ready on (http:\/\/\S+)/.exec(mock.output())![1];
  });

  afterAll(async () => {
    await mock?.stop();
  });

  it('answers every operation\'s sample, sent with the demo credentials, with a 2xx', async () => {
    const failures: string[] = [];
    for (const { operation } of operationsOf(document)) {
      const sample = operation['x-codeSamples']?.find((s: any) => s.label === CODE_SAMPLE_DEFAULTS.label);
      if (!sample) {
        failures.push(`${operation.operationId}: no curl sample`);
        continue;
      }
      const response = await send(curlArguments(sample.source), baseUrl);
      if (response.status < 200 || response.status > 299) {
        failures.push(`${operation.operationId}: ${response.status} ${(await response.text()).slice(0, 200)}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
