// The contract's shape: every operation the platform documents is present, tagged, secured, and
// (for the Rules service) carries its scope, its error responses and its request-id header.
import { beforeAll, describe, expect, it } from 'vitest';
import { listOperations, loadBundledDocument, resolvePointer, type Operation } from '../support/contract.js';

const RULES_OPERATIONS = {
  listAccounts: 'get /api/v1/accounts',
  getAccount: 'get /api/v1/accounts/{id}',
  listRules: 'get /api/v1/rules',
  createRule: 'post /api/v1/rules',
  getRule: 'get /api/v1/rules/{id}',
  updateRule: 'put /api/v1/rules/{id}',
  deleteRule: 'delete /api/v1/rules/{id}',
  triggerRule: 'post /api/v1/rules/{id}/trigger',
  listRuleExecutions: 'get /api/v1/rule-executions',
  getRuleExecution: 'get /api/v1/rule-executions/{id}',
  listTransfers: 'get /api/v1/transfers',
  getTransfer: 'get /api/v1/transfers/{id}',
  createTransfer: 'post /api/v1/transfers',
  listCards: 'get /api/v1/cards',
  getCard: 'get /api/v1/cards/{id}',
  listCardTransactions: 'get /api/v1/cards/{id}/transactions',
};
const SEQUENCES_OPERATIONS = {
  createEmailSequence: 'post /api/v1/sequences',
  listEmailSequences: 'get /api/v1/sequences',
  getEmailSequence: 'get /api/v1/sequences/{id}',
  enableEmailSequence: 'post /api/v1/sequences/{id}/enable',
  disableEmailSequence: 'post /api/v1/sequences/{id}/disable',
  trackSubscriberEvent: 'post /api/v1/subscribers/events',
};
const COMMS_OPERATIONS = {
  createCommsSequence: 'post /v1/sequences',
  getCommsSequence: 'get /v1/sequences/{id}',
  enrollInCommsSequence: 'post /v1/sequences/{id}/enroll',
  cancelCommsEnrollment: 'post /v1/sequences/enrollments/{id}/cancel',
};
const IDEMPOTENT_OPERATIONS = ['createRule', 'updateRule', 'deleteRule', 'triggerRule', 'createTransfer'];
const COMING_SOON = ['createRule', 'updateRule', 'listCards', 'getCard', 'listCardTransactions'];

let document: any;
let operations: Operation[];
const byId = (operationId: string) => {
  const found = operations.find((operation) => operation.operationId === operationId);
  if (!found) throw new Error(`operation ${operationId} is not in the contract`);
  return found;
};
const parameterNames = (operation: Operation) =>
  (operation.definition.parameters ?? []).map((parameter: any) => `${parameter.in}:${parameter.name}`);

beforeAll(async () => {
  document = await loadBundledDocument();
  operations = listOperations(document);
});

describe('the document', () => {
  it('is OpenAPI 3.1.0 with the 2020-12 JSON Schema dialect', () => {
    expect(document.openapi).toBe('3.1.0');
    expect(document.jsonSchemaDialect).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  it('groups the tags into one x-tagGroup per service, covering every tag once', () => {
    const groups = document['x-tagGroups'].map((group: any) => group.name);
    expect(groups).toEqual(['Rules service', 'Sequences service', 'Comms service']);
    const grouped = document['x-tagGroups'].flatMap((group: any) => group.tags).sort();
    expect(grouped).toEqual(document.tags.map((tag: any) => tag.name).sort());
  });

  it('has exactly the documented operations at their documented paths', () => {
    const expected = { ...RULES_OPERATIONS, ...SEQUENCES_OPERATIONS, ...COMMS_OPERATIONS };
    const actual = Object.fromEntries(
      operations.filter((o) => !o.path.startsWith('webhook:')).map((o) => [o.operationId, `${o.method} ${o.path}`]),
    );
    expect(actual).toEqual(expected);
  });

  it('serves the local mock at the root, its port a variable defaulting to 4010', () => {
    expect(document.servers).toEqual([
      expect.objectContaining({ url: 'http://127.0.0.1:{port}', variables: { port: expect.objectContaining({ default: '4010' }) } }),
    ]);
  });

  it('gives every path its service\'s real host, then the local mock', () => {
    const hosts: Record<string, string> = {
      rules: 'https://api.getsequence.io',
      sequences: 'https://api.sequenzy.com',
      comms: 'https://comms.platform.loop.health',
    };
    for (const [path, item] of Object.entries<any>(document.paths)) {
      const resolved = item.$ref ? resolvePointer(document, item.$ref) : item;
      expect(resolved.servers.map((server: any) => server.url), path).toEqual([hosts[resolved['x-service']], 'http://127.0.0.1:{port}']);
    }
  });

  it('joins host and path as the seeds\' curl lines do', () => {
    const urlOf = (operationId: string) => {
      const operation = byId(operationId);
      const item = document.paths[operation.path];
      const resolved = item.$ref ? resolvePointer(document, item.$ref) : item;
      return `${resolved.servers[0].url}${operation.path}`;
    };
    expect(urlOf('createRule')).toBe('https://api.getsequence.io/api/v1/rules');
    expect(urlOf('createEmailSequence')).toBe('https://api.sequenzy.com/api/v1/sequences');
    expect(urlOf('createCommsSequence')).toBe('https://comms.platform.loop.health/v1/sequences');
  });

  it('models the three transfer webhooks as OpenAPI webhooks', () => {
    expect(Object.keys(document.webhooks).sort()).toEqual(
      ['transferCreated', 'transferRequiresApproval', 'transferStatusChanged'],
    );
  });
});

describe('every operation', () => {
  it('has an operationId, a summary, a description, exactly one known tag and a security requirement', () => {
    const tags = new Set(document.tags.map((tag: any) => tag.name));
    for (const { operationId, definition, path } of operations) {
      expect(operationId, path).toMatch(/^[a-z][A-Za-z]+$/);
      expect(definition.summary, operationId).toBeTruthy();
      expect(definition.description, operationId).toBeTruthy();
      expect(definition.tags, operationId).toHaveLength(1);
      expect(tags.has(definition.tags[0]), operationId).toBe(true);
      expect(Array.isArray(definition.security), `${operationId} declares security`).toBe(true);
    }
  });

  it('gives every response with a body at least one named example', () => {
    for (const { operationId, definition } of operations) {
      for (const [status, response] of Object.entries<any>(definition.responses)) {
        for (const [mediaType, media] of Object.entries<any>(response.content ?? {})) {
          expect(Object.keys(media.examples ?? {}).length, `${operationId} ${status} ${mediaType}`).toBeGreaterThan(0);
        }
      }
    }
  });

  it('marks the operations the sources call "Coming Soon" in an x- field and in the description', () => {
    for (const operationId of COMING_SOON) {
      const { definition } = byId(operationId);
      expect(definition['x-coming-soon'], operationId).toBe(true);
      expect(definition.description, operationId).toMatch(/^\*\*Coming Soon\*\*/);
    }
    for (const webhook of operations.filter((o) => o.path.startsWith('webhook:'))) {
      expect(webhook.definition['x-coming-soon'], webhook.path).toBe(true);
    }
    const marked = operations.filter((o) => o.definition['x-coming-soon'] && !o.path.startsWith('webhook:'));
    expect(marked.map((o) => o.operationId).sort()).toEqual([...COMING_SOON].sort());
  });
});

describe('Rules operations', () => {
  const rulesOperationIds = Object.keys(RULES_OPERATIONS);
  const scopes = () => new Map<string, any>(document['x-scopes'].map((entry: any) => [entry.scope, entry]));

  it('lists the nine documented scopes plus the rule-writing extension scope in x-scopes', () => {
    expect([...scopes().keys()]).toEqual([
      'LIST_ACCOUNTS', 'READ_ACCOUNTS', 'LIST_RULES', 'READ_RULES', 'TRIGGER_RULES',
      'READ_RULE_EXECUTIONS', 'READ_TRANSFERS', 'MANUAL_TRANSFER', 'READ_CARDS', 'CREATE_AND_EDIT_RULES',
    ]);
    expect(scopes().get('CREATE_AND_EDIT_RULES')['x-extension']).toBeTruthy();
    for (const [scope, entry] of scopes()) {
      if (scope !== 'CREATE_AND_EDIT_RULES') expect(entry['x-extension'], scope).toBeUndefined();
    }
  });

  it('renders the scope table into the ApiKeyAuth description of the bundle', () => {
    const description: string = document.components.securitySchemes.ApiKeyAuth.description;
    for (const scope of scopes().keys()) expect(description).toContain(`| \`${scope}\` |`);
    expect(description).toContain('| `MANUAL_TRANSFER` | list of { source, target, max_amount? } sets |');
  });

  it('declare a known scope in x-permission and list it in their ApiKeyAuth requirement', () => {
    for (const operationId of rulesOperationIds) {
      const { definition } = byId(operationId);
      const permission = definition['x-permission'];
      expect(permission, operationId).toBeDefined();
      expect(scopes().has(permission.scope), `${operationId}: ${permission.scope}`).toBe(true);
      expect(definition.security, operationId).toEqual([{ ApiKeyAuth: [permission.scope] }]);
    }
  });

  it('say where the guarded resource comes from exactly when the scope has resources', () => {
    for (const operationId of rulesOperationIds) {
      const { definition } = byId(operationId);
      const { scope, resource } = definition['x-permission'];
      const kind = scopes().get(scope).resources;
      if (kind === 'none') {
        expect(resource, operationId).toBeUndefined();
        continue;
      }
      expect(['path', 'query', 'body', 'response'], operationId).toContain(resource?.in);
      if (resource.in === 'path' || resource.in === 'query') {
        expect(parameterNames(byId(operationId)).concat(
          (document.paths[byId(operationId).path].parameters ?? []).map((p: any) => `${p.in}:${p.name}`),
        ), operationId).toContain(`${resource.in}:${resource.name}`);
      }
      if (resource.in === 'query') {
        const parameter = definition.parameters.find((p: any) => p.in === 'query' && p.name === resource.name);
        expect(parameter.required, `${operationId}: the ${resource.name} filter is required`).toBe(true);
      }
      if (resource.in === 'response') expect(resource.pointers.length, operationId).toBeGreaterThan(0);
      if (resource.in === 'body') expect(kind, operationId).toBe('transfer_set');
    }
  });

  it('scope the documented resources: path id, the required filters, and MANUAL_TRANSFER on the body', () => {
    expect(byId('getRule').definition['x-permission']).toEqual({ scope: 'READ_RULES', resource: { in: 'path', name: 'id' } });
    expect(byId('getAccount').definition['x-permission']).toEqual({ scope: 'READ_ACCOUNTS', resource: { in: 'path', name: 'id' } });
    expect(byId('triggerRule').definition['x-permission']).toEqual({ scope: 'TRIGGER_RULES', resource: { in: 'path', name: 'id' } });
    expect(byId('listRuleExecutions').definition['x-permission'].resource).toEqual({ in: 'query', name: 'rule_id' });
    expect(byId('listTransfers').definition['x-permission'].resource).toEqual({ in: 'query', name: 'account_id' });
    expect(byId('listCards').definition['x-permission'].resource).toEqual({ in: 'query', name: 'account_id' });
    expect(byId('createTransfer').definition['x-permission']).toEqual({
      scope: 'MANUAL_TRANSFER',
      resource: { in: 'body', source: '/source_account_id', target: '/destination_account_id', amount: '/amount_in_cents' },
    });
  });

  it('answer 400, 401 and 403 in the RulesError envelope, and 404 wherever an id is involved', () => {
    for (const operationId of rulesOperationIds) {
      const { definition, path } = byId(operationId);
      const expected = ['400', '401', '403', ...(path.includes('{id}') ? ['404'] : [])];
      for (const status of expected) {
        const schema = definition.responses[status]?.content?.['application/json']?.schema;
        expect(schema?.$ref, `${operationId} ${status}`).toBe('#/components/schemas/RulesError');
      }
    }
  });

  it('answer 401 and 403 with the seeds\' bodies', () => {
    const unauthorized = { error: { code: 'unauthorized', message: 'Missing or invalid API key.' } };
    const forbidden = { error: { code: 'forbidden', message: 'This API key does not have the required permission.' } };
    for (const operationId of rulesOperationIds) {
      const { responses } = byId(operationId).definition;
      const values = (status: string) =>
        Object.values<any>(responses[status].content['application/json'].examples).map((example) => example.value);
      expect(values('401'), operationId).toContainEqual(unauthorized);
      expect(values('403'), operationId).toContainEqual(forbidden);
    }
  });

  it('accept X-Request-ID and return it as a header on every response', () => {
    for (const operationId of rulesOperationIds) {
      const operation = byId(operationId);
      expect(parameterNames(operation), operationId).toContain('header:X-Request-ID');
      for (const [status, response] of Object.entries<any>(operation.definition.responses)) {
        expect(response.headers?.['X-Request-ID'], `${operationId} ${status}`).toBeDefined();
      }
    }
  });

  it('accept Idempotency-Key exactly where the reference shows it', () => {
    for (const operationId of rulesOperationIds) {
      const has = parameterNames(byId(operationId)).includes('header:Idempotency-Key');
      expect(has, operationId).toBe(IDEMPOTENT_OPERATIONS.includes(operationId));
    }
  });
});

describe('Sequences and Comms operations', () => {
  it('use the bearer scheme and answer 401 in their own service\'s error schema', () => {
    const cases = [
      ...Object.keys(SEQUENCES_OPERATIONS).map((id) => [id, 'SequencesError'] as const),
      ...Object.keys(COMMS_OPERATIONS).map((id) => [id, 'CommsError'] as const),
    ];
    for (const [operationId, errorSchema] of cases) {
      const { definition } = byId(operationId);
      expect(definition.security, operationId).toEqual([{ BearerAuth: [] }]);
      for (const [status, response] of Object.entries<any>(definition.responses)) {
        if (!status.startsWith('4')) continue;
        expect(response.content['application/json'].schema.$ref, `${operationId} ${status}`)
          .toBe(`#/components/schemas/${errorSchema}`);
      }
      expect(definition.responses['401'], operationId).toBeDefined();
    }
  });

  it('answer 500 on every Sequences operation and 409 where a named resource is created, as the API introduction lists them', () => {
    for (const operationId of Object.keys(SEQUENCES_OPERATIONS)) {
      const { responses } = byId(operationId).definition;
      const expected = ['500', ...(operationId === 'createEmailSequence' ? ['409'] : [])];
      for (const status of expected) {
        const media = responses[status]?.content?.['application/json'];
        expect(media?.schema?.$ref, `${operationId} ${status}`).toBe('#/components/schemas/SequencesError');
        expect(Object.keys(media.examples ?? {}).length, `${operationId} ${status} examples`).toBeGreaterThan(0);
      }
      if (operationId !== 'createEmailSequence') expect(responses['409'], operationId).toBeUndefined();
    }
  });

  it('cite the API introduction for the Sequences error envelope, marking code and details as additions', () => {
    const schema = document.components.schemas.SequencesError;
    expect(schema.description).toContain('https://docs.sequenzy.com/api-reference/introduction');
    expect(schema['x-extension']).toBeUndefined();
    for (const published of ['success', 'error']) expect(schema.properties[published]['x-extension'], published).toBeUndefined();
    for (const added of ['code', 'details']) expect(schema.properties[added]['x-extension'], added).toBeTruthy();
  });

  it('answer Comms validation errors with 422, as the comms pages document', () => {
    for (const operationId of ['createCommsSequence', 'enrollInCommsSequence']) {
      expect(byId(operationId).definition.responses['422'], operationId).toBeDefined();
    }
  });
});
