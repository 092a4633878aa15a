// TEST-ONLY ORACLE: a copy of src/engine/buffer.ts before issue 10.
// Cost-optimal margin buffer (docs/risk.md §6.3): minimise J(x) = P(x)·K(x) + c·x over the margin x added, where
// P(x) is the liquidation probability after adding x (exact re-evaluation of the liquidation price),
// K(x) = k·notional at the liquidation price (k = fee + slippage + forfeited margin, §7), c = opportunityCost·T.
import { Dec, ceilToStep } from '../../../../src/engine/core/decimal';
import type { PerpAccount } from '../../../../src/engine/core/types';
import type { EvalContext } from '../../../../src/engine/evaluate/file-context';
import type { MarketRisk } from '../../../../src/engine/evaluate/risk-view';
import { outcomeAfter } from '../../../../src/engine/fix/reevaluate';
import { withMargin } from './old-fix';
import { lossFraction } from '../../../../src/engine/evaluate/liquidation-cost';

const YEAR = 365 * 86400;
const GRID = 16;
const GOLDEN_STEPS = 20;

function costAt(account: PerpAccount, index: number, risk: MarketRisk, ctx: EvalContext, x: number, c: number): number {
  const acc = withMargin(account, index, new Dec(x));
  const { metrics, outcome } = outcomeAfter(acc, index, risk, ctx);
  if (!metrics || !outcome || outcome.probability === null) return Number.POSITIVE_INFINITY;
  const p = acc.positions[index]!;
  const lp = metrics.liquidationPrice ?? p.market.markPrice!;
  const notionalAtLp = p.size.mul(p.market.contractSize ?? 1).mul(lp).toNumber();
  const k = lossFraction(account, index, metrics);
  return outcome.probability * k * Math.abs(notionalAtLp) + c * x;
}

/** The J-minimising amount to add (≥ 0), rounded up to `step`; null without volatility. */
export function costOptimalMargin(account: PerpAccount, index: number, risk: MarketRisk, ctx: EvalContext, step: Dec, charge: () => void = () => {}): Dec | null {
  if (risk.sigma === null || risk.suppressed) return null;
  const p = account.positions[index]!;
  const mark = p.market.markPrice;
  if (!mark) return null;
  const c = ctx.settings.opportunityCost * (risk.horizonSeconds / YEAR);
  const notional = p.size.mul(p.market.contractSize ?? 1).mul(mark).abs().toNumber();
  const hi = Math.max(notional, step.toNumber());
  // Log-spaced grid over (0, notional], then golden-section refinement around the best grid point.
  const xs = [0, ...Array.from({ length: GRID }, (_, i) => hi * Math.pow(10, -6 + (6 * (i + 1)) / GRID))];
  const js = xs.map((x) => (charge(), costAt(account, index, risk, ctx, x, c)));
  let best = 0;
  js.forEach((j, i) => { if (j < js[best]!) best = i; });
  if (!Number.isFinite(js[best]!)) return null;
  let a = xs[Math.max(0, best - 1)]!, b = xs[Math.min(xs.length - 1, best + 1)]!;
  const g = (Math.sqrt(5) - 1) / 2;
  const J = (x: number): number => (charge(), costAt(account, index, risk, ctx, x, c));
  let x1 = b - g * (b - a), x2 = a + g * (b - a);
  let j1 = J(x1), j2 = J(x2);
  for (let i = 0; i < GOLDEN_STEPS && b - a > step.toNumber() / 2; i++) {
    if (j1 <= j2) {
      b = x2; x2 = x1; j2 = j1;
      x1 = b - g * (b - a); j1 = J(x1);
    } else {
      a = x1; x1 = x2; j1 = j2;
      x2 = a + g * (b - a); j2 = J(x2);
    }
  }
  const x = (a + b) / 2;
  return x <= 0 ? new Dec(0) : ceilToStep(new Dec(x.toPrecision(15)), step);
}
