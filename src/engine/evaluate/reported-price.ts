// Honest rows when our price is impossible (docs/results.md §2 v1.1 `liquidationPriceSource`, issue 11 item 3): a foreign row
// that lacks what our exact price needs (no wallet, no maintenance figures) takes the venue's or bot's reported
// liquidation price instead, labelled "reported"; status rules apply to that price (liquidatable past it), and the
// margin figures, bankruptcy price and fix stay null with the reason.
import type { Dec } from '../core/decimal';
import { fmt } from '../core/decimal';
import type { Diagnostic, PerpAccount, PerpMetrics, PerpPosition, Span } from '../core/types';
import { diagnostic } from '../core/diagnostics';

export type PriceSource = 'computed' | 'reported' | null;

/** Reasons that no reported price can stand in for (nothing to measure a distance from). */
const NO_FALLBACK = ['no mark price', 'mark price must be > 0', 'no position (size 0)', 'entry price must be > 0'];

/** Metrics that carry only the reported price, or null when the row keeps its own metrics (computed or unknown). */
export function reportedMetrics(account: PerpAccount, p: PerpPosition, m: PerpMetrics): PerpMetrics | null {
  const reported = p.reportedLiquidationPrice;
  const mark = p.market.markPrice;
  if (!account.readOnly || m.unknownReason === null || !reported || !mark || !mark.gt(0)) return null;
  if (NO_FALLBACK.includes(m.unknownReason)) return null;
  // docs/results.md §4 rule 2 applied to the reported price: a long is liquidatable at or below it, a short at or above.
  const past = p.side === 'long' ? mark.lte(reported) : mark.gte(reported);
  return {
    ...m,
    liquidationPrice: reported,
    liquidationPrices: null,
    bankruptcyPrice: null,
    marginBalance: null,
    maintenanceMargin: null,
    marginRatio: null,
    venueMarginRatio: null,
    tier: null,
    liquidatable: past,
    unknownReason: null,
    note: past ? 'the mark is past the reported liquidation price' : null,
  };
}

export function reportedDiagnostic(p: PerpPosition, m: PerpMetrics, reported: Dec, at: Span): Diagnostic {
  const why = p.missingForOwnPrice ? `needs ${p.missingForOwnPrice}` : `cannot be computed (${m.unknownReason ?? 'more input is needed'})`;
  return diagnostic('warning', 'reported-price-used',
    `${p.id}: our own liquidation price ${why}; the reported ${fmt(reported)} is used instead for distance, probability and status — margin balance, maintenance margin, bankruptcy price and fix are not computed (${m.unknownReason ?? 'missing input'})`,
    at);
}
