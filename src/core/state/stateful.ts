// Stateful mode over every service of the contract, as the Node server runs it: the life cycles of
// Rules, Sequences and Comms (life-cycles.ts). A mock of fewer services gives LifeCycleResponder its own.
import type { Responder } from '../responders/responder.js';
import { commsLifeCycle } from './comms.js';
import { LifeCycleResponder, type LifeCycles, type StatefulOptions } from './life-cycles.js';
import { rulesLifeCycle } from './rules.js';
import { sequencesLifeCycle } from './sequences.js';

export { ownerOf, type StatefulOptions } from './life-cycles.js';

export const LIFE_CYCLES: LifeCycles = { rules: rulesLifeCycle, sequences: sequencesLifeCycle, comms: commsLifeCycle };

export class StatefulResponder extends LifeCycleResponder {
  constructor(examples: Responder, options: StatefulOptions) {
    super(examples, { ...options, lifeCycles: LIFE_CYCLES });
  }
}
