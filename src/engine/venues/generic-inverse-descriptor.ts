// Generic inverse venue: the account equation of docs/venues.md with a flat mmr (+ optional cum) or inline tiers.
import { genericInverse } from '../perp/venues/generic';
import { PERP_DEFAULTS, type PerpVenueDescriptor } from './descriptor';

export const genericInverseDescriptor: PerpVenueDescriptor = {
  ...PERP_DEFAULTS,
  id: 'generic-inverse',
  label: 'Generic inverse',
  source: genericInverse.source,
  contracts: 'inverse',
  margin: genericInverse,
  quirks: ['used for ccxt dumps of exchanges no descriptor reads'],
};
