// What differs between venues' margin models (docs/venues.md §1.2): how MM is built, where tiers are looked up, fees,
// display. The venue's other facts (linear/inverse, contract size, tier boundaries…) live in its descriptor (src/engine/venues).
import { ZERO, type Dec } from '../core/decimal';
import type { MarginMode, PerpPosition, PerpVenueId } from '../core/types';

/** Where the tier is looked up: notional at the solved price (Binance, at LP), entry value (Bybit, BitMEX), size (OKX contracts). */
export type TierKey = 'notional' | 'entry' | 'size';

export interface VenueModel {
  id: PerpVenueId;
  /** Venue documentation the model follows (docs/venues.md §16). */
  source: string;
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
  /** OKX integer contract tiers 0–2000, 2001–4000 are contiguous. */
  integerTierGap: boolean;
  display(mb: Dec, mm: Dec, ratio: Dec | null): Dec | null;
  releasesMarginProRata: boolean;
}

export const baseModel: Omit<VenueModel, 'id' | 'source'> = {
  tierKey: () => 'notional',
  feeRate: () => ZERO,
  warnMissingTaker: false,
  feeToClose: false,
  fundingCashFlow: false,
  builtinMm: () => null,
  maxLeverageIsMm: false,
  netHedgeCross: false,
  integerTierGap: false,
  display: (_mb, _mm, ratio) => ratio,
  releasesMarginProRata: false,
};
