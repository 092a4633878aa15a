// What differs between venues (docs/venues.md §1.2): wallet, how MM is built, where tiers are looked up, fees, display.
import { Dec } from '../core/decimal';
import type { MarginMode, PerpAccount, PerpPosition, PerpVenueId } from '../core/types';

/** Where the tier is looked up: notional at the solved price (Binance, at LP), entry value (Bybit, BitMEX), size (OKX contracts). */
export type TierKey = 'notional' | 'entry' | 'size';

export interface VenueModel {
  id: PerpVenueId;
  /** Venue documentation the model follows (docs/venues.md §16). */
  source: string;
  inverse(account: PerpAccount, position: PerpPosition): boolean;
  defaultContractSize(symbol: string): Dec | null;
  tierKey(mode: MarginMode): TierKey;
  /** Rate added to every tier's MMR (OKX/Gate taker fee, BitMEX exit taker fee). */
  feeRate(position: PerpPosition): Dec;
  warnMissingTaker: boolean;
  /** Bybit: estimated fee to close (at the bankruptcy price) added to MM when takerFee is given. */
  feeToClose: boolean;
  /** BitMEX: the next funding payment is a cash flow into/out of the margin. */
  fundingCashFlow: boolean;
  /** A built-in MM schedule (Deribit) when the file gives no tiers/mmr: [c1, c2] of MM = c1·x + c2·x² (x coin size). */
  builtinMm(position: PerpPosition): [Dec, Dec] | null;
  /** Hyperliquid: maxLeverage is an MM source (mmr = 1/(2·maxLeverage)). */
  maxLeverageIsMm: boolean;
  /** Bybit classic cross hedge: only the net position carries MM ("a fully hedged position will not be liquidated"). */
  netHedgeCross: boolean;
  /** Tier boundaries (floor, cap] when the table does not say. */
  upperInclusive: boolean;
  /** OKX integer contract tiers 0–2000, 2001–4000 are contiguous. */
  integerTierGap: boolean;
  display(mb: Dec, mm: Dec, ratio: Dec | null): Dec | null;
  releasesMarginProRata: boolean;
}

const STABLES = new Set(['USDT', 'USDC', 'USD', 'BUSD', 'FDUSD', 'DAI', 'USDE', 'TUSD']);

/** OKX/Gate/BitMEX list both kinds: settle coin, ccxt `BASE/QUOTE:SETTLE`, `-USD-SWAP`, `_USD`, `XBTUSD` spellings. */
export function inferInverse(account: PerpAccount, position: PerpPosition): boolean {
  const settle = account.settleCurrency?.toUpperCase();
  if (settle) return !STABLES.has(settle);
  const sym = position.symbol.toUpperCase();
  const ccxt = /^([A-Z0-9]+)\/([A-Z0-9]+):([A-Z0-9]+)/.exec(sym);
  if (ccxt) return ccxt[3] === ccxt[1];
  return /-USD-|-USD$|_USD$|^[A-Z0-9]+USD$/.test(sym) && !/USD[TC]/.test(sym);
}

export const baseModel: Omit<VenueModel, 'id' | 'source' | 'inverse'> = {
  defaultContractSize: () => null,
  tierKey: () => 'notional',
  feeRate: () => new Dec(0),
  warnMissingTaker: false,
  feeToClose: false,
  fundingCashFlow: false,
  builtinMm: () => null,
  maxLeverageIsMm: false,
  netHedgeCross: false,
  upperInclusive: false,
  integerTierGap: false,
  display: (_mb, _mm, ratio) => ratio,
  releasesMarginProRata: false,
};
