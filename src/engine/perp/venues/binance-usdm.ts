// Binance USDⓈ-M: https://www.binance.com/en/support/faq/b3c689c1f50a44cabb3a84e663b81d93 (LP formula, bracket at LP)
import { Dec } from '../../core/decimal';
import { baseModel, type VenueModel } from '../venue-model';

/** ccxt js/src/binance.js parsePositionRisk: marginRatio = (mm/collateral + 5e-5) truncated to 4 dp (round half up). */
const HALF_OF_4DP = new Dec('0.00005');

export function binanceDisplayRatio(ratio: Dec | null): Dec | null {
  return ratio === null ? null : ratio.plus(HALF_OF_4DP).toDecimalPlaces(4, Dec.ROUND_DOWN);
}

export const binanceUsdm: VenueModel = {
  ...baseModel,
  id: 'binance-usdm',
  source: 'https://www.binance.com/en/support/faq/b3c689c1f50a44cabb3a84e663b81d93',
  display: (_mb, _mm, ratio) => binanceDisplayRatio(ratio),
  // Decision: true. The margin-adjust FAQ (binance.com/en/support/articles/360038447311) defines isolatedWalletBalance per
  // position; a partial close settles its share of it (no page we could retrieve states "pro rata" verbatim).
  releasesMarginProRata: true,
};
