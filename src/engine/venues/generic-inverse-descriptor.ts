// Generic inverse venue: the account equation of docs/venues.md with a flat mmr (+ optional cum) or inline tiers.
import { genericInverse } from '../perp/venues/generic';
import { PERP_DEFAULTS, type PerpVenueDescriptor } from './descriptor';
import { bitgetDumps, kucoinfuturesDumps } from './generic-linear-descriptor';

export const genericInverseDescriptor: PerpVenueDescriptor = {
  ...PERP_DEFAULTS,
  id: 'generic-inverse',
  label: 'Generic inverse',
  source: genericInverse.source,
  contracts: 'inverse',
  margin: genericInverse,
  // the inverse rows of the exchanges generic-linear reads (generic-linear-descriptor.ts).
  ccxtDumps: { bitget: { ...bitgetDumps, rows: 'inverse' }, kucoinfutures: { ...kucoinfuturesDumps, rows: 'inverse' } },
  quirks: ['used for ccxt dumps of exchanges no descriptor reads, and for bitget and kucoinfutures (inverse rows) with a generic-formula diagnostic'],
};
