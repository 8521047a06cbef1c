// Runs tsc over type-assertions.ts: the typed override accepts what the contract documents, and only that.
import { expect, it } from 'vitest';
import { typeErrorsOf } from '../support/typecheck.js';

it('compiles the type-level assertions of the typed override', async () => {
  expect(await typeErrorsOf('test/msw/type-assertions.ts')).toBe('');
});
