// BitMEX: https://www.bitmex.com/app/isolatedMarginExamples (MM on entry value) and https://www.bitmex.com/app/liquidation
import { Dec } from '../../core/decimal';
import { baseModel, type VenueModel } from '../venue-model';

export const bitmex: VenueModel = {
  ...baseModel,
  id: 'bitmex',
  source: 'https://www.bitmex.com/app/isolatedMarginExamples',
  // Example: 20 ETH @ 1,000, MM 1 % of the entry value = 200 ⇒ LP 510 — MM measured on the entry value.
  tierKey: () => 'entry',
  // Staff formula: MM = maintMargin % + exit taker fee (+ funding, taken here as a cash flow, docs/venues.md §7).
  feeRate: (p) => p.market.takerFee ?? new Dec(0),
  fundingCashFlow: true,
  // Decision: BitMEX isolated margin is per position and a reduce releases its share (not quoted in the example pages).
  releasesMarginProRata: true,
};
