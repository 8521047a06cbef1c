// The keys file: the documented format loads, and each mistake is reported with file, line and pointer.
import { describe, expect, it } from 'vitest';
import { loadKeysFile, parseKeysFile } from '../../src/adapters/node/keys-file.js';
import { readContract } from '../../src/core/contract.js';
import { DEMO_KEYS } from '../mock/server.js';
import { bundledSpecPath, readBundle } from '../mock/spec.js';

const scopes = readContract(readBundle(bundledSpecPath())).scopes;

const parse = (text: string) => parseKeysFile('keys.yaml', text, scopes);

describe('the keys file', () => {
  it('loads the documented demo keys against the spec scope table', async () => {
    const ring = await loadKeysFile(DEMO_KEYS, scopes);
    expect([...ring.keys()]).toEqual(expect.arrayContaining(['demo_admin', 'demo_reader', 'demo_transfers']));
    expect(ring.get('demo_transfers')!.permissions).toContainEqual({
      scope: 'MANUAL_TRANSFER',
      resources: [{ source: 'acc_01HDEF0123', target: 'acc_01HSAV9999', max_amount: 50000 }],
    });
  });

  it('reads the format of the issue verbatim', () => {
    const ring = parse(`keys:
  - key: demo_reader              # sent as "Authorization: ApiKey demo_reader"
    permissions:
      - { scope: LIST_RULES }     # resources omitted where the scope's resources are none
      - { scope: READ_RULES, resources: [rule_01HXYZ1234] }
      - { scope: MANUAL_TRANSFER, resources: [{ source: acc_1, target: acc_2, max_amount: 10000 }] }
`);
    expect(ring.get('demo_reader')).toEqual({
      key: 'demo_reader',
      organization: 'org_demo',
      permissions: [
        { scope: 'LIST_RULES' },
        { scope: 'READ_RULES', resources: ['rule_01HXYZ1234'] },
        { scope: 'MANUAL_TRANSFER', resources: [{ source: 'acc_1', target: 'acc_2', max_amount: 10000 }] },
      ],
    });
  });

  it.each([
    ['an unknown scope', 'keys:\n  - key: a\n    permissions:\n      - { scope: READ_RULEZ }\n', /^keys\.yaml:4:\d+: \/keys\/0\/permissions\/0\/scope: unknown scope "READ_RULEZ"/],
    ['resources on a scope whose resources are none', 'keys:\n  - key: a\n    permissions:\n      - { scope: LIST_RULES, resources: "*" }\n', /^keys\.yaml:4:\d+: \/keys\/0\/permissions\/0\/resources: LIST_RULES takes no resources/],
    ['missing resources', 'keys:\n  - key: a\n    permissions:\n      - scope: READ_RULES\n', /^keys\.yaml:4:\d+: \/keys\/0\/permissions\/0: READ_RULES needs "resources"/],
    ['a transfer set without target', 'keys:\n  - key: a\n    permissions:\n      - scope: MANUAL_TRANSFER\n        resources:\n          - { source: acc_1 }\n', /^keys\.yaml:6:\d+: \/keys\/0\/permissions\/0\/resources\/0\/target: target must be a non-empty string/],
    ['a negative max_amount', 'keys:\n  - key: a\n    permissions:\n      - scope: MANUAL_TRANSFER\n        resources: [{ source: a, target: b, max_amount: -1 }]\n', /\/resources\/0\/max_amount: max_amount must be a whole number/],
    ['a duplicate key', 'keys:\n  - key: a\n    permissions: []\n  - key: a\n    permissions: []\n', /^keys\.yaml:4:\d+: \/keys\/1\/key: duplicate key "a"/],
    ['a typo in a property', 'keys:\n  - key: a\n    permission: []\n', /^keys\.yaml:3:\d+: \/keys\/0\/permission: unknown property "permission"/],
    ['no keys list', 'users: []\n', /^keys\.yaml:1:\d+: \/users: unknown property "users"/],
    ['broken YAML', 'keys:\n  - key: [a\n', /^keys\.yaml:\d+:\d+: not valid YAML/],
    ['a key with a space', 'keys:\n  - key: "a b"\n    permissions: []\n', /\/keys\/0\/key: key must not contain spaces/],
    ['an organization that is not a plain name', 'keys:\n  - key: a\n    organization: __proto__\n    permissions: []\n', /^keys\.yaml:3:\d+: \/keys\/0\/organization: organization "__proto__" must start with a letter or digit/],
    ['a YAML alias bomb', `a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nkeys: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n`, /^keys\.yaml: not a usable keys file: Excessive alias count/],
  ])('reports %s with file, line and pointer', (_name, text, message) => {
    expect(() => parse(text)).toThrow(message);
  });

  it('reads "*" inside a resources list as every resource, as the docs write "rule IDs or *"', () => {
    const ring = parse('keys:\n  - key: a\n    permissions:\n      - { scope: READ_RULES, resources: ["*"] }\n');
    expect(ring.get('a')!.permissions).toEqual([{ scope: 'READ_RULES', resources: '*' }]);
  });

  it('reports a missing file by name', async () => {
    await expect(loadKeysFile('/nope/keys.yaml', scopes)).rejects.toThrow('/nope/keys.yaml: keys file not found');
  });
});
