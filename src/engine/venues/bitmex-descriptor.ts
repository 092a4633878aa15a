// BitMEX perpetuals: inverse (XBTUSD) and linear (…USDT); MM on the entry value plus the exit taker fee.
import { bitmex } from '../perp/venues/bitmex';
import { PERP_DEFAULTS, type PerpVenueDescriptor } from './descriptor';

export const bitmexDescriptor: PerpVenueDescriptor = {
  ...PERP_DEFAULTS,
  id: 'bitmex',
  label: 'BitMEX',
  source: bitmex.source,
  contracts: 'either',
  margin: bitmex,
  // BitMEX "Perpetual Contracts Guide": funding every 8 hours at 04:00, 12:00 and 20:00 UTC.
  fundingSchedule: { offsetSeconds: 4 * 3600 },
  ccxtDumps: { bitmex: { rows: 'any' } },
  quirks: [
    'linear or inverse per market: settleCurrency decides, else the symbol (XBTUSD is inverse)',
    'the next funding payment is a cash flow into or out of the margin',
  ],
};
