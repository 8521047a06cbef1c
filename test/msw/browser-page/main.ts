// A frontend as test/msw/browser.test.ts builds it with Vite: MSW's worker with the contract's handlers
// (stateful), and the API called through openapi-fetch typed by the generated types. Each scenario is
// a window function the test calls; each returns what the page saw.
import { setupWorker } from 'msw/browser';
import createClient from 'openapi-fetch';
import type { paths } from '../../../generated/types.js';
import { createHandlers } from '../../../src/adapters/msw/index.js';

type NewRule = paths['/api/v1/rules']['post']['requestBody']['content']['application/json'];

const worker = setupWorker(...createHandlers({ stateful: true }));
const started = worker.start({ quiet: true, onUnhandledRequest: 'error' });

/** The API on this page's origin, or on another one (the worker answers before any request leaves). */
function api(authorization?: string, baseUrl = location.origin) {
  return createClient<paths>({ baseUrl, headers: authorization ? { Authorization: authorization } : {} });
}

const form: NewRule = {
  nickname: 'Round-up savings',
  status: 'enabled',
  trigger: { type: 'MANUAL' },
  steps: [
    {
      conditions: null,
      actions: [{ type: 'fixed_amount', amount_in_cents: 2500, source: { id: 'acc_01HABC4567', type: 'income_source' }, destination: { id: 'acc_01HDEF0123', type: 'pod' } }],
    },
  ],
};

const scenarios = {
  async readRule(baseUrl?: string) {
    await started;
    const { data, response } = await api('ApiKey demo_admin', baseUrl).GET('/api/v1/rules/{id}', { params: { path: { id: 'rule_01HXYZ1234' } } });
    return { status: response.status, id: data?.data.id, requestId: data?.request_id, requestIdHeader: response.headers.get('X-Request-ID') };
  },
  async withoutKey() {
    await started;
    const { error, response } = await api().GET('/api/v1/rules/{id}', { params: { path: { id: 'rule_01HXYZ1234' } } });
    return { status: response.status, error, challenge: response.headers.get('WWW-Authenticate') };
  },
  async otherRule() {
    await started;
    const { error, response } = await api('ApiKey demo_reader').GET('/api/v1/rules/{id}', { params: { path: { id: 'rule_OTHER' } } });
    return { status: response.status, error, reason: response.headers.get('X-Mock-Reason') };
  },
  async scheduledWithoutSchedule() {
    await started;
    // What a form could send: a SCHEDULED trigger without its schedule_type (the types would refuse it).
    const body = { ...form, trigger: { type: 'SCHEDULED' } } as unknown as NewRule;
    const { error, response } = await api('ApiKey demo_admin').POST('/api/v1/rules', { body });
    return { status: response.status, error };
  },
  async createThenList() {
    await started;
    const client = api('ApiKey demo_admin');
    const { data: created, response } = await client.POST('/api/v1/rules', { body: form });
    const { data: list } = await client.GET('/api/v1/rules');
    return { status: response.status, created: created?.data, listed: list?.data.map((rule) => rule.id) };
  },
};

Object.assign(window, { scenarios });
