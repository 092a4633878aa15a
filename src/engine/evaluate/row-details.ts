// Per-row risk details (docs/results.md §2 `details`): VaR/ES over the horizon, liquidation cost, time to liquidation.
import { cornishFisherVarEs, firstPassageAbm, fitPot, historicalVarEs, lognormalVarEs, marginAtRisk, potVarEs, timeToLiquidationQuantiles } from '../risk';
import type { HistoryData } from './volatility-source';
import { Dec, fmt, fmtFloat15 } from '../core/decimal';
import type { PerpAccount, PerpMetrics, PerpPosition } from '../core/types';
import type { MarketRisk } from './risk-view';
import { perpLiquidationCost } from './liquidation-cost';
import { isInversePosition as isInverse } from '../venues/registry';
import { untimed, type Timer } from './stage-timings';

const YEAR = 365 * 86400;
export const VAR_CONFIDENCE = 0.99;

const moneyOf = (x: number | null | undefined): string | null => (x === null || x === undefined ? null : fmtFloat15(x));

/** Years → a duration a person reads: "3.4h", "2.1d". */
function years(y: number | null): string | null {
  if (y === null || !Number.isFinite(y)) return null;
  const h = y * 8760;
  return h < 48 ? `${h.toPrecision(3)}h` : `${(h / 24).toPrecision(3)}d`;
}

const MIN_RETURNS = 100;

/**
 * VaR/ES from the history's bar returns of the position's side (docs/risk.md §4.2): historical (type-7), Cornish–Fisher
 * (with its validity) and EVT/POT; bar figures scaled to the horizon by √(horizon / bar) (square-root of time).
 */
function historyVarEs(history: HistoryData | null, side: 'long' | 'short', notional: number, horizonSeconds: number, cap: number): Record<string, unknown> {
  if (!history || history.logReturns.length < MIN_RETURNS) return {};
  const r = history.logReturns.map((x) => (side === 'long' ? x : -x));
  const scale = Math.sqrt(horizonSeconds / history.barSeconds) * Math.abs(notional);
  const out: Record<string, unknown> = { varScaling: 'square-root of time from the history bars' };
  const money = (x: number): string | null => moneyOf(marginAtRisk(x, cap));
  const h = historicalVarEs(r, VAR_CONFIDENCE);
  if (h) Object.assign(out, { varHistorical: money(h.varType7 * scale), esHistorical: money(h.esBelowType7 * scale) });
  const cf = cornishFisherVarEs(r, VAR_CONFIDENCE);
  if (cf) Object.assign(out, { varCornishFisher: money(cf.var * scale), esCornishFisher: money(cf.es * scale), cornishFisherValid: cf.validity.monotone });
  const fit = fitPot(r.map((x) => -x), Math.floor(r.length / 10));
  const evt = fit ? potVarEs(fit, VAR_CONFIDENCE) : null;
  if (evt) Object.assign(out, { varEvt: money(evt.var * scale), esEvt: evt.es === null ? null : money(evt.es * scale) });
  return out;
}

export function riskDetails(p: PerpPosition, m: PerpMetrics, mark: Dec, risk: MarketRisk, account: PerpAccount, history: HistoryData | null = null, time: Timer = untimed): Record<string, unknown> {
  const index = account.positions.indexOf(p);
  const out: Record<string, unknown> = { liquidationCost: fmt(perpLiquidationCost(account, index, m, risk.sigma)), varConfidence: VAR_CONFIDENCE };
  if (risk.sigma === null || risk.suppressed) return out;
  const yearsH = risk.horizonSeconds / YEAR;
  const spot = mark.toNumber();
  const inverse = isInverse(account, p);
  const qty = p.size.mul(p.market.contractSize ?? 1);
  // Inverse: the USD face is the exposure; the coin P&L is converted at the mark (first-order).
  const notional = inverse ? qty.toNumber() : qty.mul(mark).toNumber();
  // An isolated position cannot lose more than its margin balance (docs/risk.md §4.1 "margin at risk").
  const cap = p.marginMode === 'isolated' && m.marginBalance ? Math.max(0, m.marginBalance.toNumber()) : Number.POSITIVE_INFINITY;
  const v = lognormalVarEs({ notional, sigma: risk.sigma, mu: risk.mu, years: yearsH, confidence: VAR_CONFIDENCE, side: p.side });
  if (v) {
    const scale = inverse ? 1 / spot : 1;
    out.var = moneyOf(marginAtRisk(v.var * scale, cap));
    out.es = moneyOf(marginAtRisk(v.es * scale, cap));
  }
  Object.assign(out, historyVarEs(history, p.side, notional * (inverse ? 1 / spot : 1), risk.horizonSeconds, cap));
  if (m.liquidationPrice && !m.liquidatable && m.liquidationPrice.gt(0)) {
    const barrier = m.liquidationPrice.toNumber();
    const side = barrier < spot ? 'long' : 'short';
    const sigma = risk.sigma;
    const t = time('timeToLiquidation', () => timeToLiquidationQuantiles({ spot, barrier, side, sigma, mu: risk.mu }));
    out.timeToLiquidation = { p01: years(t.p01), p05: years(t.p05), median: years(t.median) };
    // Arithmetic BM as a sensitivity beside the GBM-based probability (docs/risk.md §1.2).
    out.probabilityAbm = firstPassageAbm({ spot, barrier, side, sigmaAbs: risk.sigma * spot, driftAbs: risk.mu * spot, years: yearsH });
  }
  return out;
}
