// The generated tables of generated/mock/ (one a service) as what the core reads: one Contract for the
// services a set of handlers mocks, beside their validators and life cycles.
import type { ContractTable } from '../../../generated/mock/table.js';
import type { Contract } from '../../core/contract.js';
import type { LifeCycles } from '../../core/state/life-cycles.js';
import type { ContractValidators } from '../../core/validation.js';
import type { MockedContract } from './handlers.js';

/** A module of generated/mock/: readContract's output for one service. */
export interface ServiceTable {
  contract: ContractTable;
}

/**
 * The services' operations, in the order given (the contract's own: Rules, Sequences, Comms), with the
 * validators of the same services (generated/validators/<service>.js, or the index for all).
 */
export function mockedContract(tables: readonly ServiceTable[], validators: ContractValidators, lifeCycles: LifeCycles, demoKeys: unknown): MockedContract {
  // The tables are readContract's output, restricted (test/msw/tables.test.ts compares them); their
  // .d.ts cannot name the core's types.
  const parts = tables.map((table) => table.contract as unknown as Contract);
  const contract: Contract = {
    title: parts[0].title,
    version: parts[0].version,
    operations: parts.flatMap((part) => part.operations),
    scopes: parts.find((part) => part.scopes !== undefined)?.scopes,
  };
  return { contract, validators, lifeCycles, demoKeys };
}
