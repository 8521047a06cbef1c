// Runs tsc over type-assertions.ts: the generated types narrow, require and carry what the contract says.
import { expect, it } from 'vitest';
import { typeErrorsOf } from '../support/typecheck.js';

it('compiles the type-level assertions on generated/types.d.ts and generated/validators.d.ts', async () => {
  expect(await typeErrorsOf('test/generated/type-assertions.ts')).toBe('');
});
