// The diff on the real contract (generated/openapi.json) against a copy changed by one edit: every
// finding expected (kind, operationId, pointer, side), and nothing else.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readContract } from '../../src/core/contract.js';
import { diffContracts } from '../../src/diff/diff.js';

type Json = any;
type Edit = (document: Json) => void;
type Expected = [kind: 'breaking' | 'compatible', operationId: string, pointer: string, side?: 'base'];

interface ContractPair {
  name: string;
  /** Applied to BASE (to test an addition); HEAD is then the real contract. */
  base?: Edit;
  head?: Edit;
  findings: Expected[];
  /** A part of one finding's sentence. */
  message?: string;
}

const contract: Json = JSON.parse(readFileSync(new URL('../../generated/openapi.json', import.meta.url), 'utf8'));
const operation = (document: Json, path: string, method: string) => document.paths[path][method];
const parameter = (document: Json, path: string, method: string, name: string) => operation(document, path, method).parameters.find((entry: Json) => entry.name === name);

const pairs: ContractPair[] = [
  { name: 'the real contract against itself', findings: [] },
  {
    name: 'an operation removed',
    head: (d) => delete d.paths['/api/v1/rules/{id}'].delete,
    findings: [['breaking', 'deleteRule', '#/paths/~1api~1v1~1rules~1{id}/delete', 'base']],
    message: 'DELETE /api/v1/rules/{id} removed',
  },
  {
    name: 'a path removed with its operation',
    head: (d) => delete d.paths['/api/v1/cards/{id}/transactions'],
    findings: [['breaking', 'listCardTransactions', '#/paths/~1api~1v1~1cards~1{id}~1transactions/get', 'base']],
    message: 'the path /api/v1/cards/{id}/transactions is gone',
  },
  {
    name: 'a new operation',
    base: (d) => delete d.paths['/api/v1/cards/{id}'],
    findings: [['compatible', 'getCard', '#/paths/~1api~1v1~1cards~1{id}/get']],
  },
  {
    name: 'an operationId renamed on the same method and path',
    head: (d) => (operation(d, '/api/v1/cards/{id}', 'get').operationId = 'fetchCard'),
    findings: [['breaking', 'fetchCard', '#/paths/~1api~1v1~1cards~1{id}/get/operationId']],
    message: 'operationId renamed from getCard to fetchCard',
  },
  {
    name: 'an operation moved to another service',
    head: (d) => (d.paths['/v1/sequences/{id}']['x-service'] = 'sequences'),
    findings: [['breaking', 'getCommsSequence', '#/paths/~1v1~1sequences~1{id}/x-service']],
    message: 'moved from the Comms service to the Sequences service',
  },
  {
    name: 'an x-permission scope changed',
    head: (d) => (operation(d, '/api/v1/cards', 'get')['x-permission'].scope = 'READ_ACCOUNTS'),
    findings: [['breaking', 'listCards', '#/paths/~1api~1v1~1cards/get/x-permission/scope']],
  },
  {
    name: 'an x-permission resource rule changed',
    head: (d) => (operation(d, '/api/v1/accounts/{id}', 'get')['x-permission'].resource = { in: 'query', name: 'account_id' }),
    findings: [['breaking', 'getAccount', '#/paths/~1api~1v1~1accounts~1{id}/get/x-permission/resource']],
    message: 'from the path parameter id to the query parameter account_id',
  },
  {
    name: 'an x-permission added where there was none',
    head: (d) => (operation(d, '/v1/sequences/{id}', 'get')['x-permission'] = { scope: 'LIST_RULES' }),
    findings: [['breaking', 'getCommsSequence', '#/paths/~1v1~1sequences~1{id}/get/x-permission']],
  },
  {
    name: 'a security requirement changed',
    head: (d) => (operation(d, '/api/v1/accounts', 'get').security = [{ ApiKeyAuth: ['READ_ACCOUNTS'] }]),
    findings: [['breaking', 'listAccounts', '#/paths/~1api~1v1~1accounts/get/security']],
  },
  {
    name: 'another way to authenticate added',
    head: (d) => operation(d, '/v1/sequences/{id}', 'get').security.push({ ApiKeyAuth: [] }),
    findings: [['compatible', 'getCommsSequence', '#/paths/~1v1~1sequences~1{id}/get/security']],
  },
  {
    name: 'a success status changed',
    head: (d) => {
      const responses = operation(d, '/api/v1/transfers', 'post').responses;
      responses['201'] = responses['202'];
      delete responses['202'];
    },
    findings: [['breaking', 'createTransfer', '#/paths/~1api~1v1~1transfers/post/responses/201']],
    message: 'success status changed from 202 to 201',
  },
  {
    name: 'a success status removed',
    head: (d) => delete operation(d, '/api/v1/rules/{id}', 'delete').responses['204'],
    findings: [['breaking', 'deleteRule', '#/paths/~1api~1v1~1rules~1{id}/delete/responses/204', 'base']],
  },
  {
    name: 'a new error status documented',
    head: (d) => {
      const responses = operation(d, '/api/v1/transfers', 'post').responses;
      responses['409'] = responses['400'];
    },
    findings: [['compatible', 'createTransfer', '#/paths/~1api~1v1~1transfers/post/responses/409']],
  },
  {
    name: 'an error status no longer documented',
    head: (d) => delete operation(d, '/api/v1/cards/{id}', 'get').responses['404'],
    findings: [['compatible', 'getCard', '#/paths/~1api~1v1~1cards~1{id}/get/responses/404', 'base']],
  },
  {
    name: 'a query parameter made required',
    head: (d) => (parameter(d, '/api/v1/transfers', 'get', 'status').required = true),
    findings: [['breaking', 'listTransfers', '#/paths/~1api~1v1~1transfers/get/parameters/5/required']],
    message: 'query parameter status is now required',
  },
  {
    name: 'a required query parameter added',
    head: (d) => operation(d, '/api/v1/accounts', 'get').parameters.push({ name: 'org', in: 'query', required: true, schema: { type: 'string' } }),
    findings: [['breaking', 'listAccounts', '#/paths/~1api~1v1~1accounts/get/parameters/2']],
  },
  {
    name: 'an optional query parameter added',
    head: (d) => operation(d, '/api/v1/accounts', 'get').parameters.push({ name: 'org', in: 'query', schema: { type: 'string' } }),
    findings: [['compatible', 'listAccounts', '#/paths/~1api~1v1~1accounts/get/parameters/2']],
  },
  {
    name: 'a query parameter removed',
    head: (d) => operation(d, '/api/v1/transfers', 'get').parameters.splice(4, 1),
    findings: [['breaking', 'listTransfers', '#/paths/~1api~1v1~1transfers/get/parameters/4', 'base']],
    message: 'query parameter origin removed',
  },
  {
    name: 'a query parameter bound tightened',
    head: (d) => (parameter(d, '/api/v1/transfers', 'get', 'first').schema.maximum = 50),
    findings: [['breaking', 'listTransfers', '#/paths/~1api~1v1~1transfers/get/parameters/6/schema/maximum']],
    message: 'query parameter first: maximum lowered from 100 to 50',
  },
  {
    name: 'a request media type replaced',
    head: (d) => {
      const content = operation(d, '/api/v1/transfers', 'post').requestBody.content;
      content['application/merge-patch+json'] = content['application/json'];
      delete content['application/json'];
    },
    findings: [
      ['breaking', 'createTransfer', '#/paths/~1api~1v1~1transfers/post/requestBody/content/application~1json', 'base'],
      ['compatible', 'createTransfer', '#/paths/~1api~1v1~1transfers/post/requestBody/content/application~1merge-patch+json'],
    ],
  },
  {
    name: 'a request body made optional',
    head: (d) => (operation(d, '/api/v1/transfers', 'post').requestBody.required = false),
    findings: [['compatible', 'createTransfer', '#/paths/~1api~1v1~1transfers/post/requestBody/required', 'base']],
  },
  {
    name: 'a request bound tightened (the transfer amount)',
    base: (d) => (d.components.schemas.TransferCreateRequest.properties.amount_in_cents.maximum = 100000),
    head: (d) => (d.components.schemas.TransferCreateRequest.properties.amount_in_cents.maximum = 50000),
    findings: [['breaking', 'createTransfer', '#/components/schemas/TransferCreateRequest/properties/amount_in_cents/maximum']],
    message: 'request body property /amount_in_cents: maximum lowered from 100000 to 50000',
  },
  {
    name: 'a summary reworded and an operation deprecated',
    head: (d) => Object.assign(operation(d, '/api/v1/cards/{id}', 'get'), { summary: 'Read one card', deprecated: true }),
    findings: [
      ['compatible', 'getCard', '#/paths/~1api~1v1~1cards~1{id}/get/summary'],
      ['compatible', 'getCard', '#/paths/~1api~1v1~1cards~1{id}/get/deprecated'],
    ],
  },
  {
    name: 'a response header removed',
    head: (d) => delete operation(d, '/api/v1/transfers/{id}', 'get').responses['200'].headers['X-Request-ID'],
    findings: [['breaking', 'getTransfer', '#/paths/~1api~1v1~1transfers~1{id}/get/responses/200/headers/X-Request-ID', 'base']],
  },
  {
    name: 'an example changed',
    head: (d) => (d.components.examples.transfer.value.data.amount_in_cents += 1),
    findings: [['compatible', 'getTransfer', '#/components/examples/transfer']],
  },
  {
    name: 'a webhook payload gains an event value (the client reads it)',
    head: (d) => {
      const event = d.components.schemas.TransferCreatedWebhookEvent.properties.event;
      delete event.const;
      event.enum = ['transfer.created', 'transfer.created.v2'];
    },
    findings: [['breaking', 'onTransferCreated', '#/components/schemas/TransferCreatedWebhookEvent/properties/event/enum']],
  },
  {
    name: 'a webhook payload field no longer always sent',
    head: (d) => d.components.schemas.TransferCreatedWebhookEvent.required.splice(1, 1),
    findings: [['breaking', 'onTransferCreated', '#/components/schemas/TransferCreatedWebhookEvent/required/1', 'base']],
  },
  {
    name: 'a webhook payload field tightened (the service sends less)',
    head: (d) => (d.components.schemas.TransferCreatedWebhookEvent.properties.data.properties.transfer_id.minLength = 5),
    findings: [['compatible', 'onTransferCreated', '#/components/schemas/TransferCreatedWebhookEvent/properties/data/properties/transfer_id/minLength']],
  },
  {
    name: 'a variant removed from the rule action union',
    head: (d) => {
      d.components.schemas.RuleAction.oneOf.pop();
      delete d.components.schemas.RuleAction.discriminator.mapping.next_payment_minimum;
    },
    findings: [
      ['breaking', 'createRule', '#/components/schemas/RuleAction/oneOf/6', 'base'],
      ['compatible', 'createRule', '#/components/schemas/RuleAction/oneOf/6', 'base'],
      ['compatible', 'getRule', '#/components/schemas/RuleAction/oneOf/6', 'base'],
      ['breaking', 'updateRule', '#/components/schemas/RuleAction/oneOf/6', 'base'],
      ['compatible', 'updateRule', '#/components/schemas/RuleAction/oneOf/6', 'base'],
    ],
    message: 'request body item /steps/0/actions/0: variant where type is "next_payment_minimum" removed',
  },
  {
    name: 'a bound tightened inside one variant of the rule action union',
    head: (d) => (d.components.schemas.FixedAmountAction.allOf[1].properties.amount_in_cents.maximum = 50000),
    findings: ['createRule', 'updateRule', 'getRule'].flatMap((id): Expected[] => [
      ...(id === 'getRule' ? [] : [['breaking', id, '#/components/schemas/FixedAmountAction/allOf/1/properties/amount_in_cents/maximum'] as Expected]),
      ['compatible', id, '#/components/schemas/FixedAmountAction/allOf/1/properties/amount_in_cents/maximum'],
    ]),
    message: 'request body property /steps/0/actions/0/amount_in_cents: maximum 50000 added (when /steps/0/actions/0/type is "fixed_amount")',
  },
  {
    name: 'the then of an if/then in the sequence create request changed',
    head: (d) => (d.components.schemas.EmailSequenceCreateRequest.allOf[0].then.properties.trigger.const = 'tag_added'),
    findings: [['breaking', 'createEmailSequence', '#/components/schemas/EmailSequenceCreateRequest/allOf/0/then/properties/trigger/const']],
    message: '(when /enrollmentMode is "matching_field")',
  },
  {
    name: "a scope's resource kind changed in the scope table",
    head: (d) => (d['x-scopes'].find((entry: Json) => entry.scope === 'READ_CARDS').resources = 'rule'),
    findings: [['breaking', 'document', '#/x-scopes/8/resources']],
  },
  {
    name: 'info.version raised',
    head: (d) => (d.info.version = '1.0.0'),
    findings: [['compatible', 'document', '#/info/version']],
    message: 'info.version changed from 0.1.0 to 1.0.0',
  },
];

const load = (edit: Edit | undefined) => {
  const document = structuredClone(contract);
  edit?.(document);
  return { document, contract: readContract(document) };
};

const order = (findings: Array<[string, string, string, string]>) => findings.map((finding) => finding.join(' ')).sort();

describe('diff of the real contract against one edit', () => {
  for (const pair of pairs) {
    it(pair.name, () => {
      const { findings } = diffContracts(load(pair.base), load(pair.head));
      expect(order(findings.map(({ kind, operationId, pointer, side }) => [kind, operationId, pointer, side])))
        .toEqual(order(pair.findings.map(([kind, operationId, pointer, side]) => [kind, operationId, pointer, side ?? 'head'])));
      if (pair.message) expect(findings.map((finding) => finding.message)).toContainEqual(expect.stringContaining(pair.message));
    });
  }
});
