// The Comms service in stateful mode, over HTTP: a created sequence reads back by id, enrolling needs
// an existing sequence, and cancelling stamps the enrollment; each bearer token keeps its own.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { exampleValue, idPattern, startStatefulMock, type StatefulTestMock } from './harness.js';

const CREATE = exampleValue('comms/create-sequence-request.yaml');
const ENROLL = exampleValue('comms/enroll-request.yaml');
const TOKEN = { authorization: 'Bearer lph_at_stateful_test' };

let mock: StatefulTestMock;
const START = new Date('2025-03-14T09:00:00Z');
let clock = START;
beforeAll(async () => {
  mock = await startStatefulMock({ clock: () => clock.getTime() });
});
afterAll(() => mock?.close());
beforeEach(async () => {
  clock = START;
  await mock.reset();
});

async function createSequence(body: unknown = CREATE, headers = TOKEN) {
  const created = await mock.api('createCommsSequence', 'POST', '/v1/sequences', { headers, body });
  expect(created.status).toBe(201);
  return created.json;
}

async function enroll(sequenceId: string, headers = TOKEN) {
  return mock.api('enrollInCommsSequence', 'POST', `/v1/sequences/${sequenceId}/enroll`, { headers, body: ENROLL });
}

describe('comms sequences', () => {
  it('reads a created sequence back by id, its steps in position order, each with an id', async () => {
    const reversed = { ...CREATE, steps: [...CREATE.steps].reverse() };
    const sequence = await createSequence(reversed);
    expect(sequence).toMatchObject({ brand_id: CREATE.brand_id, name: CREATE.name, description: CREATE.description, status: 'active' });
    expect(sequence.id).toMatch(idPattern('seq_'));
    expect(sequence.created_at).toBe('2025-03-14T09:00:00Z');
    expect(sequence.steps).toEqual(
      CREATE.steps.map((step: object) => ({ id: expect.stringMatching(idPattern('step_')), sequence_id: sequence.id, ...step })),
    );
    const read = await mock.api('getCommsSequence', 'GET', `/v1/sequences/${sequence.id}`, { headers: TOKEN });
    expect(read.status).toBe(200);
    expect(read.json).toEqual(sequence);
  });

  it('stores a sequence without a description as null', async () => {
    const { description, ...rest } = CREATE;
    expect((await createSequence(rest)).description).toBeNull();
  });

  it('answers 404 in the service\'s envelope for an unknown sequence, and for another token\'s', async () => {
    const unknown = await mock.api('getCommsSequence', 'GET', '/v1/sequences/seq_unknown', { headers: TOKEN });
    expect(unknown.status).toBe(404);
    expect(unknown.json).toEqual({ error: 'not_found', message: 'Sequence seq_unknown was not found.' });
    const sequence = await createSequence();
    const other = await mock.api('getCommsSequence', 'GET', `/v1/sequences/${sequence.id}`, { headers: { authorization: 'Bearer lph_at_other' } });
    expect(other.status).toBe(404);
  });
});

describe('comms enrollments', () => {
  it('enrolls a person in an existing sequence (201), due after its first step\'s delay', async () => {
    const sequence = await createSequence({ ...CREATE, steps: [{ ...CREATE.steps[0], delay_minutes: 90 }] });
    clock = new Date('2025-03-14T09:30:00Z');
    const enrolled = await enroll(sequence.id);
    expect(enrolled.status).toBe(201);
    expect(enrolled.json).toEqual({
      id: expect.stringMatching(idPattern('enr_')),
      sequence_id: sequence.id,
      ...ENROLL,
      current_step: 0,
      status: 'active',
      next_step_at: '2025-03-14T11:00:00Z',
      enrolled_at: '2025-03-14T09:30:00Z',
      completed_at: null,
      cancelled_at: null,
    });
  });

  it('answers 404 in the service\'s envelope when the sequence does not exist', async () => {
    const answer = await enroll('seq_unknown');
    expect(answer.status).toBe(404);
    expect(answer.json).toEqual({ error: 'not_found', message: 'Sequence seq_unknown was not found.' });
  });

  it('cancels an enrollment: status cancelled, cancelled_at set, nothing more due; cancelling again keeps the first time', async () => {
    const sequence = await createSequence();
    const enrollment = (await enroll(sequence.id)).json;
    clock = new Date('2025-03-15T08:12:05Z');
    const cancelled = await mock.api('cancelCommsEnrollment', 'POST', `/v1/sequences/enrollments/${enrollment.id}/cancel`, { headers: TOKEN });
    expect(cancelled.status).toBe(200);
    expect(cancelled.json).toEqual({ ...enrollment, status: 'cancelled', cancelled_at: '2025-03-15T08:12:05Z', next_step_at: null });
    clock = new Date('2025-03-16T00:00:00Z');
    const again = await mock.api('cancelCommsEnrollment', 'POST', `/v1/sequences/enrollments/${enrollment.id}/cancel`, { headers: TOKEN });
    expect(again.json).toEqual(cancelled.json);
  });

  it('answers 404 for an unknown enrollment, and for the seeded one of another token', async () => {
    const answer = await mock.api('cancelCommsEnrollment', 'POST', '/v1/sequences/enrollments/enr_unknown/cancel', { headers: TOKEN });
    expect(answer.status).toBe(404);
    expect(answer.json).toEqual({ error: 'not_found', message: 'Enrollment enr_unknown was not found.' });
    // The seeded enrollment (the enroll example) exists in every token's space until that token cancels it.
    const seeded = 'enr_01JQ9A2C4E6G8J0M2P4R6T8V0X';
    const cancel = (headers: Record<string, string>) =>
      mock.api('cancelCommsEnrollment', 'POST', `/v1/sequences/enrollments/${seeded}/cancel`, { headers }).then(a => a.json.cancelled_at);
    expect(await cancel(TOKEN)).toBe('2025-03-14T09:00:00Z');
    clock = new Date('2025-03-16T00:00:00Z');
    expect(await cancel({ authorization: 'Bearer lph_at_other' })).toBe('2025-03-16T00:00:00Z');
  });
});
