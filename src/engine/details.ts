// Per-row risk details (cli.md §2 `details`): VaR/ES over the horizon, liquidation cost, time to liquidation.
import { lognormalVarEs, marginAtRisk, timeToLiquidationQuantiles } from './risk';
import { Dec, fmt } from './decimal';
import type { PerpAccount, PerpMetrics, PerpPosition } from './types';
import type { MarketRisk } from './risk-view';
import { liquidationCost } from './liquidation-cost';
import { isInverse } from './venues';

const YEAR = 365 * 86400;
export const VAR_CONFIDENCE = 0.99;

const money = (x: number | null | undefined): string | null => (x === null || x === undefined || !Number.isFinite(x) ? null : fmt(new Dec(x.toPrecision(15))));

/** Years → a duration a person reads: "3.4h", "2.1d". */
function years(y: number | null): string | null {
  if (y === null || !Number.isFinite(y)) return null;
  const h = y * 8760;
  return h < 48 ? `${h.toPrecision(3)}h` : `${(h / 24).toPrecision(3)}d`;
}

export function riskDetails(p: PerpPosition, m: PerpMetrics, mark: Dec, risk: MarketRisk, account: PerpAccount): Record<string, unknown> {
  const index = account.positions.indexOf(p);
  const out: Record<string, unknown> = { liquidationCost: fmt(liquidationCost(account, index, m, risk.sigma)), varConfidence: VAR_CONFIDENCE };
  if (risk.sigma === null || risk.suppressed) return out;
  const yearsH = risk.horizonSeconds / YEAR;
  const inverse = isInverse(account, p);
  const qty = p.size.mul(p.market.contractSize ?? 1);
  // Inverse: the USD face is the exposure; the coin P&L is converted at the mark (first-order).
  const notional = inverse ? qty.toNumber() : qty.mul(mark).toNumber();
  const v = lognormalVarEs({ notional, sigma: risk.sigma, mu: risk.mu, years: yearsH, confidence: VAR_CONFIDENCE, side: p.side });
  if (v) {
    const scale = inverse ? 1 / mark.toNumber() : 1;
    const cap = p.marginMode === 'isolated' && m.marginBalance ? m.marginBalance.toNumber() : Number.POSITIVE_INFINITY;
    out.var = money(marginAtRisk(v.var * scale, cap));
    out.es = money(marginAtRisk(v.es * scale, cap));
  }
  if (m.liquidationPrice && !m.liquidatable && m.liquidationPrice.gt(0)) {
    const t = timeToLiquidationQuantiles({ spot: mark.toNumber(), barrier: m.liquidationPrice.toNumber(), side: m.liquidationPrice.lt(mark) ? 'long' : 'short', sigma: risk.sigma, mu: risk.mu });
    out.timeToLiquidation = { p01: years(t.p01), p05: years(t.p05), median: years(t.median) };
  }
  return out;
}
