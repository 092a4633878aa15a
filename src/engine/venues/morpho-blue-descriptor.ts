// Morpho Blue positions: LLTV, liquidation incentive factor (docs/lending.md).
import { morphoModel } from '../lending/morpho';
import type { LendingVenueDescriptor } from './descriptor';

export const morphoBlueDescriptor: LendingVenueDescriptor = {
  id: 'morpho-blue',
  kind: 'lending',
  label: 'Morpho Blue',
  source: 'morpho-org/morpho-blue 3085651a: Morpho._isHealthy, Morpho.liquidate',
  model: morphoModel,
  ccxtDumps: {},
  quirks: ['one collateral and one loan asset (one market)'],
};
