// Bybit linear perpetuals: MM on the entry value minus the deduction; risk limits cover (previous limit, limit].
import { bybitLinear } from '../perp/venues/bybit';
import { PERP_DEFAULTS, type PerpVenueDescriptor } from './descriptor';

export const bybitLinearDescriptor: PerpVenueDescriptor = {
  ...PERP_DEFAULTS,
  id: 'bybit-linear',
  label: 'Bybit',
  source: bybitLinear.source,
  contracts: 'linear',
  // https://bybit-exchange.github.io/docs/v5/market/risk-limit : a risk limit covers (previous riskLimitValue, riskLimitValue].
  tierBoundary: 'cap-inclusive',
  margin: bybitLinear,
  ccxtDumps: { bybit: { rows: 'linear' } },
  quirks: ['with takerFee, the estimated fee to close (at the bankruptcy price) is added to the maintenance margin', 'classic cross hedge mode: only the net position carries maintenance margin'],
};
