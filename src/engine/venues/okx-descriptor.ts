// OKX perpetual swaps: linear (-USDT-SWAP) and inverse (-USD-SWAP); tiers count contracts; MMR + taker fee.
import { okx } from '../perp/venues/okx-gate';
import { PERP_DEFAULTS, type PerpVenueDescriptor } from './descriptor';

export const okxDescriptor: PerpVenueDescriptor = {
  ...PERP_DEFAULTS,
  id: 'okx',
  label: 'OKX',
  source: okx.source,
  contracts: 'either',
  margin: okx,
  ccxtDumps: { okx: { rows: 'any' }, okex: { rows: 'any' }, okex5: { rows: 'any' } },
  quirks: [
    'linear or inverse per market: settleCurrency decides, else the symbol (BTC-USD-SWAP is inverse)',
    'the taker fee is added to every tier\'s maintenance rate (absent takerFee ⇒ 0 with a warning)',
    'position tiers count contracts, integer tiers 0–2000, 2001–4000 are contiguous',
  ],
};
