// Deribit perpetuals: inverse; a built-in MM schedule (1 % + size × 0.005 % for BTC).
import { deribit } from '../perp/venues/deribit';
import { PERP_DEFAULTS, type PerpVenueDescriptor } from './descriptor';

export const deribitDescriptor: PerpVenueDescriptor = {
  ...PERP_DEFAULTS,
  id: 'deribit',
  label: 'Deribit',
  source: deribit.source,
  contracts: 'inverse',
  margin: deribit,
  // Deribit "Perpetual" knowledge base: funding is paid and received continuously (the rate is quoted per 8 hours).
  fundingSchedule: 'continuous',
  ccxtDumps: { deribit: { rows: 'any' } },
  quirks: ['no isolated mode for futures: margin is account-wide', 'without tiers or mmr, the built-in BTC/ETH schedule is used'],
};
