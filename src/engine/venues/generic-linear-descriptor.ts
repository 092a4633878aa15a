// Generic linear venue: the account equation of docs/venues.md with a flat mmr (+ optional cum) or inline tiers.
import { genericLinear } from '../perp/venues/generic';
import { PERP_DEFAULTS, type PerpVenueDescriptor } from './descriptor';

export const genericLinearDescriptor: PerpVenueDescriptor = {
  ...PERP_DEFAULTS,
  id: 'generic-linear',
  label: 'Generic linear',
  source: genericLinear.source,
  contracts: 'linear',
  margin: genericLinear,
  quirks: ['used for ccxt dumps of exchanges no descriptor reads'],
};
