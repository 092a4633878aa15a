// Cost-optimal margin buffer of a row (docs/risk.md §6.3): minimise J(x) = P(x)·K(x) + c·x over the margin x added, with
// the engine's one J-minimiser (risk/buffer-cost.ts costOptimalMargin). P(x): the liquidation probability after adding x
// (both barriers of a hedged book); K(x) = k·notional at the liquidation price in the settle currency (linear q·LP,
// inverse q/LP; k = fee + slippage + forfeited margin, §7); c = opportunityCost·T. P and LP come from the group's
// float model (fast-fix/row-model.ts), or from exact re-evaluations of the focused account where there is none.
import { Dec, ceilToStep } from '../core/decimal';
import type { PerpAccount, PerpMetrics } from '../core/types';
import type { EvalContext } from '../evaluate/file-context';
import type { MarketRisk } from '../evaluate/risk-view';
import { outcomeAfter } from './reevaluate';
import { lossFraction } from '../evaluate/liquidation-cost';
import { costOptimalMargin as minimiseJ } from '../risk/buffer-cost';
import { isInversePosition as isInverse } from '../venues/registry';
import { tierIndexAt, tierUsed } from '../perp/maintenance';
import type { Focus } from './focus-group';
import { outcomeOf, withMarginSum, type RowModel } from './row-model';
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

interface Point { probability: number; lp: number | null }

/** The J-minimising amount to add (≥ 0), rounded up to `step`; null without volatility. */
export function perpCostOptimalMargin(i: BufferInput): Dec | null {
  const { account, index, metrics, risk, ctx, step } = i;
  if (risk.sigma === null || risk.suppressed) return null;
  const p = account.positions[index]!;
  const mark = p.market.markPrice;
  if (!mark) return null;
  const inverse = isInverse(account, p);
  const q = p.size.mul(p.market.contractSize ?? 1).abs().toNumber();
  const settleNotional = (price: number): number => (inverse ? q / price : q * price);
  const c = ctx.settings.opportunityCost * (risk.horizonSeconds / YEAR);
  const hyperliquidTier = account.venue === 'hyperliquid' && i.focus.group?.legs.find((l) => l.position === p)?.mm.table;
  const k0 = lossFraction(account, index, metrics);
  const kAt = (lp: number | null): number => {
    if (!hyperliquidTier || lp === null) return k0;
    const tier = tierUsed(hyperliquidTier, tierIndexAt(hyperliquidTier.tiers, new Dec(q * lp), false));
    return lossFraction(account, index, { ...metrics, liquidationPrice: new Dec(lp), tier });
  };
  const point = memo((x: number): Point | null => {
    i.charge?.();
    if (i.model) {
      const o = outcomeOf(i.model, withMarginSum(i.model, x), risk);
      return o.probability === null ? null : { probability: o.probability, lp: o.liquidatable ? mark.toNumber() : o.nearest };
    }
    const f = i.focus;
    const { metrics: m, outcome } = outcomeAfter(withMargin(f.account, f.index, new Dec(x)), f.index, risk, ctx, f.crossOthers);
    if (!m || !outcome || outcome.probability === null) return null;
    return { probability: outcome.probability, lp: (m.liquidationPrice ?? mark).toNumber() };
  });
  const scale = Math.max(i.scale ?? 0, settleNotional(mark.toNumber()), step.toNumber());
  const r = minimiseJ({
    spot: mark.toNumber(), side: p.side, sigma: risk.sigma, years: risk.horizonSeconds / YEAR, mu: risk.mu,
    liquidationPrice: (x) => point(x)?.lp ?? null,
    probability: (x) => point(x)?.probability ?? Number.POSITIVE_INFINITY,
    lossIfLiquidated: (x) => {
      const pt = point(x);
      return pt && pt.lp !== null && pt.lp > 0 ? kAt(pt.lp) * Math.abs(settleNotional(pt.lp)) : 0;
    },
    opportunityCost: c,
  }, { scale });
  if (!r || !Number.isFinite(r.expectedCost)) return null;
  return r.addedMargin <= 0 ? new Dec(0) : ceilToStep(new Dec(r.addedMargin.toPrecision(15)), step);
}

function memo<T>(f: (x: number) => T): (x: number) => T {
  let lastX = Number.NaN;
  let last: T;
  return (x) => {
    if (x !== lastX) { last = f(x); lastX = x; }
    return last;
  };
}
