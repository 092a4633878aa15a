// Gate perpetual futures: linear (_USDT) and inverse (_USD); MMR + taker fee.
import { gate } from '../perp/venues/okx-gate';
import { PERP_DEFAULTS, type PerpVenueDescriptor } from './descriptor';

export const gateDescriptor: PerpVenueDescriptor = {
  ...PERP_DEFAULTS,
  id: 'gate',
  label: 'Gate',
  source: gate.source,
  contracts: 'either',
  margin: gate,
  ccxtDumps: { gate: { rows: 'any' }, gateio: { rows: 'any' } },
  quirks: [
    'linear or inverse per market: settleCurrency decides, else the symbol (BTC_USD is inverse)',
    'the taker fee is added to every tier\'s maintenance rate (absent takerFee ⇒ 0 with a warning)',
  ],
};
