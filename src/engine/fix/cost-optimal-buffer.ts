// Cost-optimal margin buffer of a row (docs/risk.md §6.3): minimise J(x) = P(x)·K(x) + c·x over the margin x added, with
// the engine's one J-minimiser (risk/buffer-cost.ts costOptimalMargin). P(x): the liquidation probability after adding x
// (both barriers of a hedged book); K(x) = k·notional at the liquidation price in the settle currency (linear q·LP,
// inverse q/LP; k = fee + slippage + forfeited margin, §7); c = opportunityCost·T. P and LP come from the group's
// float model (fast-fix/row-model.ts), or from exact re-evaluations of the focused account where there is none.
import { Dec, ceilToStep } from '../core/decimal';
import type { PerpAccount, PerpMetrics } from '../core/types';
import type { EvalContext } from '../evaluate/file-context';
import type { MarketRisk } from '../evaluate/risk-view';
import { probeAfter } from './reevaluate';
import { lossFraction } from '../evaluate/liquidation-cost';
import { costOptimalMargin as minimiseJ } from '../risk/buffer-cost';
import { isInversePosition as isInverse } from '../venues/registry';
import { tierIndexAt, tierUsed } from '../perp/maintenance';
import type { Focus } from './focus-group';
import { floatOutcome, marginProbe, outcomeOf, type FloatOutcome, type RowModel } from './row-model';
import { withMargin } from './fix-probes';

const YEAR = 365 * 86400;

export interface BufferInput {
  account: PerpAccount;
  index: number;
  metrics: PerpMetrics;
  focus: Focus;
  model: RowModel | null;
  risk: MarketRisk;
  ctx: EvalContext;
  step: Dec;
  /** Where to start looking (the margin fix, when known). */
  scale?: number;
  charge?: () => void;
}

/** P and LP after adding x, for the last x asked (J reads P, then K at the same x); fields rewritten per x. */
interface Point { x: number; known: boolean; probability: number; hasLp: boolean; lp: number }

/** The J-minimising amount to add (≥ 0), rounded up to `step`; null without volatility. */
export function perpCostOptimalMargin(i: BufferInput): Dec | null {
  const { account, index, metrics, risk, ctx, step } = i;
  if (risk.sigma === null || risk.suppressed) return null;
  const p = account.positions[index]!;
  const mark = p.market.markPrice;
  if (!mark) return null;
  const markPrice = mark.toNumber();
  const inverse = isInverse(account, p);
  const q = p.size.mul(p.market.contractSize ?? 1).abs().toNumber();
  const settleNotional = (price: number): number => (inverse ? q / price : q * price);
  const c = ctx.settings.opportunityCost * (risk.horizonSeconds / YEAR);
  const hyperliquidTier = account.venue === 'hyperliquid' && i.focus.group?.legs.find((l) => l.position === p)?.mm.table;
  const k0 = lossFraction(account, index, metrics);
  const kAt = (lp: number): number => {
    if (!hyperliquidTier) return k0;
    const tier = tierUsed(hyperliquidTier, tierIndexAt(hyperliquidTier.tiers, new Dec(q * lp), false));
    return lossFraction(account, index, { ...metrics, liquidationPrice: new Dec(lp), tier });
  };
  const pt: Point = { x: Number.NaN, known: false, probability: 0, hasLp: false, lp: 0 };
  const outcome = floatOutcome();
  const point = (x: number): Point => {
    if (x !== pt.x) {
      i.charge?.();
      if (i.model) floatPoint(i.model, x, risk, markPrice, outcome, pt);
      else exactPoint(i.focus, x, risk, ctx, mark, pt);
      pt.x = x;
    }
    return pt;
  };
  const scale = Math.max(i.scale ?? 0, settleNotional(markPrice), step.toNumber());
  const r = minimiseJ({
    spot: markPrice, side: p.side, sigma: risk.sigma, years: risk.horizonSeconds / YEAR, mu: risk.mu,
    liquidationPrice: (x) => {
      const at = point(x);
      return at.known && at.hasLp ? at.lp : null;
    },
    probability: (x) => {
      const at = point(x);
      return at.known ? at.probability : Number.POSITIVE_INFINITY;
    },
    lossIfLiquidated: (x) => {
      const at = point(x);
      return at.known && at.hasLp && at.lp > 0 ? kAt(at.lp) * Math.abs(settleNotional(at.lp)) : 0;
    },
    opportunityCost: c,
  }, { scale });
  if (!r || !Number.isFinite(r.expectedCost)) return null;
  return r.addedMargin <= 0 ? new Dec(0) : ceilToStep(new Dec(r.addedMargin.toPrecision(15)), step);
}

/** The point from the group's float model (the liquidation price of a liquidatable probe is the mark). */
function floatPoint(m: RowModel, x: number, risk: MarketRisk, mark: number, outcome: FloatOutcome, pt: Point): void {
  const o = outcomeOf(m, marginProbe(m, x), risk, outcome);
  const lp = o.liquidatable ? mark : o.nearest;
  setPoint(pt, o.probability, lp);
}

/** The point from an exact re-evaluation of the focused account. */
function exactPoint(f: Focus, x: number, risk: MarketRisk, ctx: EvalContext, mark: Dec, pt: Point): void {
  const { metrics: m, probability } = probeAfter(withMargin(f.account, f.index, new Dec(x)), f.index, risk, ctx, f.crossOthers);
  // (the probe keeps the row's mark, so a re-evaluated position always has one)
  if (!m) setPoint(pt, null, null);
  else setPoint(pt, probability, (m.liquidationPrice ?? mark).toNumber());
}

/** Unknown when there is no probability. */
function setPoint(pt: Point, probability: number | null, lp: number | null): void {
  pt.known = probability !== null;
  pt.probability = probability ?? 0;
  pt.hasLp = lp !== null;
  pt.lp = lp ?? 0;
}
