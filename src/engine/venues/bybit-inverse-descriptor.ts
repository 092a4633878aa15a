// Bybit inverse perpetuals: MM on the entry value minus the deduction; risk limits cover (previous limit, limit].
import { bybitInverse } from '../perp/venues/bybit';
import { PERP_DEFAULTS, type PerpVenueDescriptor } from './descriptor';
import { bybitDumps } from './bybit-linear-descriptor';

export const bybitInverseDescriptor: PerpVenueDescriptor = {
  ...PERP_DEFAULTS,
  id: 'bybit-inverse',
  label: 'Bybit inverse',
  source: bybitInverse.source,
  contracts: 'inverse',
  // https://bybit-exchange.github.io/docs/v5/market/risk-limit : a risk limit covers (previous riskLimitValue, riskLimitValue].
  tierBoundary: 'cap-inclusive',
  margin: bybitInverse,
  // Bybit's reading lives with the linear venue (bybit-linear-descriptor.ts); this venue takes the inverse rows.
  ccxtDumps: { bybit: { ...bybitDumps, rows: 'inverse' } },
  quirks: ['with takerFee, the estimated fee to close (at the bankruptcy price) is added to the maintenance margin', 'classic cross hedge mode: only the net position carries maintenance margin'],
};
