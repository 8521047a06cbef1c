// validateParameters: the parameters an operation declares (path-level and its own) checked as a
// request sends them, as strings, with problems reported by location and documented name.
import { describe, expect, it } from 'vitest';
import { validateParameters } from '../../generated/validators.js';
import { checkParameters, type ParameterCheck } from '../../src/validation/parameters.js';
import type { Validate } from '../../src/validation/report.js';

const TRANSFERS = { account_id: 'acc_01HDEF0123' };

describe('validateParameters on the contract', () => {
  it('answers the coerced values, headers under their documented name', () => {
    expect(validateParameters('listTransfers', { query: { ...TRANSFERS, first: '20', status: 'complete' }, header: { 'x-request-id': 'req_1' } })).toEqual({
      valid: true,
      values: { path: {}, query: { account_id: 'acc_01HDEF0123', first: 20, status: 'complete' }, header: { 'X-Request-ID': 'req_1' } },
    });
  });

  it('reports a missing required parameter by location and name', () => {
    expect(validateParameters('listTransfers', {})).toEqual({
      valid: false,
      errors: [{ in: 'query', pointer: '/account_id', message: 'Required query parameter "account_id" is missing.' }],
    });
    expect(validateParameters('getRule', { path: {} })).toEqual({
      valid: false,
      errors: [{ in: 'path', pointer: '/id', message: 'Required path parameter "id" is missing.' }],
    });
  });

  it('keeps a value that does not coerce as the string sent, so the error says what it was', () => {
    expect(validateParameters('listTransfers', { query: { ...TRANSFERS, first: 'ten' } })).toEqual({
      valid: false,
      errors: [{ in: 'query', pointer: '/first', message: 'Expected an integer, got the string "ten".' }],
    });
    expect(validateParameters('listTransfers', { query: { ...TRANSFERS, first: '1e400' } })).toEqual({
      valid: false,
      errors: [{ in: 'query', pointer: '/first', message: 'Expected an integer, got the string "1e400".' }],
    });
  });

  it('checks coerced numbers against the schema\'s bounds', () => {
    expect(validateParameters('listTransfers', { query: { ...TRANSFERS, first: '500' } })).toEqual({
      valid: false,
      errors: [{ in: 'query', pointer: '/first', message: 'Must be at most 100, got 500.' }],
    });
    expect(validateParameters('listTransfers', { query: { ...TRANSFERS, first: '2.5' } })).toEqual({
      valid: false,
      errors: [{ in: 'query', pointer: '/first', message: 'Expected an integer, got the number 2.5.' }],
    });
  });

  it('refuses empty values where the contract asks for at least one character', () => {
    expect(validateParameters('listTransfers', { query: { ...TRANSFERS, after: '' }, header: { 'X-Request-ID': '' } })).toEqual({
      valid: false,
      errors: [
        { in: 'header', pointer: '/X-Request-ID', message: 'Must not be empty.' },
        { in: 'query', pointer: '/after', message: 'Must not be empty.' },
      ],
    });
  });

  it('names the allowed values of an enum parameter', () => {
    const result = validateParameters('listTransfers', { query: { ...TRANSFERS, status: 'lost' } });
    expect(result.valid ? [] : result.errors.map((error) => error.message)).toEqual([
      'The string "lost" is not one of the allowed values: "pending_approval", "processing", "pending", "complete", "failed" or "cancelled".',
    ]);
  });

  it('refuses a repeated parameter whose schema is not an array, as the list sent', () => {
    expect(validateParameters('listTransfers', { query: { account_id: ['acc_1', 'acc_2'] } })).toEqual({
      valid: false,
      errors: [{ in: 'query', pointer: '/account_id', message: 'Expected a string, got an array.' }],
    });
  });

  it('ignores unknown query parameters and undeclared headers', () => {
    expect(validateParameters('getRule', { path: { id: 'rule_01' }, query: { debug: '1' }, header: { authorization: 'ApiKey k', 'x-other': '' } })).toEqual({
      valid: true,
      values: { path: { id: 'rule_01' }, query: {}, header: {} },
    });
  });

  it('checks the path-level parameters and the operation\'s own together', () => {
    expect(validateParameters('updateRule', { path: {}, header: { 'Idempotency-Key': '' } })).toEqual({
      valid: false,
      errors: [
        { in: 'path', pointer: '/id', message: 'Required path parameter "id" is missing.' },
        { in: 'header', pointer: '/Idempotency-Key', message: 'Must not be empty.' },
      ],
    });
  });

  it('throws on an unknown operationId', () => {
    expect(() => validateParameters('listRule' as never, {})).toThrow(/^Unknown operationId "listRule"\. Known operationIds: listAccounts, /);
  });
});

describe('checkParameters', () => {
  const accept: Validate = () => true;
  const parameter = (fields: Partial<ParameterCheck>): ParameterCheck => ({ in: 'query', name: 'p', required: false, check: accept, ...fields });

  it('coerces booleans, numbers and each item of an array', () => {
    const parameters = [
      parameter({ name: 'flag', coerce: 'boolean' }),
      parameter({ name: 'size', coerce: 'number' }),
      parameter({ name: 'ids', coerce: 'number', array: true }),
      parameter({ name: 'tags', array: true }),
    ];
    expect(checkParameters(parameters, { query: { flag: 'true', size: '-1.5e2', ids: ['1', 'x'], tags: 'a' } })).toEqual({
      valid: true,
      values: { path: {}, query: { flag: true, size: -150, ids: [1, 'x'], tags: ['a'] }, header: {} },
    });
    expect(checkParameters([parameter({ name: 'flag', coerce: 'boolean' })], { query: { flag: 'yes' } })).toEqual({
      valid: true,
      values: { path: {}, query: { flag: 'yes' }, header: {} },
    });
  });

  it('leaves strings that are not JSON numbers as they are', () => {
    for (const sent of ['', ' 1', '0x10', '01', '1.', 'Infinity', 'NaN']) {
      expect(checkParameters([parameter({ coerce: 'number' })], { query: { p: sent } })).toEqual({ valid: true, values: { path: {}, query: { p: sent }, header: {} } });
    }
  });

  it('reads a header in any case, the first spelling winning, and says a missing one is a header', () => {
    const header = parameter({ in: 'header', name: 'X-Trace', required: true });
    expect(checkParameters([header], { header: { 'x-trace': 'a', 'X-TRACE': 'b' } })).toEqual({ valid: true, values: { path: {}, query: {}, header: { 'X-Trace': 'a' } } });
    expect(checkParameters([header], { header: { 'x-trace': undefined } })).toEqual({
      valid: false,
      errors: [{ in: 'header', pointer: '/X-Trace', message: 'Required header "X-Trace" is missing.' }],
    });
  });

  it('reads only own properties of the input', () => {
    expect(checkParameters([parameter({ name: 'toString', required: true })], { query: {} })).toEqual({
      valid: false,
      errors: [{ in: 'query', pointer: '/toString', message: 'Required query parameter "toString" is missing.' }],
    });
  });
});
