// Venue ids (docs/format.md §4), contract kinds, and the bundled token facts of docs/format.md §2.1.
import type { LendingVenueId, PerpVenueId, VenueId } from '../core/types';

export const PERP_VENUES: readonly PerpVenueId[] = [
  'binance-usdm', 'binance-coinm', 'bybit-linear', 'bybit-inverse', 'okx', 'gate', 'bitmex', 'deribit',
  'hyperliquid', 'dydx-v4', 'generic-linear', 'generic-inverse',
];
export const LENDING_VENUES: readonly LendingVenueId[] = ['aave-v3', 'spark', 'compound-v3', 'maker', 'liquity-v1', 'liquity-v2', 'morpho-blue'];

export function isPerpVenue(v: string): v is PerpVenueId {
  return (PERP_VENUES as readonly string[]).includes(v);
}
export function isLendingVenue(v: string): v is LendingVenueId {
  return (LENDING_VENUES as readonly string[]).includes(v);
}
export function isVenue(v: string): v is VenueId {
  return isPerpVenue(v) || isLendingVenue(v);
}

const ALWAYS_INVERSE: readonly PerpVenueId[] = ['binance-coinm', 'bybit-inverse', 'deribit', 'generic-inverse'];
const MIXED: readonly PerpVenueId[] = ['okx', 'gate', 'bitmex'];
const USD_LIKE = /^(USD|USDT|USDC|USDE|DAI|FDUSD|BUSD|TUSD|USDS)$/i;

/**
 * Whether a perp is inverse (coin-margined). Fixed by the venue except okx/gate/bitmex, where a coin settle
 * currency, or a symbol quoted in plain USD (`BTC-USD-SWAP`, `BTC_USD`, `XBTUSD`), means inverse.
 */
export function isInverse(venue: PerpVenueId, symbol: string, settleCurrency: string | null): boolean {
  if (ALWAYS_INVERSE.includes(venue)) return true;
  if (!MIXED.includes(venue)) return false;
  if (settleCurrency) return !USD_LIKE.test(settleCurrency);
  const s = symbol.toUpperCase();
  if (/USD[TC]/.test(s)) return false;
  return /(^|[-_/])USD($|[-_:])/.test(s) || /^[A-Z]{2,6}USD$/.test(s);
}

/** binance-coinm contract size: 100 USD for BTC contracts, 10 USD for the others (docs/format.md §1). */
export function coinmDefaultContractSize(symbol: string): string {
  return /^BTC/i.test(symbol) ? '100' : '10';
}

/** Bundled token decimals (docs/format.md §2.1); anything else defaults to 18 with a hint. */
const DECIMALS: Record<string, number> = {
  USDC: 6, USDT: 6, 'USDC.E': 6, USDBC: 6, PYUSD: 6, EURC: 6, EURS: 2,
  WBTC: 8, CBBTC: 8, TBTC: 18, LBTC: 8,
  WETH: 18, ETH: 18, WSTETH: 18, STETH: 18, RETH: 18, CBETH: 18, WEETH: 18, EZETH: 18, OSETH: 18,
  DAI: 18, SDAI: 18, USDS: 18, SUSDS: 18, LUSD: 18, BOLD: 18, GHO: 18, FRAX: 18, USDE: 18, SUSDE: 18, CRVUSD: 18,
  LINK: 18, AAVE: 18, UNI: 18, MKR: 18, SKY: 18, COMP: 18, CRV: 18, LDO: 18, ARB: 18, OP: 18, WMATIC: 18, POL: 18,
};

export function bundledDecimals(symbol: string): number | null {
  return DECIMALS[symbol.toUpperCase()] ?? null;
}

/** Assets treated as not volatile unless the file says otherwise (`stable: true/false`). */
const STABLES = new Set([
  'USDC', 'USDT', 'DAI', 'USDS', 'LUSD', 'BOLD', 'GHO', 'FRAX', 'PYUSD', 'USDE', 'USDC.E', 'USDBC', 'CRVUSD',
  'TUSD', 'FDUSD', 'BUSD', 'USDP', 'SUSD', 'RLUSD', 'USD0', 'USDD', 'DOLA', 'MIM', 'EURC', 'EURS',
]);

export function isBundledStable(symbol: string): boolean {
  return STABLES.has(symbol.toUpperCase());
}
