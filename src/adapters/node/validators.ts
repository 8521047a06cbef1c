// Which validators the Node mock uses: for the contract bundled in this package, the generated ones
// that `platform-contract/validators` ships; for another spec, the same code compiled at start.
import * as generated from '../../../generated/validators.js';
import type { ContractValidators } from '../../core/validation.js';
import { compileValidators } from '../../validation/compile.js';
import { SpecError } from './startup-errors.js';

/** The generated validators are this document's own when the mock serves the bundled contract. */
export function validatorsFor(document: unknown, bundled: boolean): ContractValidators {
  if (bundled) return generated;
  try {
    return compileValidators(document);
  } catch (error) {
    throw new SpecError(`cannot compile the spec's schemas: ${(error as Error).message.split('\n')[0]}`);
  }
}
