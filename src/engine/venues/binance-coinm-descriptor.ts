// Binance COIN-M futures: inverse, sizes in contracts of 100 USD (BTC) or 10 USD (others), coin-notional brackets.
import { binanceCoinm } from '../perp/venues/binance-coinm';
import { PERP_DEFAULTS, type PerpVenueDescriptor } from './descriptor';
import { binanceDumps } from './binance-usdm-descriptor';

export const binanceCoinmDescriptor: PerpVenueDescriptor = {
  ...PERP_DEFAULTS,
  id: 'binance-coinm',
  label: 'Binance COIN-M',
  source: binanceCoinm.source,
  contracts: 'inverse',
  // docs/format.md §1: BTCUSD contracts are 100 USD, all others 10 USD.
  defaultContractSize: (symbol) => (/^BTC/i.test(symbol) ? '100' : '10'),
  // Binance FAQ "Liquidation" (binance.zendesk.com 360033525271), as USDⓈ-M.
  liquidationFee: 0.005,
  margin: binanceCoinm,
  // Binance's reading lives with USDⓈ-M (binance-usdm-descriptor.ts); this venue takes the inverse rows.
  ccxtDumps: { binance: { ...binanceDumps, rows: 'inverse' }, binanceusdm: { ...binanceDumps, rows: 'inverse' }, binancecoinm: { ...binanceDumps, rows: 'any' } },
  quirks: ['contractSize defaults to 100 USD for BTC contracts and 10 USD for the others'],
};
