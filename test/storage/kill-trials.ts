// SIGKILL trials: a mock child process under load (clients creating rules as fast as it answers) is
// killed with SIGKILL at a random moment, started again on the same storage, and every create it had
// acknowledged must still be there. The same loop serves the state file and PostgreSQL.
import { expect } from 'vitest';
import { createClient } from '../mock/client.js';
import { STATEFUL_KEYS, ALPHA, seedValue } from '../stateful/harness.js';
import { spawnMock, type MockProcess } from '../support/mock-cli.js';

const RULE = seedValue('000_createRule_request.json');
/** Clients creating at once; each waits for its answer before the next create. */
const CLIENTS = 8;

export interface TrialsReport {
  trials: number;
  acknowledged: number;
  lost: number;
}

/** The ids of every rule the organization holds (listRules is not paged). */
async function storedRules(url: string): Promise<Set<string>> {
  const client = createClient(url);
  try {
    const listed = await client.call('GET', '/api/v1/rules', { headers: ALPHA });
    expect(listed.status).toBe(200);
    return new Set(listed.json.data.map((rule: { id: string }) => rule.id));
  } finally {
    client.close();
  }
}

/** Creates rules from CLIENTS clients until the mock stops answering; resolves with the ids it acknowledged. */
async function underLoad(url: string): Promise<string[]> {
  const client = createClient(url);
  const acknowledged: string[] = [];
  const worker = async () => {
    for (;;) {
      const answer = await client.call('POST', '/api/v1/rules', { headers: ALPHA, body: RULE }).catch(() => undefined);
      if (!answer) return;
      // Only a complete 201 is an acknowledgement: the client saw the created rule.
      if (answer.status === 201 && answer.json?.data?.id) acknowledged.push(answer.json.data.id);
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, worker));
  client.close();
  return acknowledged;
}

export async function startMock(storage: string[]): Promise<{ run: MockProcess; url: string }> {
  const run = spawnMock([...storage, '--keys', STATEFUL_KEYS, '--port', '0', '--max-resources', '1000000']);
  return { run, url: await run.url() };
}

/**
 * Runs `trials` kill-and-restart cycles over `storage` (the mock's storage options); `afterKill` is
 * called after each kill (to look at what the killed mock left). Resolves with the last restarted mock.
 */
export async function killTrials(storage: string[], trials: number, afterKill: () => void = () => {}) {
  const acknowledged = new Set<string>();
  let lost = 0;
  for (let trial = 0; trial < trials; trial++) {
    const { run, url } = await startMock(storage);
    const stored = await storedRules(url);
    lost += [...acknowledged].filter((id) => !stored.has(id)).length;
    const load = underLoad(url);
    // Killed somewhere between 50 and 250 ms into the load: eight clients keep hundreds of creates in
    // flight by then, so the kill lands mid-request, mid-commit or mid-answer.
    await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 200));
    run.child.kill('SIGKILL');
    await run.exited;
    for (const id of await load) acknowledged.add(id);
    afterKill();
  }
  const last = await startMock(storage);
  const stored = await storedRules(last.url);
  lost += [...acknowledged].filter((id) => !stored.has(id)).length;
  return { report: { trials, acknowledged: acknowledged.size, lost } satisfies TrialsReport, last };
}
