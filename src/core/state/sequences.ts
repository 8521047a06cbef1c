// The Sequences service's life cycle over a bearer token's email sequences: created in draft (seed
// 003), activated by enable, paused by disable, listed and read back.
import type {
  DiscountStep,
  EmailSequence,
  EmailSequenceCreateRequest,
  EmailSequenceStatus,
  EmailSequenceStepDetail,
  EmailSequenceSummary,
  EmailStep,
  StopCondition,
} from '../../../generated/types.js';
import { errorBody } from '../services.js';
import { queryInteger, queryString, timestamp, type Handler, type Handlers, type Reply } from './handler.js';
import type { LifeCycle } from './life-cycles.js';
import { offsetPage } from './pages.js';
import { sequencesSeed } from './seed.js';

/** Seed 003's answer to a sequence created from a `goal`. */
const GENERATING = 'Sequence created. AI is generating email content based on your brand. This typically takes 30-60 seconds.';

/** The warning the contract's enable example prints for a `contact_added` trigger without a list. */
const NO_LIST_WARNING = 'This contact_added trigger has no list, so every contact added to the account enrolls.';

type StepInput = EmailStep | DiscountStep;

function notFound(): Reply {
  return { status: 404, body: errorBody('sequences', { status: 404, code: 'not_found', message: 'Sequence not found.' }) };
}

/** The sequence's own part of an id (`seq_01J...` -> `01J...`), which its steps and emails share, as in the examples. */
function idSuffix(sequenceId: string): string {
  return sequenceId.slice(sequenceId.indexOf('_') + 1);
}

function storedStep(sequenceId: string, step: StepInput, position: number): EmailSequenceStepDetail {
  const suffix = idSuffix(sequenceId);
  const common = {
    id: `step_${suffix}_${position}`,
    position,
    ...(step.name !== undefined ? { name: step.name } : {}),
    ...(step.delay !== undefined ? { delay: structuredClone(step.delay) } : {}),
  };
  if (step.type === 'create_discount') return { ...common, type: 'create_discount', discount: structuredClone(step.discount) };
  const email: EmailStep = step;
  return {
    ...common,
    type: 'email',
    emailId: `eml_${suffix}_${position}`,
    ...(email.subject !== undefined ? { subject: email.subject } : {}),
    ...(email.previewText !== undefined ? { previewText: email.previewText } : {}),
    // HTML is converted to blocks (by AI, in the real service); here it becomes one HTML text block.
    blocks: email.blocks ? structuredClone(email.blocks) : [{ id: 'text-1', type: 'text', content: email.html, variant: 'html' }],
  };
}

/** Stand-ins for the emails AI writes from a `goal`: the mock writes them at once, marked as placeholders. */
function generatedEmails(sequenceId: string, name: string, goal: string, count: number): EmailSequenceStepDetail[] {
  return Array.from({ length: count }, (_, index) =>
    storedStep(
      sequenceId,
      {
        subject: `${name}: email ${index + 1} of ${count}`,
        ...(index > 0 ? { delay: { days: 1 } } : {}),
        blocks: [{ id: 'text-1', type: 'text', content: `<p>Placeholder written by the mock for the goal: ${goal}</p>`, variant: 'paragraph' }],
      },
      index + 1,
    ),
  );
}

/** What a subscriber sees of the status: an active sequence is `live`. */
function effectiveStatus(status: EmailSequenceStatus): NonNullable<EmailSequenceSummary['effectiveStatus']> {
  return status === 'active' ? 'live' : status;
}

function summary(sequence: EmailSequence): EmailSequenceSummary {
  return {
    id: sequence.id,
    name: sequence.name,
    status: sequence.status,
    emailCount: sequence.emailCount,
    trigger: sequence.trigger,
    discountCount: sequence.discountCount,
    enrichmentStatus: sequence.enrichmentStatus,
    effectiveStatus: effectiveStatus(sequence.status),
    stopCondition: sequence.stopCondition,
    createdAt: sequence.createdAt,
    updatedAt: sequence.updatedAt,
  };
}

/** The request's trigger settings, copied as given (the contract already requires each trigger's own). */
const TRIGGER_SETTINGS = ['listId', 'tagName', 'segmentId', 'eventName', 'inactiveDays', 'minCount', 'timeWindowDays', 'enrollmentFieldPath'] as const;

function sequenceFrom(request: EmailSequenceCreateRequest, id: string, at: string): EmailSequence {
  const steps =
    request.goal !== undefined
      ? generatedEmails(id, request.name, request.goal, request.emailCount ?? 5)
      : ((request.steps ?? []) as StepInput[]).map((step, index) => storedStep(id, step, index + 1));
  const stopCondition = request.stopCondition as StopCondition | undefined;
  const emailCount = steps.filter(step => step.type === 'email').length;
  const settings = Object.fromEntries(TRIGGER_SETTINGS.filter(name => request[name] !== undefined).map(name => [name, request[name]]));
  return {
    id,
    name: request.name,
    status: 'draft',
    trigger: request.trigger,
    ...settings,
    enrollmentMode: request.enrollmentMode ?? 'unlimited',
    // `none` clears auto-stop behaviour (seed 003): stored as no condition.
    stopCondition: stopCondition && stopCondition.type !== 'none' ? structuredClone(stopCondition) : null,
    ...(request.goal !== undefined ? { goal: request.goal } : {}),
    // The mock's "AI" finishes at once, so the first poll of GET already sees every email.
    enrichmentStatus: 'complete',
    emailCount,
    enrichedCount: emailCount,
    discountCount: steps.length - emailCount,
    steps,
    createdAt: at,
    updatedAt: at,
  };
}

function changeStatus(status: 'active' | 'paused', message: string): Handler {
  return async (space, { pathParams, now }) => {
    const sequence = await space.get<EmailSequence>('sequences', pathParams.id);
    if (!sequence) return notFound();
    await space.put<EmailSequence>('sequences', sequence.id, { ...sequence, status, updatedAt: timestamp(now) });
    const warnings = status === 'active' && sequence.trigger === 'contact_added' && sequence.listId === undefined ? [NO_LIST_WARNING] : [];
    return { status: 200, body: { success: true, message, sequenceId: sequence.id, status, ...(warnings.length > 0 ? { warnings } : {}) } };
  };
}

export const sequencesHandlers: Handlers = {
  async listEmailSequences(space, { query }) {
    const status = queryString(query, 'status');
    const search = queryString(query, 'search')?.toLowerCase();
    const page = await offsetPage<EmailSequence, EmailSequenceSummary>(
      space,
      'sequences',
      (sequence) => ((status === undefined || sequence.status === status) && (search === undefined || sequence.name.toLowerCase().includes(search)) ? summary(sequence) : undefined),
      queryInteger(query, 'limit', 20),
      queryInteger(query, 'offset', 0),
    );
    return { status: 200, body: { success: true, sequences: page.items, pagination: page.pagination } };
  },

  async createEmailSequence(space, { body, now, ids }) {
    const request = body as EmailSequenceCreateRequest;
    const sequence = sequenceFrom(request, ids('seq_', now.getTime()), timestamp(now));
    await space.put('sequences', sequence.id, sequence);
    // The answer is given before the AI work starts: with a goal or HTML there is content still to write.
    const pending = request.goal !== undefined || ((request.steps ?? []) as StepInput[]).some((step) => 'html' in step);
    return {
      status: 200,
      body: {
        success: true,
        message: request.goal !== undefined ? GENERATING : 'Sequence created.',
        sequence: { ...summary(sequence), enrichmentStatus: pending ? 'pending' : 'complete' },
      },
    };
  },

  async getEmailSequence(space, { pathParams }) {
    const sequence = await space.get<EmailSequence>('sequences', pathParams.id);
    return sequence ? { status: 200, body: { success: true, sequence } } : notFound();
  },

  enableEmailSequence: changeStatus('active', 'Sequence enabled.'),
  disableEmailSequence: changeStatus('paused', 'Sequence paused.'),
};

export const sequencesLifeCycle: LifeCycle = { handlers: sequencesHandlers, seed: sequencesSeed };
