// The Sequences service in stateful mode, over HTTP: created in draft (seed 003), enabled, paused,
// listed with filters and pages, read back; each bearer token keeps its own sequences.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TIMESTAMP, idPattern, seedValue, startStatefulMock, type StatefulTestMock } from './harness.js';

/** Seed 003's five create requests: AI goal, blocks, HTML, discount, event-triggered. */
const [AI_GOAL, BLOCKS, HTML, DISCOUNT, EVENT] = [1, 2, 3, 4, 5].map(n => seedValue(`003_createEmailSequence_request_${n}.json`));
const TOKEN = { authorization: 'Bearer seq_live_stateful_test' };
const NOT_FOUND = { success: false, error: 'Sequence not found.', code: 'not_found' };

let mock: StatefulTestMock;
beforeAll(async () => {
  mock = await startStatefulMock();
});
afterAll(() => mock?.close());
beforeEach(() => mock.reset());

async function create(body: unknown, headers = TOKEN) {
  const created = await mock.api('createEmailSequence', 'POST', '/api/v1/sequences', { headers, body });
  expect(created.status).toBe(200);
  return created.json;
}

const read = (id: string, headers = TOKEN) => mock.api('getEmailSequence', 'GET', `/api/v1/sequences/${id}`, { headers });
const list = (query = '', headers = TOKEN) => mock.api('listEmailSequences', 'GET', `/api/v1/sequences${query}`, { headers }).then(a => a.json);

describe('the sequence life cycle', () => {
  it('creates a sequence in draft (seed 003) with a seq_ id, and reads it back with its steps', async () => {
    const created = await create(BLOCKS);
    expect(created.message).toBe('Sequence created.');
    const { sequence } = created;
    expect(sequence).toMatchObject({ name: BLOCKS.name, status: 'draft', emailCount: 2, trigger: 'contact_added', enrichmentStatus: 'complete' });
    expect(sequence.id).toMatch(idPattern('seq_'));
    expect(sequence.createdAt).toMatch(TIMESTAMP);

    const answer = await read(sequence.id);
    expect(answer.status).toBe(200);
    const stored = answer.json.sequence;
    expect(stored).toMatchObject({ id: sequence.id, status: 'draft', enrollmentMode: 'unlimited', stopCondition: null, emailCount: 2, enrichedCount: 2, discountCount: 0 });
    expect(stored.steps).toEqual(
      BLOCKS.steps.map((step: any, index: number) => ({
        id: `step_${sequence.id.slice(4)}_${index + 1}`,
        position: index + 1,
        type: 'email',
        emailId: `eml_${sequence.id.slice(4)}_${index + 1}`,
        ...step,
      })),
    );
  });

  it('stores each of seed 003\'s requests: goal emails, HTML as blocks, discount steps and trigger settings', async () => {
    const goal = await create(AI_GOAL);
    // AI writes the emails after the answer; the mock's writes them at once, so the first poll is complete.
    expect(goal).toMatchObject({ message: expect.stringMatching(/AI is generating/), sequence: { enrichmentStatus: 'pending', emailCount: 5 } });
    const generated = (await read(goal.sequence.id)).json.sequence;
    expect(generated).toMatchObject({ goal: AI_GOAL.goal, stopCondition: AI_GOAL.stopCondition, enrichmentStatus: 'complete', enrichedCount: 5 });
    expect(generated.steps).toHaveLength(5);

    const html = (await read((await create(HTML)).sequence.id)).json.sequence;
    expect(html.steps[0].blocks).toEqual([{ id: 'text-1', type: 'text', content: HTML.steps[0].html, variant: 'html' }]);

    const discount = (await read((await create(DISCOUNT)).sequence.id)).json.sequence;
    expect(discount).toMatchObject({ tagName: 'cancelled', emailCount: 1, discountCount: 1 });
    expect(discount.steps[0]).toMatchObject({ type: 'create_discount', discount: DISCOUNT.steps[0].discount });

    const event = (await read((await create(EVENT)).sequence.id)).json.sequence;
    expect(event).toMatchObject({ trigger: 'event_received', eventName: 'weather.wind_alert' });
  });

  it('activates a sequence with enable and pauses it with disable, each read back', async () => {
    const { sequence } = await create(BLOCKS);
    const enabled = await mock.api('enableEmailSequence', 'POST', `/api/v1/sequences/${sequence.id}/enable`, { headers: TOKEN });
    expect(enabled.json).toEqual({
      success: true,
      message: 'Sequence enabled.',
      sequenceId: sequence.id,
      status: 'active',
      warnings: ['This contact_added trigger has no list, so every contact added to the account enrolls.'],
    });
    expect((await read(sequence.id)).json.sequence.status).toBe('active');
    expect((await list('?status=active')).sequences.map((s: any) => [s.id, s.effectiveStatus])).toContainEqual([sequence.id, 'live']);

    const disabled = await mock.api('disableEmailSequence', 'POST', `/api/v1/sequences/${sequence.id}/disable`, { headers: TOKEN });
    expect(disabled.json).toEqual({ success: true, message: 'Sequence paused.', sequenceId: sequence.id, status: 'paused' });
    expect((await read(sequence.id)).json.sequence.status).toBe('paused');
  });

  it('answers 404 in the service\'s envelope for an unknown sequence', async () => {
    expect((await read('seq_unknown')).json).toEqual(NOT_FOUND);
    for (const [operationId, action] of [['enableEmailSequence', 'enable'], ['disableEmailSequence', 'disable']] as const) {
      const answer = await mock.api(operationId, 'POST', `/api/v1/sequences/seq_unknown/${action}`, { headers: TOKEN });
      expect(answer.status).toBe(404);
      expect(answer.json).toEqual(NOT_FOUND);
    }
  });
});

describe('listing sequences', () => {
  it('lists newest first after the seeded ones, and filters by status and by a search on the name', async () => {
    const first = await create(BLOCKS);
    const second = await create(DISCOUNT);
    const all = await list();
    expect(all.sequences.map((s: any) => s.id)).toEqual([second.sequence.id, first.sequence.id, 'seq_def456', 'seq_abc123']);
    expect(all.pagination).toEqual({ count: 4, hasMore: false, limit: 20, offset: 0, total: 4 });
    await mock.api('enableEmailSequence', 'POST', `/api/v1/sequences/${first.sequence.id}/enable`, { headers: TOKEN });
    expect((await list('?status=active')).sequences.map((s: any) => s.id)).toEqual([first.sequence.id]);
    expect((await list('?search=WIN-BACK')).sequences.map((s: any) => s.id)).toEqual([second.sequence.id, 'seq_def456']);
  });

  it('pages with limit and offset', async () => {
    for (let i = 0; i < 5; i++) await create({ ...BLOCKS, name: `Sequence ${i}` });
    const page = await list('?limit=3&offset=2');
    expect(page.sequences.map((s: any) => s.name)).toEqual(['Sequence 2', 'Sequence 1', 'Sequence 0']);
    expect(page.pagination).toEqual({ count: 3, hasMore: true, limit: 3, offset: 2, total: 7 });
    expect((await list('?limit=3&offset=6')).pagination).toEqual({ count: 1, hasMore: false, limit: 3, offset: 6, total: 7 });
  });

  it('keeps each bearer token\'s sequences to itself', async () => {
    const { sequence } = await create(BLOCKS);
    const other = { authorization: 'Bearer seq_live_someone_else' };
    expect((await read(sequence.id, other)).status).toBe(404);
    expect((await list('', other)).sequences.map((s: any) => s.id)).toEqual(['seq_def456', 'seq_abc123']);
  });
});
