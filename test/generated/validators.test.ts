// generated/validators.js against the contract: every example and seed fixture is accepted, every
// broken payload is rejected at the pointer of what is wrong, with a sentence.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { jsonContent, readContract, type Content } from '../../src/core/contract.js';
import {
  isCommsSequence,
  isRule,
  operationIds,
  schemaNames,
  validateRequest,
  validateResponse,
  validateSchema,
  type OperationId,
  type ValidationResult,
} from '../../generated/validators.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const document = JSON.parse(readFileSync(path.join(root, 'generated/openapi.json'), 'utf8'));
const { operations } = readContract(document);
const examplesOf = (contents: Content[] = []) => jsonContent(contents)?.examples ?? [];

interface SeedFixture {
  file: string;
  'x-operation': OperationId;
  'x-direction': 'request' | 'response';
  'x-status'?: number;
  value: any;
}

const seedDirectory = path.join(root, 'test/fixtures/seeds');
const seeds: SeedFixture[] = readdirSync(seedDirectory)
  .filter((file) => file.endsWith('.json'))
  .sort()
  .map((file) => ({ file, ...JSON.parse(readFileSync(path.join(seedDirectory, file), 'utf8')) }));

const seedValue = (predicate: (seed: SeedFixture) => boolean) => {
  const seed = seeds.find(predicate);
  if (!seed) throw new Error('No seed fixture matches');
  return structuredClone(seed.value);
};
const seedRule = () => seedValue((seed) => seed.file === '000_createRule_request.json');
const seedRuleResponse = () => seedValue((seed) => seed.file === '000_createRule_response_201.json');
const seedGoalSequence = () => seedValue((seed) => seed['x-operation'] === 'createEmailSequence' && seed['x-direction'] === 'request' && 'goal' in seed.value);
const seedBlocksSequence = () =>
  seedValue((seed) => seed['x-operation'] === 'createEmailSequence' && seed['x-direction'] === 'request' && Array.isArray(seed.value.steps) && 'blocks' in seed.value.steps[0]);
const commsSequence = () => {
  const example = examplesOf(operations.find((operation) => operation.operationId === 'createCommsSequence')?.requestBody?.contents)[0];
  if (!example) throw new Error('createCommsSequence has no request example');
  return structuredClone(example.value) as any;
};

const errorsOf = (result: ValidationResult) => (result.valid ? [] : result.errors);

describe('every example of the contract', () => {
  const examples = operations.flatMap((operation) => [
    ...examplesOf(operation.requestBody?.contents).map((example) => ({
      label: `${operation.operationId} request "${example.name}"`,
      check: () => validateRequest(operation.operationId as OperationId, example.value),
    })),
    ...operation.responses.flatMap((response) =>
      examplesOf(response.contents).map((example) => ({
        label: `${operation.operationId} ${response.status} "${example.name}"`,
        check: () => validateResponse(operation.operationId as OperationId, response.status, example.value),
      })),
    ),
  ]);

  it('has examples to check', () => {
    expect(examples.length).toBeGreaterThan(0);
  });

  it.each(examples)('accepts $label', ({ check }) => {
    expect(check()).toEqual({ valid: true });
  });
});

describe('every seed fixture', () => {
  it.each(seeds)('accepts $file', (seed) => {
    const result =
      seed['x-direction'] === 'request'
        ? validateRequest(seed['x-operation'], seed.value)
        : validateResponse(seed['x-operation'], seed['x-status']!, seed.value);
    expect(result).toEqual({ valid: true });
  });
});

interface NegativeCase {
  name: string;
  check: () => ValidationResult;
  /** The pointers of every error reported, in order: only what was broken, nothing from other branches. */
  pointers: string[];
}

const negativeCases: NegativeCase[] = [
  {
    name: 'createRule with trigger.type "BOGUS" is wrong at the tag only',
    check: () => validateRequest('createRule', { ...seedRule(), trigger: { type: 'BOGUS', account_id: 'acc_01HABC4567' } }),
    pointers: ['/trigger/type'],
  },
  {
    name: 'createRule with a trigger without type misses the tag',
    check: () => validateRequest('createRule', { ...seedRule(), trigger: { account_id: 'acc_01HABC4567' } }),
    pointers: ['/trigger/type'],
  },
  {
    name: 'createRule with an ON_FUNDS_TRANSFERRED trigger reports that branch only',
    check: () => validateRequest('createRule', { ...seedRule(), trigger: { type: 'ON_FUNDS_TRANSFERRED' } }),
    pointers: ['/trigger/account_id'],
  },
  {
    name: 'createRule with an action of unknown type',
    check: () => {
      const rule = seedRule();
      rule.steps[0].actions[0].type = 'teleport';
      return validateRequest('createRule', rule);
    },
    pointers: ['/steps/0/actions/0/type'],
  },
  {
    name: 'createRule with a percentage above 100',
    check: () => {
      const rule = seedRule();
      rule.steps[0].actions[0].percentage_value = 120;
      return validateRequest('createRule', rule);
    },
    pointers: ['/steps/0/actions/0/percentage_value'],
  },
  {
    name: 'createRule with conditions that are neither an object nor null',
    check: () => {
      const rule = seedRule();
      rule.steps[0].conditions = 'always';
      return validateRequest('createRule', rule);
    },
    pointers: ['/steps/0/conditions'],
  },
  {
    name: 'createRule with a property the contract does not know, checked strictly',
    check: () => validateRequest('createRule', { ...seedRule(), colour: 'blue' }, { strict: true }),
    pointers: ['/colour'],
  },
  {
    name: 'createEmailSequence with emailCount 11',
    check: () => validateRequest('createEmailSequence', { ...seedGoalSequence(), emailCount: 11 }),
    pointers: ['/emailCount'],
  },
  {
    name: 'createEmailSequence with enrollmentMode matching_field and trigger contact_added',
    check: () => validateRequest('createEmailSequence', { ...seedGoalSequence(), trigger: 'contact_added', enrollmentMode: 'matching_field' }),
    pointers: ['/trigger'],
  },
  {
    name: 'createEmailSequence with trigger tag_added and no tagName',
    check: () => validateRequest('createEmailSequence', { ...seedGoalSequence(), trigger: 'tag_added' }),
    pointers: ['/tagName'],
  },
  {
    name: 'createEmailSequence with both a goal and steps',
    check: () => validateRequest('createEmailSequence', { ...seedGoalSequence(), steps: seedBlocksSequence().steps }),
    pointers: [''],
  },
  {
    name: 'createEmailSequence with an email step without blocks or html',
    check: () => validateRequest('createEmailSequence', { ...seedBlocksSequence(), steps: [{ subject: 'Welcome!' }] }),
    pointers: ['/steps/0'],
  },
  {
    name: 'createEmailSequence with a step of type "fax"',
    check: () => validateRequest('createEmailSequence', { ...seedBlocksSequence(), steps: [{ type: 'fax', subject: 'Hi', html: '<p>Hi</p>' }] }),
    pointers: ['/steps/0/type'],
  },
  {
    name: 'createEmailSequence with a create_discount step without discount',
    check: () => validateRequest('createEmailSequence', { ...seedBlocksSequence(), steps: [{ type: 'create_discount' }] }),
    pointers: ['/steps/0/discount'],
  },
  {
    name: 'createEmailSequence with a has_tag stopCondition without value',
    check: () => validateRequest('createEmailSequence', { ...seedGoalSequence(), stopCondition: { type: 'has_tag' } }),
    pointers: ['/stopCondition/value'],
  },
  {
    name: 'createCommsSequence with a step on channel "fax"',
    check: () => {
      const sequence = commsSequence();
      sequence.steps[0].channel = 'fax';
      return validateRequest('createCommsSequence', sequence);
    },
    pointers: ['/steps/0/channel'],
  },
  {
    name: 'createCommsSequence with brand_id ""',
    check: () => validateRequest('createCommsSequence', { ...commsSequence(), brand_id: '' }),
    pointers: ['/brand_id'],
  },
  {
    name: 'createCommsSequence without brand_id',
    check: () => {
      const { brand_id: _brand, ...sequence } = commsSequence();
      return validateRequest('createCommsSequence', sequence);
    },
    pointers: ['/brand_id'],
  },
  {
    name: 'createCommsSequence with a negative delay',
    check: () => {
      const sequence = commsSequence();
      sequence.steps[1].delay_minutes = -5;
      return validateRequest('createCommsSequence', sequence);
    },
    pointers: ['/steps/1/delay_minutes'],
  },
  {
    name: 'a createRule 201 response without request_id',
    check: () => {
      const { request_id: _requestId, ...response } = seedRuleResponse();
      return validateResponse('createRule', 201, response);
    },
    pointers: ['/request_id'],
  },
  {
    name: 'a createRule 201 response whose rule has an unknown status',
    check: () => {
      const response = seedRuleResponse();
      response.data.status = 'paused';
      return validateResponse('createRule', 201, response);
    },
    pointers: ['/data/status'],
  },
];

describe('a broken payload', () => {
  it.each(negativeCases)('is rejected: $name', ({ check, pointers }) => {
    const result = check();
    expect(result.valid).toBe(false);
    expect(errorsOf(result).map((error) => error.pointer)).toEqual(pointers);
  });

  it.each(negativeCases)('is explained in a sentence: $name', ({ check }) => {
    for (const { message } of errorsOf(check())) expect(message).toMatch(/^["A-Z].*\.$/s);
  });

  it('names the allowed values of an unknown tag', () => {
    const [error] = errorsOf(validateRequest('createRule', { ...seedRule(), trigger: { type: 'BOGUS', account_id: 'acc_01HABC4567' } }));
    expect(error.message).toBe('The string "BOGUS" is not one of the allowed values: "ON_FUNDS_TRANSFERRED", "SCHEDULED" or "MANUAL".');
  });

  it('states the contract rule that a cross-field constraint breaks', () => {
    const [error] = errorsOf(validateRequest('createEmailSequence', { ...seedGoalSequence(), trigger: 'tag_added' }));
    expect(error.message).toBe('"tag_added" needs "tagName".');
  });

  it('states the rule, naming both properties, when an email step has neither blocks nor html', () => {
    const [error] = errorsOf(validateRequest('createEmailSequence', { ...seedBlocksSequence(), steps: [{ subject: 'Welcome!' }] }));
    expect(error.message).toBe('An email step needs its content as "blocks" or as "html".');
  });
});

describe('operations and statuses the contract does not declare', () => {
  it('throws on an unknown operationId, naming the known ones', () => {
    expect(() => validateRequest('createRules' as OperationId, {})).toThrow(/Unknown operationId "createRules"\. Known operationIds: .*createRule,/);
    expect(() => validateResponse('nope' as OperationId, 200, {})).toThrow(/Known operationIds: .*createCommsSequence/);
  });

  it('answers invalid for an undeclared status, naming the declared ones', () => {
    expect(validateResponse('getRule', 500, {})).toEqual({
      valid: false,
      errors: [{ pointer: '', message: expect.stringMatching(/^getRule declares no 500 response; it declares 200, .*404\.$/) }],
    });
  });

  it('accepts no body for an operation without requestBody, and rejects one', () => {
    expect(validateRequest('deleteRule', undefined)).toEqual({ valid: true });
    expect(validateRequest('deleteRule', { id: 'rule_01' }).valid).toBe(false);
  });

  it('rejects a missing body where the request body is required', () => {
    expect(validateRequest('createRule', undefined)).toEqual({ valid: false, errors: [{ pointer: '', message: 'createRule needs a request body.' }] });
  });

  it('accepts an empty 204 response and rejects a body there', () => {
    expect(validateResponse('deleteRule', 204, undefined)).toEqual({ valid: true });
    expect(validateResponse('deleteRule', 204, { deleted: true }).valid).toBe(false);
  });

  it('checks webhook payloads by their operationId', () => {
    const webhook = operations.find((operation) => operation.webhook && examplesOf(operation.requestBody?.contents).length > 0);
    expect(webhook).toBeDefined();
    expect(validateRequest(webhook!.operationId as OperationId, examplesOf(webhook!.requestBody!.contents)[0].value)).toEqual({ valid: true });
    expect(validateRequest(webhook!.operationId as OperationId, {}).valid).toBe(false);
  });
});

describe('type guards and schema checks', () => {
  it('has a guard and a validateSchema entry for every component schema', () => {
    expect([...schemaNames]).toEqual(Object.keys(document.components.schemas));
    expect(operationIds).toEqual(operations.map((operation) => operation.operationId));
  });

  it('isRule accepts the seed rule and rejects a fragment of it', () => {
    const { data: rule } = seedRuleResponse();
    expect(isRule(rule)).toBe(true);
    expect(isRule({ id: rule.id })).toBe(false);
  });

  it('isCommsSequence rejects a create request (it lacks the server fields)', () => {
    expect(isCommsSequence(commsSequence())).toBe(false);
  });

  it('validateSchema explains, and throws on an unknown schema name', () => {
    expect(errorsOf(validateSchema('RuleTrigger', { type: 'BOGUS' })).map((error) => error.pointer)).toEqual(['/type']);
    expect(() => validateSchema('Rules' as never, {})).toThrow(/Unknown schema "Rules"\. Known schemas: /);
  });
});
