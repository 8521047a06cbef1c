// The same life cycles driven as a frontend writes them: openapi-fetch clients typed by
// generated/types.ts (`tsc -p .` checks every call below against the contract).
import createClient from 'openapi-fetch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { paths } from '../../generated/types.js';
import { validateResponse, type OperationId } from '../../generated/validators.js';
import { startStatefulMock, type StatefulTestMock } from './harness.js';

let mock: StatefulTestMock;
beforeAll(async () => {
  mock = await startStatefulMock();
});
afterAll(() => mock?.close());

/** What openapi-fetch hands back, checked against the contract for its status. */
function conforms(operationId: OperationId, result: { data?: unknown; error?: unknown; response: Response }): void {
  const body = result.response.ok ? result.data : result.error;
  expect(validateResponse(operationId, result.response.status, body)).toEqual({ valid: true });
}

describe('a frontend on the Rules service (ApiKey)', () => {
  it('creates, lists, updates and deletes a rule', async () => {
    const api = createClient<paths>({ baseUrl: mock.server.url, headers: { Authorization: 'ApiKey alpha_admin' } });

    // What a rule form holds; the same fields create and, in full, replace the rule.
    const form: paths['/api/v1/rules']['post']['requestBody']['content']['application/json'] = {
      nickname: 'Round-up savings',
      status: 'enabled',
      trigger: { type: 'MANUAL' },
      steps: [
        {
          conditions: null,
          actions: [
            {
              type: 'fixed_amount',
              amount_in_cents: 2500,
              source: { id: 'acc_01HABC4567', type: 'income_source' },
              destination: { id: 'acc_01HDEF0123', type: 'pod' },
            },
          ],
        },
      ],
    };
    const created = await api.POST('/api/v1/rules', { params: { header: { 'Idempotency-Key': crypto.randomUUID() } }, body: form });
    conforms('createRule', created);
    expect(created.response.status).toBe(201);
    const rule = created.data!.data;
    expect(rule.status).toBe('disabled');

    const listed = await api.GET('/api/v1/rules');
    conforms('listRules', listed);
    expect(listed.data!.data.find(item => item.id === rule.id)).toMatchObject({ nickname: 'Round-up savings', trigger_type: 'MANUAL', source: null });

    const updated = await api.PUT('/api/v1/rules/{id}', {
      params: { path: { id: rule.id } },
      body: { ...form, nickname: 'Round-up savings (weekly)', description: null },
    });
    conforms('updateRule', updated);
    expect(updated.response.status).toBe(200);
    expect(updated.data!.data).toMatchObject({ id: rule.id, nickname: 'Round-up savings (weekly)', status: 'disabled' });

    const read = await api.GET('/api/v1/rules/{id}', { params: { path: { id: rule.id } } });
    conforms('getRule', read);
    expect(read.data!.data.nickname).toBe('Round-up savings (weekly)');

    const deleted = await api.DELETE('/api/v1/rules/{id}', { params: { path: { id: rule.id } } });
    conforms('deleteRule', deleted);
    expect(deleted.response.status).toBe(204);

    const gone = await api.GET('/api/v1/rules/{id}', { params: { path: { id: rule.id } } });
    conforms('getRule', gone);
    expect(gone.response.status).toBe(404);
    expect(gone.error).toEqual({ error: { code: 'resource_not_found', message: `Rule with id '${rule.id}' was not found.` } });
    expect((await api.GET('/api/v1/rules')).data!.data.some(item => item.id === rule.id)).toBe(false);
  });

  it('triggers a rule and polls its execution; makes a transfer and reads it back', async () => {
    const api = createClient<paths>({ baseUrl: mock.server.url, headers: { Authorization: 'ApiKey alpha_admin' } });

    const triggered = await api.POST('/api/v1/rules/{id}/trigger', { params: { path: { id: 'rule_01HXYZ1234' } }, body: { manual_execute_amount: 1000 } });
    conforms('triggerRule', triggered);
    const executionId = triggered.data!.data.execution_id;
    const execution = await api.GET('/api/v1/rule-executions/{id}', { params: { path: { id: executionId } } });
    conforms('getRuleExecution', execution);
    expect(execution.data!.data.status).not.toBe('in_progress');
    const history = await api.GET('/api/v1/rule-executions', { params: { query: { rule_id: 'rule_01HXYZ1234', first: 1 } } });
    conforms('listRuleExecutions', history);
    expect(history.data!.data.map(item => item.id)).toEqual([executionId]);

    const transfer = await api.POST('/api/v1/transfers', {
      body: { source_account_id: 'acc_01HDEF0123', destination_account_id: 'acc_01HSAV9999', amount_in_cents: 1234 },
    });
    conforms('createTransfer', transfer);
    const transferId = transfer.data!.data.id;
    const fetched = await api.GET('/api/v1/transfers/{id}', { params: { path: { id: transferId } } });
    conforms('getTransfer', fetched);
    expect(fetched.data!.data.amount_in_cents).toBe(1234);
    const transfers = await api.GET('/api/v1/transfers', { params: { query: { account_id: 'acc_01HSAV9999', account_role: 'destination', first: 1 } } });
    conforms('listTransfers', transfers);
    expect(transfers.data!.data[0].id).toBe(transferId);
  });
});

describe('a frontend on the Sequences service (Bearer)', () => {
  it('creates a draft, enables it, finds it among the active ones, reads it and pauses it', async () => {
    const api = createClient<paths>({ baseUrl: mock.server.url, headers: { Authorization: 'Bearer seq_live_client_test' } });

    const created = await api.POST('/api/v1/sequences', {
      body: { name: 'Trial ending', trigger: 'tag_added', tagName: 'trial', steps: [{ subject: 'Your trial ends soon', html: '<p>Upgrade today.</p>' }] },
    });
    conforms('createEmailSequence', created);
    const { id, status } = created.data!.sequence;
    expect(status).toBe('draft');

    const enabled = await api.POST('/api/v1/sequences/{id}/enable', { params: { path: { id } } });
    conforms('enableEmailSequence', enabled);
    expect(enabled.data!.status).toBe('active');

    const active = await api.GET('/api/v1/sequences', { params: { query: { status: 'active', limit: 10 } } });
    conforms('listEmailSequences', active);
    expect(active.data!.sequences.map(sequence => sequence.id)).toEqual([id]);

    const read = await api.GET('/api/v1/sequences/{id}', { params: { path: { id } } });
    conforms('getEmailSequence', read);
    expect(read.data!.sequence).toMatchObject({ status: 'active', tagName: 'trial', emailCount: 1 });

    const paused = await api.POST('/api/v1/sequences/{id}/disable', { params: { path: { id } } });
    conforms('disableEmailSequence', paused);
    expect(paused.data!.status).toBe('paused');
  });
});

describe('a frontend on the Comms service (Bearer)', () => {
  it('creates a sequence, reads it, enrolls a person and cancels the enrollment', async () => {
    const api = createClient<paths>({ baseUrl: mock.server.url, headers: { Authorization: 'Bearer lph_at_client_test' } });

    const created = await api.POST('/v1/sequences', {
      body: {
        brand_id: 'brand_01HZX5R2W8P3M6N9Q4T7V1KCEA',
        name: 'Appointment reminders',
        steps: [{ position: 0, channel: 'sms', template_key: 'reminder_sms', delay_minutes: 0 }],
      },
    });
    conforms('createCommsSequence', created);
    const sequence = created.data!;

    const read = await api.GET('/v1/sequences/{id}', { params: { path: { id: sequence.id } } });
    conforms('getCommsSequence', read);
    expect(read.data).toEqual(sequence);

    const enrolled = await api.POST('/v1/sequences/{id}/enroll', {
      params: { path: { id: sequence.id } },
      body: { brand_id: sequence.brand_id, person_id: 'person_01JQ8P6D2E4G6J8M0Q2S4V6X8Z', recipient: '+15555550123' },
    });
    conforms('enrollInCommsSequence', enrolled);
    expect(enrolled.data!.status).toBe('active');

    const cancelled = await api.POST('/v1/sequences/enrollments/{id}/cancel', { params: { path: { id: enrolled.data!.id } } });
    conforms('cancelCommsEnrollment', cancelled);
    expect(cancelled.data).toMatchObject({ status: 'cancelled', cancelled_at: expect.any(String), next_step_at: null });

    const missing = await api.POST('/v1/sequences/{id}/enroll', {
      params: { path: { id: 'seq_missing' } },
      body: { brand_id: sequence.brand_id, person_id: 'person_x', recipient: 'x@example.com' },
    });
    conforms('enrollInCommsSequence', missing);
    expect(missing.error).toEqual({ error: 'not_found', message: 'Sequence seq_missing was not found.' });
  });
});
