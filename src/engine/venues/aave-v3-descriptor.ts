// Aave v3: health factor in wad, close factor, bonus and protocol fee by version (docs/lending.md).
import { aaveModel } from '../lending/aave';
import type { LendingVenueDescriptor } from './descriptor';

export const aaveV3Descriptor: LendingVenueDescriptor = {
  id: 'aave-v3',
  kind: 'lending',
  label: 'Aave v3',
  source: 'aave-v3-origin v3.3.0: GenericLogic.calculateUserAccountData, LiquidationLogic.executeLiquidationCall',
  model: aaveModel,
  ccxtDumps: {},
  quirks: ['protocolVersion defaults to 3.3 (3.0/3.2: per-reserve 50 %/100 % close factor; ≥ 3.3: the $2000 / 50 %-of-total rule)'],
};
