// The small parts: request ids, Prefer, routing and service ownership, envelopes, JSON pointers.
import { describe, expect, it } from 'vitest';
import type { Operation } from '../../src/core/contract.js';
import { errors } from '../../src/core/errors.js';
import { echoableRequestId, ulid } from '../../src/core/ids.js';
import { resolvePointer, toPointer } from '../../src/core/json-pointer.js';
import { readPreferences, withoutMockControls } from '../../src/core/prefer.js';
import { Router } from '../../src/core/router.js';
import { errorBody } from '../../src/core/services.js';

describe('request ids', () => {
  it('echoes a client id the contract allows (printable ASCII, at most 200 characters) and no other', () => {
    expect(echoableRequestId('req_abc')).toBe('req_abc');
    expect(echoableRequestId(' trace-1 ')).toBe('trace-1');
    expect(echoableRequestId('has space')).toBe('has space');
    expect(echoableRequestId('x'.repeat(200))).toBe('x'.repeat(200));
    for (const bad of [undefined, '', '  ', 'é', 'x'.repeat(201)]) expect(echoableRequestId(bad)).toBeUndefined();
  });
  it('makes ULIDs that sort by time', () => {
    expect(ulid(1_000) < ulid(2_000)).toBe(true);
    expect(ulid(0).slice(0, 10)).toBe('0000000000');
  });
});

describe('Prefer', () => {
  it('reads code, example, dynamic and seed', () => {
    expect(readPreferences('code=404, example="not found"; dynamic=false, seed=7', {})).toEqual({
      ok: true,
      preferences: { code: 404, exampleKey: 'not found', dynamic: false, seed: '7' },
      source: 'header:Prefer',
    });
  });
  it('falls back to the __code style query parameters, and strips them', () => {
    expect(readPreferences(undefined, { __code: '201', __dynamic: 'true' })).toEqual({ ok: true, preferences: { code: 201, dynamic: true }, source: 'query:__code' });
    expect(withoutMockControls({ __code: '1', a: 'b' })).toEqual({ a: 'b' });
  });
  it('reports what it cannot read', () => {
    expect(readPreferences('code=20x', {})).toMatchObject({ ok: false, source: 'header:Prefer' });
  });
});

const operation = (method: string, path: string, service: Operation['service']) =>
  ({ operationId: `${method} ${path}`, method, path, service, webhook: false, auth: 'none', idempotent: false, parameters: [], requestBody: null, responses: [] }) as unknown as Operation;

describe('Router', () => {
  const router = new Router([
    operation('GET', '/api/v1/accounts/{id}', 'rules'),
    operation('POST', '/api/v1/accounts/income-sources', 'rules'),
    operation('GET', '/api/v1/sequences/{id}', 'sequences'),
    operation('POST', '/v1/sequences/{id}/enroll', 'comms'),
  ]);
  it('routes to an operation with decoded path parameters', () => {
    expect(router.route('GET', '/api/v1/accounts/acc%201')).toMatchObject({ kind: 'operation', pathParams: { id: 'acc 1' } });
  });
  it('calls a path parameter that is not valid percent-encoding malformed, naming it', () => {
    expect(router.route('GET', '/api/v1/accounts/%ZZ')).toMatchObject({ kind: 'malformed', parameter: 'id', value: '%ZZ' });
  });
  it('prefers literal segments, and answers 405 with the allowed methods', () => {
    expect(router.route('POST', '/api/v1/accounts/income-sources')).toMatchObject({ kind: 'operation' });
    expect(router.route('GET', '/api/v1/accounts/income-sources')).toMatchObject({ kind: 'operation' });
    expect(router.route('DELETE', '/api/v1/accounts/income-sources')).toMatchObject({ kind: 'method-not-allowed', allowed: ['POST', 'GET'] });
  });
  it('gives unknown paths to the service sharing the longest prefix, Rules on a tie', () => {
    expect(router.route('GET', '/api/v1/sequences/a/b')).toEqual({ kind: 'not-found', service: 'sequences' });
    expect(router.route('GET', '/v1/anything')).toEqual({ kind: 'not-found', service: 'comms' });
    expect(router.route('GET', '/api/v1/unknown')).toEqual({ kind: 'not-found', service: 'rules' });
    expect(router.route('GET', '/')).toEqual({ kind: 'not-found', service: 'rules' });
  });
});

describe('service envelopes', () => {
  const error = errors.validation('rules', [{ pointer: '/a', message: 'is wrong' }]);
  it('words one error in each service shape', () => {
    expect(errorBody('rules', error)).toEqual({ error: { code: 'validation_error', message: 'The request body is invalid.', details: [{ pointer: '/a', message: 'is wrong' }] } });
    expect(errorBody('sequences', error)).toEqual({ success: false, error: 'The request body is invalid.', code: 'validation_error', details: [{ pointer: '/a', message: 'is wrong' }] });
    expect(errorBody('comms', error)).toEqual({ error: 'validation_error', message: 'The request body is invalid.', details: [{ pointer: '/a', message: 'is wrong' }] });
  });
  it('says which part of the request is at fault', () => {
    expect(errors.validation('rules', [{ in: 'query', pointer: '/first', message: 'x' }]).message).toBe('The request parameters are invalid.');
    expect(errors.validation('rules', [{ in: 'query', pointer: '/first', message: 'x' }, { pointer: '/a', message: 'y' }]).message).toBe('The request parameters and body are invalid.');
  });
  it('uses each service validation status', () => {
    expect(errors.validation('comms', []).status).toBe(422);
    expect(errors.validation('sequences', []).status).toBe(400);
  });
});

describe('JSON pointers', () => {
  it('reads and writes RFC 6901 pointers', () => {
    expect(resolvePointer({ 'a/b': [{ '~c': 1 }] }, '/a~1b/0/~0c')).toBe(1);
    expect(resolvePointer({ a: [1] }, '/a/1')).toBeUndefined();
    expect(resolvePointer({ a: 1 }, '/toString')).toBeUndefined();
    expect(toPointer(['a/b', 0, '~c'])).toBe('/a~1b/0/~0c');
  });
});
