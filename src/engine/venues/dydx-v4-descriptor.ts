// dYdX v4 perpetuals: linear, USDC-settled, account-wide margin; hourly funding.
import { dydxV4 } from '../perp/venues/dydx-v4';
import { PERP_DEFAULTS, type PerpVenueDescriptor } from './descriptor';

export const dydxV4Descriptor: PerpVenueDescriptor = {
  ...PERP_DEFAULTS,
  id: 'dydx-v4',
  label: 'dYdX v4',
  source: dydxV4.source,
  contracts: 'linear',
  defaultSettle: 'USDC',
  fundingIntervalSeconds: 3600,
  // dYdX v4 mainnet genesis: max_liquidation_fee_ppm 15 000.
  liquidationFee: 0.015,
  margin: dydxV4,
  ccxtDumps: { dydx: { rows: 'any' }, dydxv4: { rows: 'any' } },
  quirks: [],
};
