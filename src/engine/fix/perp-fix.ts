// Fixes of docs/results.md §5: the smallest margin to add and the smallest size to cut that reach the target status.
// Issue 10 (linear engine): a probe touches only the position's group (fast-fix/focus.ts: an isolated position alone,
// a cross leg with its symbol's legs and the other symbols as constants). The search runs on the group's float model
// (closed form at the target barrier for margin, bisection to 1e-12 relative otherwise), is rounded up to the step,
// then confirmed by one exact Decimal re-evaluation, adding steps until the target holds. Where there is no float
// model (Bybit fee to close) the search itself is exact, still on the focused account.
import { Dec, ceilToStep, fmt } from '../core/decimal';
import type { PerpAccount, PerpMetrics, Status } from '../core/types';
import type { PerpFix } from '../evaluate/report';
import type { EvalContext } from '../evaluate/file-context';
import type { Barriers, MarketRisk } from '../evaluate/risk-view';
import { barriersOf, probeAfter } from './reevaluate';
import { targetBarrier } from './target-barrier';
import { evaluatePerpAccount } from '../perp';
import { rebuildsLegs, type PerpGroup } from '../perp/account';
import { meetsTarget } from '../evaluate/status';
import { perpCostOptimalMargin } from './cost-optimal-buffer';
import { marginStep, sizeStep, withCut, withMargin } from './fix-probes';
import { crossLegsOf, focusOf, type Focus } from './focus-group';
import { cutCurve, floatOutcome, marginProbe, outcomeOf, rowModel, statusOf, uOf, type RowModel } from './row-model';
import { valueAt, type Sum } from './float-curve';

export { withMargin } from './fix-probes';

const MAX_DOUBLINGS = 80;
const REL_TOL = new Dec('1e-12');
const MAX_CONFIRM_STEPS = 1000;
/** Exact steps tried after a float answer before the exact search takes over (float and Decimal disagree at most here). */
const FLOAT_CONFIRM_STEPS = 4;

type Probe = (x: Dec) => boolean;

/** Smallest x in (0, limit] with ok(x), assuming ok is monotone; null when even `limit` fails (exact search). */
function smallest(ok: Probe, start: Dec, limit: Dec | null, step: Dec): Dec | null {
  let lo = new Dec(0);
  let hi = start.gt(0) ? start : step;
  let n = 0;
  while (!ok(hi)) {
    lo = hi;
    if (limit && hi.gte(limit)) return null;
    hi = limit ? Dec.min(hi.mul(2), limit) : hi.mul(2);
    if (++n > MAX_DOUBLINGS) return null;
  }
  while (hi.minus(lo).gt(hi.mul(REL_TOL)) && hi.minus(lo).gt(step.div(4))) {
    const mid = lo.plus(hi).div(2);
    if (ok(mid)) hi = mid;
    else lo = mid;
  }
  const x = confirm(ok, ceilToStep(hi, step), limit, step, MAX_CONFIRM_STEPS);
  // a step inside (lo, hi) was never probed: it is the answer when it passes
  const below = x?.minus(step);
  return x && below && below.gt(lo) && ok(below) ? below : x;
}

/** x, or the first of x + step, x + 2·step, … that passes the exact probe; null past `limit` or `steps`. */
function confirm(ok: Probe, start: Dec, limit: Dec | null, step: Dec, steps: number): Dec | null {
  let x = start;
  for (let i = 0; !ok(x); i++) {
    if (i >= steps || (limit && x.gt(limit))) return null;
    x = x.plus(step);
  }
  return limit && x.gt(limit) ? null : x;
}

/** The float twin of `smallest`: bisection on floats to 1e-12 relative (or a quarter step); null when `limit` fails. */
function smallestFloat(ok: (x: number) => boolean, start: number, limit: number | null, step: number): number | null {
  let lo = 0;
  let hi = start > 0 ? start : step;
  if (limit !== null) hi = Math.min(hi, limit);
  let n = 0;
  while (!ok(hi)) {
    lo = hi;
    if (limit !== null && hi >= limit) return null;
    hi = limit !== null ? Math.min(hi * 2, limit) : hi * 2;
    if (++n > MAX_DOUBLINGS) return null;
  }
  while (hi - lo > hi * 1e-12 && hi - lo > step / 4) {
    const mid = (lo + hi) / 2;
    if (ok(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}

const decOf = (x: number): Dec => new Dec(x.toPrecision(17));

interface Search {
  account: PerpAccount;
  index: number;
  metrics: PerpMetrics;
  ctx: EvalContext;
  risk: MarketRisk;
  focus: Focus;
  model: RowModel | null;
  /** Exact probe of the focused account. */
  ok: (acc: PerpAccount) => boolean;
  /** Float probe of the group model. */
  floatOk: (s: Sum) => boolean;
  charge: () => void;
}

function marginFix(s: Search, step: Dec): Dec | null {
  const { focus: f, model: m } = s;
  const probe = (x: Dec): boolean => s.ok(withMargin(f.account, f.index, x));
  const fallback = (from: Dec): Dec | null => smallest(probe, from, null, step);
  const start = (s.metrics.maintenanceMargin ?? step).abs();
  if (!m) return exactMarginFix(s, step, probe) ?? fallback(start);
  let x: number | null = null;
  const mark = s.account.positions[s.index]!.market.markPrice!;
  const barrier = targetBarrier(adverseSide(s, mark), s.risk, s.ctx.settings, s.ctx.settings.targetStatus);
  if (barrier && barrier.gt(0)) {
    // closed form: adding x shifts MB − MM by x at every price, so the margin that puts the barrier at B* is −f(B*)
    const closed = Math.max(0, -valueAt(marginProbe(m, 0), uOf(m, barrier)));
    if (s.floatOk(marginProbe(m, closed))) x = closed;
  }
  x ??= smallestFloat((v) => s.floatOk(marginProbe(m, v)), start.toNumber(), null, step.toNumber());
  if (x === null) return fallback(start);
  return confirm(probe, ceilToStep(decOf(x), step), null, step, FLOAT_CONFIRM_STEPS) ?? fallback(ceilToStep(decOf(x), step));
}

/**
 * Without a float model (Bybit fee to close): the same closed form, MM − MB at the target barrier B*, from one exact
 * evaluation with this symbol's mark (or only the isolated position's) at B*; a few steps added if needed. Where the
 * fee to close couples the symbols (the margin added moves every symbol's bankruptcy price, hence the others' MM),
 * the closed form misses either way; unless one step less fails, a secant on the liquidation price after adding x (one
 * exact probe each) finds where it reaches B* in a few probes where a bisection took ~40, kept if one step less fails.
 */
function exactMarginFix(s: Search, step: Dec, probe: Probe): Dec | null {
  if (s.metrics.liquidatable) return null;
  const { focus: f } = s;
  const p = f.account.positions[f.index]!;
  const barrier = ownBarrier(s);
  if (!barrier) return null;
  s.charge();
  const moved = { ...f.account, positions: f.account.positions.map((q, i) =>
    (p.marginMode === 'isolated' ? i === f.index : q.symbol === p.symbol && q.marginMode === 'cross') ? { ...q, market: { ...q.market, markPrice: barrier } } : q) };
  const m = evaluatePerpAccount(moved, { only: f.index, marginOnly: true, ...(f.crossOthers ? { crossOthers: f.crossOthers } : {}) }).metrics[f.index];
  if (!m?.marginBalance || !m.maintenanceMargin) return null;
  const start = ceilToStep(Dec.max(m.maintenanceMargin.minus(m.marginBalance), 0), step);
  const found = confirm(probe, start, null, step, FLOAT_CONFIRM_STEPS - 1);
  if (f.crossOthers || p.marginMode !== 'cross') return found;
  // coupled: the closed form may miss either way; it stands only when one step less fails
  return lowest(found, step, probe) ?? secantMargin(s, barrier, start, step, probe);
}

const SECANT_ROUNDS = 6;

/** A root of g in [0, limit] by the secant from x0 and x1, to within `tol`; null when g is unknown or flat. */
function secantRoot(g: (x: number) => number | null, x0: number, x1: number, tol: number, limit = Infinity): number | null {
  let g0 = g(x0);
  let g1 = g(x1);
  for (let i = 0; i < SECANT_ROUNDS; i++) {
    if (g0 === null || g1 === null || g1 === g0) return null;
    const x2 = Math.min(limit, Math.max(0, x1 - (g1 * (x1 - x0)) / (g1 - g0)));
    if (!Number.isFinite(x2)) return null;
    if (Math.abs(x2 - x1) <= tol) return x2;
    [x0, g0, x1] = [x1, g1, x2];
    g1 = g(x2);
  }
  return x1;
}

/** How far the liquidation price after `change` lies from `barrier` (one exact probe of the focused account). */
function lpGap(s: Search, barrier: Dec, change: (x: Dec) => PerpAccount): (x: number) => number | null {
  const b = barrier.toNumber();
  return (x) => {
    s.charge();
    const lp = probeAfter(change(decOf(x)), s.focus.index, s.risk, s.ctx).metrics?.liquidationPrice;
    return lp ? lp.toNumber() - b : null;
  };
}

/** `found` when one step less fails (it is then the smallest passing step), else null. */
function lowest(found: Dec | null, step: Dec, probe: Probe): Dec | null {
  return found && (!found.gt(step) || !probe(found.minus(step))) ? found : null;
}

/** `x` rounded up to the step and confirmed, kept only when it is the smallest passing step. */
function smallestStepFrom(x: number | null, step: Dec, probe: Probe, limit: Dec | null): Dec | null {
  return x === null ? null : lowest(confirm(probe, ceilToStep(decOf(x), step), limit, step, FLOAT_CONFIRM_STEPS), step, probe);
}

/** The margin where the liquidation price after adding it reaches `barrier` (a secant on exact probes). */
function secantMargin(s: Search, barrier: Dec, start: Dec, step: Dec, probe: Probe): Dec | null {
  const g = lpGap(s, barrier, (x) => withMargin(s.focus.account, s.focus.index, x));
  return smallestStepFrom(secantRoot(g, 0, Math.max(start.toNumber(), step.toNumber()), step.toNumber() / 4), step, probe, null);
}

/** The target barrier on the side of the row's own liquidation prices; null when there is none above 0. */
function ownBarrier(s: Search): Dec | null {
  const mark = s.focus.account.positions[s.focus.index]!.market.markPrice!;
  const barrier = targetBarrier(barriersOf(s.metrics, mark), s.risk, s.ctx.settings, s.ctx.settings.targetStatus);
  return barrier && barrier.gt(0) ? barrier : null;
}

/**
 * The side the target barrier lies on: the row's own barriers, or for a liquidatable row of a one-directional group
 * (every leg long or every leg short) the side its liquidation price moves back to once margin is added.
 */
function adverseSide(s: Search, mark: Dec): Barriers {
  if (!s.metrics.liquidatable) return barriersOf(s.metrics, mark);
  const legs = s.focus.group?.legs ?? [];
  const sign = legs[0]?.sign;
  if (!sign || legs.some((l) => l.sign !== sign)) return { mark, down: null, up: null };
  return sign === 1 ? { mark, down: mark, up: null } : { mark, down: null, up: mark };
}

function sizeFix(s: Search): Dec | null {
  const { focus: f, model: m } = s;
  const p = s.account.positions[s.index]!;
  const step = sizeStep(p);
  const limit = p.size.minus(step);
  if (!limit.gt(0)) return null;
  const probe = (x: Dec): boolean => s.ok(withCut(f.account, f.index, x));
  const exact = (): Dec | null => smallest(probe, p.size.div(8), limit, step);
  if (!m && !f.crossOthers && p.marginMode === 'cross') return secantCut(s, step, limit, probe) ?? exact();
  if (!m || !m.ownOut) return exact();
  const sumAt = cutCurve(m);
  const x = smallestFloat((v) => {
    const sum = sumAt(v);
    return sum !== null && s.floatOk(sum);
  }, p.size.div(8).toNumber(), limit.toNumber(), step.toNumber());
  if (x === null) return probe(limit) ? exact() : null;
  const cut = Dec.min(ceilToStep(decOf(x), step), limit);
  return confirm(probe, cut, limit, step, FLOAT_CONFIRM_STEPS) ?? exact();
}

/** A coupled cross leg's cut (no float model): a secant on the liquidation price after cutting, then confirmed. */
function secantCut(s: Search, step: Dec, limit: Dec, probe: Probe): Dec | null {
  const p = s.focus.account.positions[s.focus.index]!;
  const barrier = ownBarrier(s);
  if (s.metrics.liquidatable || !barrier) return null;
  const g = lpGap(s, barrier, (x) => withCut(s.focus.account, s.focus.index, x));
  const x = secantRoot(g, 0, p.size.div(8).toNumber(), step.toNumber() / 4, limit.toNumber());
  return smallestStepFrom(x, step, probe, limit);
}

export function perpFix(account: PerpAccount, index: number, metrics: PerpMetrics, status: Status, ctx: EvalContext, risk: MarketRisk): PerpFix | null {
  const target = ctx.settings.targetStatus;
  if (status === 'unknown' || meetsTarget(status, target)) return null;
  const focus = focusOf(account, index);
  const cost = probeCost(focus);
  const over = { target, addMargin: null, reduceSize: null, costOptimalMargin: null, reason: 'not computed: this file holds more positions than the fix search covers (split it, or give fewer legs per symbol)' };
  if (!ctx.spend(cost)) return over;
  const charge = (): void => {
    if (!ctx.spend(cost)) throw OVER_BUDGET;
  };
  const model = rowModel(focus);
  const probed = floatOutcome();
  const s: Search = {
    account, index, metrics, ctx, risk, focus, model, charge,
    ok: (acc) => (charge(), meetsTarget(probeAfter(acc, focus.index, risk, ctx, focus.crossOthers).status, target)),
    floatOk: (sum) => model !== null && meetsTarget(statusOf(model, outcomeOf(model, sum, risk, probed), ctx.settings), target),
  };
  try {
    return search(s);
  } catch (e) {
    if (e === OVER_BUDGET) return over;
    throw e;
  }
}

const OVER_BUDGET = new Error('fix search budget spent');

/**
 * What one exact probe is charged. An account that is not focused (Bybit's fee to close couples every symbol to the
 * margin added) is re-evaluated whole: its legs; one whose legs are built anew each evaluation (Bybit's hedge
 * netting) sums and sweeps its symbol's legs: those. A focused cross leg's probe otherwise keeps its symbol's sums,
 * segments and equations from the probe before and changes one leg (perp/leg-sums.ts, perp/near-solve.ts): its own
 * work is a few Decimal operations, plus a pass over the symbol's legs and a walk over its segments in doubles
 * (~0.1 µs a piece), so it is charged 1 and one more per PIECES_PER_STEP pieces of its symbol's MM tables.
 */
function probeCost(f: Focus): number {
  const p = f.account.positions[f.index]!;
  if (p.marginMode === 'isolated') return 2;
  if (!f.crossOthers) return 1 + f.account.positions.length;
  if (rebuildsLegs(f.account)) return 1 + crossLegsOf(f.account, p.symbol).length;
  return 1 + Math.ceil(Math.max(piecesOf(f.group), crossLegsOf(f.account, p.symbol).length) / PIECES_PER_STEP);
}

/** The MM pieces of a group's legs, counted once per group (its legs ask per row). */
function piecesOf(group: PerpGroup | null): number {
  if (!group) return 0;
  let n = groupPieces.get(group);
  if (n === undefined) groupPieces.set(group, (n = group.legs.reduce((sum, l) => sum + l.solve.pieces.length, 0)));
  return n;
}

const groupPieces = new WeakMap<PerpGroup, number>();

/** Pieces (tiers of a leg's MM table) a probe's pass and walk cover for the cost of its own exact work (measured:
 *  ~0.1 µs a piece against ~100 µs, 4,000 cross legs on one symbol). */
const PIECES_PER_STEP = 256;

function search(s: Search): PerpFix {
  const target = s.ctx.settings.targetStatus;
  const p = s.account.positions[s.index]!;
  const mStep = marginStep(s.account, p, s.ctx);
  const addMargin = marginFix(s, mStep);
  let reduceSize: Dec | null = null;
  const reasons: string[] = [];
  const proRata = p.marginMode === 'isolated' && s.metrics.releasesMarginProRata;
  if (proRata) {
    reasons.push('cutting size releases isolated margin pro rata on this venue, which leaves the liquidation price unchanged: add margin instead');
  } else {
    reduceSize = sizeFix(s);
    if (reduceSize === null) reasons.push('no partial cut reaches the target: only a full close does');
  }
  if (addMargin === null) reasons.push('adding margin alone cannot reach the target');
  const optimal = addMargin
    ? perpCostOptimalMargin({ account: s.account, index: s.index, metrics: s.metrics, focus: s.focus, model: s.model, risk: s.risk, ctx: s.ctx, step: mStep, scale: addMargin.toNumber(), ...(s.model ? {} : { charge: s.charge }) })
    : null;
  return { target, addMargin: fmt(addMargin), reduceSize: fmt(reduceSize), costOptimalMargin: fmt(optimal), reason: reasons.length ? reasons.join('; ') : null };
}
