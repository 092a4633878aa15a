// Liquity v1 troves: ICR vs MCR, Recovery Mode (docs/lending.md).
import { liquityModel } from '../lending/liquity';
import type { LendingVenueDescriptor } from './descriptor';

export const liquityV1Descriptor: LendingVenueDescriptor = {
  id: 'liquity-v1',
  kind: 'lending',
  label: 'Liquity v1',
  source: 'liquity/dev 39f1f7f8: TroveManager',
  model: liquityModel,
  ccxtDumps: {},
  quirks: ['Recovery Mode when tcr < ccr', 'debt includes the 200 LUSD gas reserve'],
};
