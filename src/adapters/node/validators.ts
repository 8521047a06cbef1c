// Which validators the Node mock uses: for the contract bundled in this package, the generated ones
// that `platform-contract/validators` ships; for another spec, the same code compiled at start.
import * as generated from '../../../generated/validators.js';
import type { ContractValidators } from '../../core/validation.js';
import { compileValidators } from '../../validation/compile.js';
import { DEFAULT_SPEC } from './package-files.js';
import type { SpecFile } from './spec-file.js';
import { SpecError } from './startup-errors.js';

/** The generated validators are the bundled contract's own; another spec's are compiled from it. */
export function validatorsFor(spec: SpecFile): ContractValidators {
  if (spec.file === DEFAULT_SPEC) return generated;
  try {
    return compileValidators(spec.document);
  } catch (error) {
    throw new SpecError(`cannot compile the spec's schemas: ${(error as Error).message.split('\n')[0]}`);
  }
}
