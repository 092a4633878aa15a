// Compound v3 (Comet): liquidateCollateralFactor, absorb at liquidationFactor (docs/lending.md).
import { compoundModel } from '../lending/compound';
import type { LendingVenueDescriptor } from './descriptor';

export const compoundV3Descriptor: LendingVenueDescriptor = {
  id: 'compound-v3',
  kind: 'lending',
  label: 'Compound v3',
  source: 'compound-finance/comet d5a30b0a: Comet.sol isLiquidatable, absorbInternal',
  model: compoundModel,
  ccxtDumps: {},
  quirks: ['one debt line: the market\'s base asset', 'prices are 8-decimal feeds; asset factors are stored with 4 decimals'],
};
