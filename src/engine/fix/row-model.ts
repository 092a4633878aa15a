// One row's group in floats for the fix searches: f(u) = MB − MM over the group, the row's own leg apart (for cuts),
// and the status a probe gives (docs/results.md §4), computed from the float roots nearest to the mark.
import { Dec } from '../core/decimal';
import type { PerpAccount, PerpPosition, Status } from '../core/types';
import type { EffectiveSettings } from '../core/settings';
import { buildLeg } from '../perp/legs';
import type { SolveLeg } from '../perp/solver';
import { perpVenue } from '../venues/registry';
import { statusLevel } from '../evaluate/status';
import { oneBarrier, type MarketRisk } from '../evaluate/risk-view';
import { coupled, type Focus } from './focus-group';
import { floatLeg, floatPiecewise, piecewiseOf, rootNear, valueAt, type Piecewise, type Sum } from './float-curve';
import { indexBlocks } from './curve-blocks';
import { realisedPnl } from './fix-probes';

export interface RowModel {
  inverse: boolean;
  /** u at the mark (P, or 1/P for inverse). */
  u0: number;
  mark: number;
  /** The whole group's f(u), nothing added. */
  group: Piecewise;
  /** The row's own leg, taken out (weight −1) when a cut puts it back smaller; null when cuts are not modelled. */
  ownOut: Piecewise | null;
  leg: SolveLeg;
  /** True when the leg's MM pieces do not depend on its size (no tier fixed by entry value or size). */
  sizeFree: boolean;
  position: PerpPosition;
  account: PerpAccount;
  index: number;
  /** The scratch sum of marginProbe. */
  marginSum: Sum;
}

/** One float model per solved group, shared by its legs' rows. */
const groupCache = new WeakMap<object, Piecewise>();

/** The float model, or null where the group's legs depend on the margin (Bybit fee to close). */
export function rowModel(f: Focus): RowModel | null {
  const g = f.group;
  const model = perpVenue(f.account.venue).margin;
  const p = f.account.positions[f.index]!;
  if (!g || !model) return null;
  const own = g.legs.find((l) => l.position === p);
  if (!own) return null;
  if (model.feeToClose && g.legs.some((l) => l.position.market.takerFee !== null)) return null;
  if (p.marginMode === 'cross' && coupled(f.account)) return null;
  const netted = model.netHedgeCross && f.account.positionMode === 'hedge' && p.marginMode === 'cross';
  let group = groupCache.get(g);
  if (!group) groupCache.set(g, (group = indexBlocks(piecewiseOf(g.legs.map((l) => l.solve), g.k.toNumber()))));
  return {
    inverse: own.inverse, u0: own.u0.toNumber(), mark: p.market.markPrice!.toNumber(), group,
    ownOut: netted ? null : piecewiseOf([own.solve], 0, -1), leg: own.solve, sizeFree: own.mm.fixedTier === null, position: p, account: f.account, index: f.index,
    marginSum: { parts: [group], constant: 0 },
  };
}

/** f after adding x to the margin. */
export const withMarginSum = (m: RowModel, x: number): Sum => ({ parts: [m.group], constant: x });

/** withMarginSum in the model's one scratch sum, for the searches that read each probe before the next. */
export function marginProbe(m: RowModel, x: number): Sum {
  m.marginSum.constant = x;
  return m.marginSum;
}

/**
 * f after closing `cut` (a float) at the mark, for the float search of the size fix. Where the leg's MM pieces do not
 * depend on its size (tiers looked up by notional, or a built-in rate) the cut leg is the leg scaled by
 * (size − cut)/size — PnL and notional are linear in the size — so a probe needs no Decimal; elsewhere (tier fixed by
 * entry value or size) the leg is rebuilt exactly. null when cuts are not modelled. On the float path the sum returned
 * is reused by the next call.
 */
export function cutCurve(m: RowModel): (cut: number) => Sum | null {
  if (!m.ownOut) return () => null;
  const ownOut = m.ownOut;
  if (m.sizeFree) {
    const base = floatLeg(m.leg);
    const size = m.position.size.abs().toNumber();
    const perUnit = realisedPnl(m.account, m.position, new Dec(1)).toNumber();
    // scratch leg, curve and sum reused by every probe (each is read before the next): no allocation per probe
    const leg = { ...base };
    const legs = [leg];
    const cutPart: Piecewise = { bounds: [], a: [], b: [], c: [] };
    const sum: Sum = { parts: [m.group, ownOut, cutPart], constant: 0 };
    return (cut) => {
      const r = (size - cut) / size;
      if (!(r > 0)) return null;
      leg.q = base.q * r; leg.alpha = base.alpha * r; leg.beta = base.beta * r;
      floatPiecewise(legs, 0, 1, cutPart);
      sum.constant = perUnit * cut;
      return sum;
    };
  }
  return (cut) => {
    const exact = new Dec(cut.toPrecision(17));
    return withCutSum(m, exact, realisedPnl(m.account, m.position, exact));
  };
}

/** f after closing `cut` at the mark (realised PnL into the margin); null when cuts are not modelled. */
export function withCutSum(m: RowModel, cut: Dec, realised: Dec): Sum | null {
  if (!m.ownOut) return null;
  const model = perpVenue(m.account.venue).margin;
  const r = buildLeg(m.account, model, { ...m.position, size: m.position.size.minus(cut) }, m.index);
  if (!('leg' in r)) return null;
  return { parts: [m.group, m.ownOut, piecewiseOf([r.leg.solve], 0)], constant: realised.toNumber() };
}

export interface FloatOutcome {
  liquidatable: boolean;
  /** Adverse barriers in price. */
  down: number | null;
  up: number | null;
  /** The nearest barrier in log distance (the row's liquidation price). */
  nearest: number | null;
  probability: number | null;
}

/** A fresh FloatOutcome to pass to outcomeOf as a scratch. */
export const floatOutcome = (): FloatOutcome => ({ liquidatable: false, down: null, up: null, nearest: null, probability: null });

/** The outcome of the sum; written into `out` when given (a scratch a search reuses per probe). */
export function outcomeOf(m: RowModel, s: Sum, risk: MarketRisk, out: FloatOutcome = floatOutcome()): FloatOutcome {
  if (valueAt(s, m.u0) <= 0) return setOutcome(out, true, null, null, null, 1);
  const below = rootNear(s, m.u0, -1);
  const above = rootNear(s, m.u0, 1);
  const down = m.inverse ? (above === null ? null : 1 / above) : below;
  const up = m.inverse ? (below === null ? null : 1 / below) : above;
  const nearest = down !== null && up !== null ? (m.mark / down <= up / m.mark ? down : up) : (down ?? up);
  let probability: number | null = 0;
  if (down !== null || up !== null) {
    if (risk.sigma === null || risk.suppressed) probability = null;
    else probability = Math.min(1, Math.max(0, (down !== null ? oneBarrier(m.mark, down, risk) : 0) + (up !== null ? oneBarrier(m.mark, up, risk) : 0)));
  }
  return setOutcome(out, false, down, up, nearest, probability);
}

function setOutcome(out: FloatOutcome, liquidatable: boolean, down: number | null, up: number | null, nearest: number | null, probability: number | null): FloatOutcome {
  out.liquidatable = liquidatable;
  out.down = down;
  out.up = up;
  out.nearest = nearest;
  out.probability = probability;
  return out;
}

/** The input of statusOf's statusLevel (scratch reused per probe: statusLevel keeps no reference to it). */
const levelInput: Parameters<typeof statusLevel>[0] = {
  unknownReason: null, liquidatable: false, probability: null, distance: null, probabilityBands: { watch: 0, warning: 0, critical: 0 }, distanceBands: { watch: 0, warning: 0, critical: 0 },
};

/** docs/results.md §4 on a float outcome (the same rules as assess()). */
export function statusOf(m: RowModel, o: FloatOutcome, settings: EffectiveSettings): Status {
  if (o.liquidatable) return 'liquidatable';
  let distance: number | null = null;
  if (o.down !== null) distance = (m.mark - o.down) / m.mark;
  if (o.up !== null) distance = Math.min(distance ?? Infinity, (o.up - m.mark) / m.mark);
  if (distance !== null) distance = Math.max(0, distance);
  const i = levelInput;
  i.probability = distance === null ? null : o.probability;
  i.distance = distance;
  i.probabilityBands = settings.probability;
  i.distanceBands = settings.distance;
  return statusLevel(i);
}

/** u of a price (1/P for inverse). */
export const uOf = (m: RowModel, price: Dec): number => (m.inverse ? 1 / price.toNumber() : price.toNumber());
