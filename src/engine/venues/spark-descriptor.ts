// SparkLend: the Aave v3.0 rules (docs/lending.md).
import { aaveModel } from '../lending/aave';
import type { LendingVenueDescriptor } from './descriptor';

export const sparkDescriptor: LendingVenueDescriptor = {
  id: 'spark',
  kind: 'lending',
  label: 'Spark',
  source: 'sparklend-v1-core 077cc8c2: the Aave v3.0 LiquidationLogic',
  model: aaveModel,
  ccxtDumps: {},
  quirks: ['the Aave v3 model with protocolVersion defaulting to 3.0'],
};
