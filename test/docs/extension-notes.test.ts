// What readers see of the vendor extensions: permissions, Coming Soon markers, contract extensions, auth.
import { beforeAll, describe, expect, it } from 'vitest';

import { AUTH_HEADING, renderAuthSection } from '../../src/redocly/auth-section.js';
import {
  appendParagraph,
  COMING_SOON_SENTENCE,
  renderBadges,
  renderExtension,
  renderPermission,
  withComingSoon,
} from '../../src/redocly/extension-notes.js';
import { renderScopeTable } from '../../src/redocly/scope-table.js';
import { operationsOf } from './bundle.js';
import { loadBundledDocument } from '../support/contract.js';

const scopes = [
  { scope: 'LIST_RULES', resources: 'none', grants: 'List all rules' },
  { scope: 'READ_RULES', resources: 'rule', grants: 'Read a rule' },
  { scope: 'READ_TRANSFERS', resources: 'account', grants: 'Transfer history' },
  { scope: 'MANUAL_TRANSFER', resources: 'transfer_set', grants: 'Manual transfers' },
];

describe('renderPermission', () => {
  it('says a scope without resources needs nothing more', () => {
    expect(renderPermission({ scope: 'LIST_RULES' }, scopes)).toBe(
      '**Permission:** the API key needs the `LIST_RULES` scope. Resource rule: none, the scope alone grants access.',
    );
  });
  it('names the path parameter whose rule ID must be allowed', () => {
    const note = renderPermission({ scope: 'READ_RULES', resource: { in: 'path', name: 'id' } }, scopes);
    expect(note).toContain('the rule ID in the path parameter `id` must be in the `READ_RULES` resources of the key');
  });
  it('says the query filter is required and its account ID must be allowed', () => {
    const note = renderPermission({ scope: 'READ_TRANSFERS', resource: { in: 'query', name: 'account_id' } }, scopes);
    expect(note).toContain('the query parameter `account_id` is required, and its account ID must be in');
  });
  it('lists the response pointers the resource is read from', () => {
    const note = renderPermission(
      { scope: 'READ_RULES', resource: { in: 'response', pointers: ['/data/rule_id', '/data/rule/id'] } },
      scopes,
    );
    expect(note).toContain('found in the response at `/data/rule_id`, `/data/rule/id`');
  });
  it('explains transfer sets and max_amount for MANUAL_TRANSFER', () => {
    const note = renderPermission(
      {
        scope: 'MANUAL_TRANSFER',
        resource: { in: 'body', source: '/source_account_id', target: '/destination_account_id', amount: '/amount_in_cents' },
      },
      scopes,
    );
    expect(note).toContain('(`/source_account_id`)');
    expect(note).toContain('(`/destination_account_id`)');
    expect(note).toContain('must not exceed that set\'s `max_amount`');
  });
});

describe('description helpers', () => {
  it('appends a paragraph once, however often the decorator runs', () => {
    const once = appendParagraph('Lists rules.', renderExtension('invented'));
    expect(appendParagraph(once, renderExtension('invented'))).toBe(once);
    expect(once).toBe('Lists rules.\n\n**Contract extension** (beyond the published docs): invented\n');
  });
  it('names the published pages\' badges in one sentence', () => {
    expect(renderBadges([{ name: 'v2' }])).toBe('**Marked on the published reference:** **v2**.');
  });
  it('opens a Coming Soon description with the sentence exactly once', () => {
    expect(withComingSoon('Creates a rule.')).toBe(`${COMING_SOON_SENTENCE}\n\nCreates a rule.\n`);
    const already = `${COMING_SOON_SENTENCE}\n\nCreates a rule.\n`;
    expect(withComingSoon(already)).toBe(already);
  });
});

describe('renderAuthSection', () => {
  const schemes = {
    ApiKeyAuth: { type: 'apiKey', in: 'header', name: 'Authorization', description: 'Format: `ApiKey <key>`.' },
    BearerAuth: { type: 'http', scheme: 'bearer', description: 'Sequences and Comms.' },
  };
  it('describes every scheme and shows the scope table once', () => {
    const section = renderAuthSection(schemes, scopes);
    const table = renderScopeTable(scopes);
    expect(section.startsWith(AUTH_HEADING)).toBe(true);
    expect(section).toContain('### ApiKeyAuth');
    expect(section).toContain('### BearerAuth');
    expect(section.split(table).length - 1).toBe(1);
  });
  it('does not repeat a table the scheme description already carries', () => {
    const table = renderScopeTable(scopes);
    const withTable = { ...schemes, ApiKeyAuth: { ...schemes.ApiKeyAuth, description: `Keys.\n\n${table}` } };
    expect(renderAuthSection(withTable, scopes).split(table).length - 1).toBe(1);
  });
});

describe('the bundled contract', () => {
  let document: any;
  beforeAll(async () => {
    document = await loadBundledDocument();
  });

  it('states the permission of every Rules operation in its description', () => {
    const missing = operationsOf(document)
      .filter(({ operation }) => operation['x-permission'])
      .filter(({ operation }) => !operation.description?.includes(renderPermission(operation['x-permission'], document['x-scopes'])))
      .map(({ operation }) => operation.operationId);
    expect(missing).toEqual([]);
  });

  it('marks every Coming Soon operation and webhook with the sentence and a badge', () => {
    const all = [
      ...operationsOf(document).map(({ operation }) => operation),
      ...Object.values<any>(document.webhooks ?? {}).flatMap((item) => Object.values<any>(item)),
    ].filter((operation) => operation?.['x-coming-soon'] === true);
    const unmarked = all
      .filter(
        (operation) =>
          !operation.description.startsWith('**Coming Soon**') ||
          !operation['x-badges']?.some((badge: { name: string }) => badge.name === 'Coming Soon'),
      )
      .map((operation) => operation.operationId);
    expect(unmarked).toEqual([]);
  });

  it('records the published pages\' v2 badges on create, update and delete rule, and names them in the description', () => {
    const byId = new Map(operationsOf(document).map(({ operation }) => [operation.operationId, operation]));
    const badged = [...byId.values()]
      .filter((operation) => operation['x-badges']?.some((badge: { name: string }) => badge.name === 'v2'))
      .map((operation) => operation.operationId)
      .sort();
    expect(badged).toEqual(['createRule', 'deleteRule', 'updateRule']);
    for (const operationId of badged) {
      const operation = byId.get(operationId);
      expect(operation.description, operationId).toContain(renderBadges([{ name: 'v2' }]));
      expect(operation.description, operationId).not.toContain('**Coming Soon**,');
    }
    expect(byId.get('createRule')['x-badges'].map((badge: { name: string }) => badge.name)).toEqual(['v2', 'Coming Soon']);
  });

  it('shows every x-extension reason in the description next to it', () => {
    const hidden: string[] = [];
    const visit = (node: any, pointer: string) => {
      if (Array.isArray(node)) return node.forEach((item, index) => visit(item, `${pointer}/${index}`));
      if (!node || typeof node !== 'object') return;
      const isScopeEntry = /^\/x-scopes\/\d+$/.test(pointer); // shown in the scope table instead
      if (node['x-extension'] !== undefined && !isScopeEntry) {
        if (!String(node.description ?? '').includes(renderExtension(node['x-extension']))) hidden.push(pointer);
      }
      for (const [key, value] of Object.entries(node)) visit(value, `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`);
    };
    visit(document, '');
    expect(hidden).toEqual([]);
  });

  it('opens info.description with the platform and ends it with the Authentication section', () => {
    expect(document.info.description).toContain(AUTH_HEADING);
    expect(document.info.description).toContain(renderScopeTable(document['x-scopes']));
  });
});
