// The one linear/inverse rule (docs/venues.md): used by the reader, the margin engine, fix, cost, VaR and stress.
import { isUsdSettle } from '../core/assets';
import type { ContractRule } from './descriptor';

/**
 * Whether a market of a venue that lists both kinds (OKX, Gate, BitMEX) is inverse (coin-margined):
 * a settle currency decides (USD or a USD stablecoin ⇒ linear, a coin ⇒ inverse); without one, a ccxt
 * `BASE/QUOTE:SETTLE` symbol is inverse when it settles in its base, and a symbol quoted in plain USD
 * (`BTC-USD-SWAP`, `ETH-USD`, `BTC_USD`, `XBTUSD`, `BTC/USD`) is inverse.
 */
export function isInverseMarket(symbol: string, settleCurrency: string | null | undefined): boolean {
  if (settleCurrency) return !isUsdSettle(settleCurrency);
  const s = symbol.toUpperCase();
  const ccxt = /^([A-Z0-9]+)\/([A-Z0-9]+):([A-Z0-9]+)/.exec(s);
  if (ccxt) return ccxt[3] === ccxt[1];
  if (/USD[TC]/.test(s)) return false;
  return /(^|[-_/])USD($|[-_:])/.test(s) || /^[A-Z0-9]+USD$/.test(s);
}

/** Inverse under a venue's contract rule. */
export function inverseUnder(rule: ContractRule, symbol: string, settleCurrency: string | null | undefined): boolean {
  return rule === 'either' ? isInverseMarket(symbol, settleCurrency) : rule === 'inverse';
}
