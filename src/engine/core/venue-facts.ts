// Venue facts the evaluator needs beyond the margin models: kind, settle currency, funding interval.
import type { PerpAccount, PerpPosition, PerpVenueId, VenueId, LendingVenueId } from './types';

export const PERP_VENUES: PerpVenueId[] = [
  'binance-usdm', 'binance-coinm', 'bybit-linear', 'bybit-inverse', 'okx', 'gate', 'bitmex', 'deribit',
  'hyperliquid', 'dydx-v4', 'generic-linear', 'generic-inverse',
];
export const LENDING_VENUES: LendingVenueId[] = ['aave-v3', 'spark', 'compound-v3', 'maker', 'liquity-v1', 'liquity-v2', 'morpho-blue'];

export const isPerpVenue = (v: string): v is PerpVenueId => (PERP_VENUES as string[]).includes(v);
export const isLendingVenue = (v: string): v is LendingVenueId => (LENDING_VENUES as string[]).includes(v);
export const isVenue = (v: string): v is VenueId => isPerpVenue(v) || isLendingVenue(v);

const ALWAYS_INVERSE = new Set<PerpVenueId>(['binance-coinm', 'bybit-inverse', 'deribit', 'generic-inverse']);
const EITHER = new Set<PerpVenueId>(['okx', 'gate', 'bitmex']);
const QUOTES = ['USDT', 'USDC', 'USD', 'BUSD', 'FDUSD', 'DAI', 'EUR'];

/** Base asset of a venue symbol: BTCUSDT, BTC-USDT-SWAP, BTC/USDT:USDT, XBTUSD, BTC-PERPETUAL → BTC. */
export function baseAsset(symbol: string): string {
  const s = symbol.toUpperCase();
  const sep = /^([A-Z0-9]+?)[-/_:]/.exec(s);
  if (sep) return normaliseBase(sep[1]!);
  for (const q of QUOTES) if (s.endsWith(q) && s.length > q.length) return normaliseBase(s.slice(0, -q.length));
  return normaliseBase(s.replace(/(PERP|PERPETUAL)$/, ''));
}

const normaliseBase = (b: string): string => (b === 'XBT' ? 'BTC' : b);

/** Inverse (coin-margined) when the venue is, or when a dual venue's file settles in the base coin. */
export function isInverse(account: PerpAccount, position: PerpPosition): boolean {
  if (ALWAYS_INVERSE.has(account.venue)) return true;
  if (!EITHER.has(account.venue)) return false;
  const settle = account.settleCurrency?.toUpperCase();
  return settle !== undefined && settle === baseAsset(position.symbol);
}

/** Default funding interval in seconds (docs/format.md §2: 8h, Hyperliquid 1h). */
export function defaultFundingInterval(venue: VenueId): number {
  return venue === 'hyperliquid' || venue === 'dydx-v4' ? 3600 : 8 * 3600;
}

/** Default margin rounding step: 0.01 in quote money, 1e-8 when coin-settled (docs/format.md §6). */
export function defaultMarginStep(inverse: boolean): string {
  return inverse ? '0.00000001' : '0.01';
}

export const VENUE_LABEL: Record<VenueId, string> = {
  'binance-usdm': 'Binance USDⓈ-M', 'binance-coinm': 'Binance COIN-M', 'bybit-linear': 'Bybit', 'bybit-inverse': 'Bybit inverse',
  okx: 'OKX', gate: 'Gate', bitmex: 'BitMEX', deribit: 'Deribit', hyperliquid: 'Hyperliquid', 'dydx-v4': 'dYdX v4',
  'generic-linear': 'Generic linear', 'generic-inverse': 'Generic inverse', 'aave-v3': 'Aave v3', spark: 'Spark',
  'compound-v3': 'Compound v3', maker: 'Maker', 'liquity-v1': 'Liquity v1', 'liquity-v2': 'Liquity v2', 'morpho-blue': 'Morpho Blue',
};
