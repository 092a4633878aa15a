// OKX https://www.okx.com/help/v-tiered-maintenance-margin-ratio-rules ; Gate https://www.gate.io/help/futures/futures/27724/liquidation-price-bankruptcy-price
import { Dec } from '../../core/decimal';
import type { PerpPosition } from '../../core/types';
import { baseModel, type VenueModel } from '../venue-model';

/** MM = FaceValue × |contracts| × mark × (TierMMR + fee rate); absent takerFee ⇒ 0 with a warning (docs/format.md §7). */
const takerRate = (p: PerpPosition): Dec => p.market.takerFee ?? new Dec(0);

export const okx: VenueModel = {
  ...baseModel,
  id: 'okx',
  source: 'https://www.okx.com/help/v-tiered-maintenance-margin-ratio-rules',
  // OKX position tiers (minSz..maxSz) count contracts.
  tierKey: () => 'size',
  integerTierGap: true,
  feeRate: takerRate,
  warnMissingTaker: true,
  // OKX displays MB / (MM + liquidation fee): our MM already holds the fee term.
  display: (mb, mm) => (mm.isZero() ? null : mb.div(mm)),
  // Decision (not stated in the OKX pages we have): a partial close of an isolated position releases its margin pro rata.
  releasesMarginProRata: true,
};

export const gate: VenueModel = {
  ...baseModel,
  id: 'gate',
  source: 'https://www.gate.io/help/futures/futures/27724/liquidation-price-bankruptcy-price',
  feeRate: takerRate,
  warnMissingTaker: true,
  // Decision, as OKX: not stated in the Gate text we have.
  releasesMarginProRata: true,
};
