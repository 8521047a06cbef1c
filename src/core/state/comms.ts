// The Comms service's life cycle over a bearer token's sequences and enrollments: a created sequence
// reads back by id, enrolling needs an existing sequence, and cancelling stamps the enrollment.
import type { CommsEnrollRequest, CommsEnrollment, CommsSequence, CommsSequenceCreateRequest } from '../../../generated/types.js';
import type { IdGenerator } from '../ids.js';
import { errorBody } from '../services.js';
import { minutesAfter, timestamp, type Handlers, type Reply } from './handler.js';
import type { LifeCycle } from './life-cycles.js';
import { commsSeed } from './seed.js';

function notFound(resource: 'Sequence' | 'Enrollment', id: string): Reply {
  return { status: 404, body: errorBody('comms', { status: 404, code: 'not_found', message: `${resource} ${id} was not found.` }) };
}

function sequenceFrom(request: CommsSequenceCreateRequest, id: string, now: Date, ids: IdGenerator): CommsSequence {
  const at = timestamp(now);
  // Listed in order of position, as the examples list them (a stable sort keeps equal positions as sent).
  const steps = [...request.steps]
    .sort((a, b) => a.position - b.position)
    .map((step) => ({ id: ids('step_', now.getTime()), sequence_id: id, ...step }));
  return {
    id,
    brand_id: request.brand_id,
    name: request.name,
    description: request.description ?? null,
    // The docs publish no status values; the examples show a new sequence as `active`.
    status: 'active',
    created_at: at,
    updated_at: at,
    steps,
  };
}

/** A new enrollment starts at the sequence's first step, due after that step's delay. */
export function enrollmentFrom(sequence: CommsSequence, request: CommsEnrollRequest, id: string, enrolledAt: string): CommsEnrollment {
  const first = sequence.steps[0];
  return {
    id,
    sequence_id: sequence.id,
    brand_id: request.brand_id,
    person_id: request.person_id,
    recipient: request.recipient,
    current_step: first?.position ?? 0,
    status: 'active',
    next_step_at: first ? minutesAfter(enrolledAt, first.delay_minutes) : null,
    enrolled_at: enrolledAt,
    completed_at: null,
    cancelled_at: null,
  };
}

export const commsHandlers: Handlers = {
  async createCommsSequence(space, { body, now, ids }) {
    const sequence = sequenceFrom(body as CommsSequenceCreateRequest, ids('seq_', now.getTime()), now, ids);
    await space.put('sequences', sequence.id, sequence);
    return { status: 201, body: sequence };
  },

  async getCommsSequence(space, { pathParams }) {
    const sequence = await space.get<CommsSequence>('sequences', pathParams.id);
    return sequence ? { status: 200, body: sequence } : notFound('Sequence', pathParams.id);
  },

  async enrollInCommsSequence(space, { pathParams, body, now, ids }) {
    const sequence = await space.get<CommsSequence>('sequences', pathParams.id);
    if (!sequence) return notFound('Sequence', pathParams.id);
    const enrollment = enrollmentFrom(sequence, body as CommsEnrollRequest, ids('enr_', now.getTime()), timestamp(now));
    await space.put('enrollments', enrollment.id, enrollment);
    return { status: 201, body: enrollment };
  },

  async cancelCommsEnrollment(space, { pathParams, now }) {
    const enrollment = await space.get<CommsEnrollment>('enrollments', pathParams.id);
    if (!enrollment) return notFound('Enrollment', pathParams.id);
    // Cancelling twice keeps the first cancellation's time.
    if (enrollment.cancelled_at !== null) return { status: 200, body: enrollment };
    const cancelled: CommsEnrollment = { ...enrollment, status: 'cancelled', cancelled_at: timestamp(now), next_step_at: null };
    await space.put('enrollments', cancelled.id, cancelled);
    return { status: 200, body: cancelled };
  },
};

export const commsLifeCycle: LifeCycle = { handlers: commsHandlers, seed: commsSeed };
