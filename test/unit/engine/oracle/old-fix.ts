// TEST-ONLY ORACLE: a copy of src/engine/fix.ts before issue 10 (full-account re-evaluation per probe). Do not use in src.
// Fixes of docs/results.md §5: the smallest margin to add and the smallest size to cut that reach the target status,
// found by a search over exact re-evaluations, rounded up to the step, then confirmed (adding steps until it holds).
import { Dec, ceilToStep, fmt } from '../../../../src/engine/core/decimal';
import type { PerpAccount, PerpMetrics, PerpPosition, Status } from '../../../../src/engine/core/types';
import type { PerpFix } from '../../../../src/engine/evaluate/report';
import type { EvalContext } from '../../../../src/engine/evaluate/file-context';
import type { MarketRisk } from '../../../../src/engine/evaluate/risk-view';
import { barriersOf, outcomeAfter } from '../../../../src/engine/fix/reevaluate';
import { evaluatePerpAccount } from '../../../../src/engine/perp';
import { targetBarrier } from '../../../../src/engine/fix/target-barrier';
import { meetsTarget } from '../../../../src/engine/evaluate/status';
import { isInversePosition as isInverse } from '../../../../src/engine/venues/registry';
import { costOptimalMargin } from './old-buffer';

const MAX_DOUBLINGS = 80;
const REL_TOL = new Dec('1e-12');
const MAX_CONFIRM_STEPS = 1000;

type Probe = (x: Dec) => boolean;

function statusAfter(account: PerpAccount, index: number, risk: MarketRisk, ctx: EvalContext): Status {
  return outcomeAfter(account, index, risk, ctx).outcome?.status ?? 'unknown';
}

/** Smallest x in (0, limit] with ok(x), assuming ok is monotone; null when even `limit` fails. */
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
  let x = ceilToStep(hi, step);
  for (let i = 0; !ok(x); i++) {
    if (i > MAX_CONFIRM_STEPS || (limit && x.gt(limit))) return null;
    x = x.plus(step);
  }
  return x;
}

export function withMargin(account: PerpAccount, index: number, add: Dec): PerpAccount {
  const p = account.positions[index]!;
  if (p.marginMode === 'isolated') {
    const positions = account.positions.map((q, i) => (i === index ? { ...q, isolatedMargin: (q.isolatedMargin ?? new Dec(0)).plus(add) } : q));
    return { ...account, positions };
  }
  return { ...account, walletBalance: (account.walletBalance ?? new Dec(0)).plus(add) };
}

/** Realised PnL of closing `cut` at the mark: linear s·cut·(mark − EP), inverse s·cut·C·(1/EP − 1/mark). */
function realisedPnl(account: PerpAccount, p: PerpPosition, cut: Dec): Dec {
  const s = p.side === 'long' ? 1 : -1;
  const mark = p.market.markPrice!;
  if (isInverse(account, p)) {
    const face = cut.mul(p.market.contractSize ?? 1);
    return face.mul(new Dec(1).div(p.entryPrice).minus(new Dec(1).div(mark))).mul(s);
  }
  return cut.mul(p.market.contractSize ?? 1).mul(mark.minus(p.entryPrice)).mul(s);
}

function withCut(account: PerpAccount, index: number, cut: Dec): PerpAccount {
  const p = account.positions[index]!;
  const pnl = realisedPnl(account, p, cut);
  const size = p.size.minus(cut);
  if (p.marginMode === 'isolated') {
    const positions = account.positions.map((q, i) => (i === index ? { ...q, size, isolatedMargin: (q.isolatedMargin ?? new Dec(0)).plus(pnl) } : q));
    return { ...account, positions };
  }
  const positions = account.positions.map((q, i) => (i === index ? { ...q, size } : q));
  return { ...account, positions, walletBalance: (account.walletBalance ?? new Dec(0)).plus(pnl) };
}

/** Size step: the market's stepSize, else the decimals of the size text. */
function sizeStep(p: PerpPosition): Dec {
  if (p.market.stepSize && p.market.stepSize.gt(0)) return p.market.stepSize;
  return new Dec(10).pow(-p.size.decimalPlaces());
}

function marginStep(account: PerpAccount, p: PerpPosition, ctx: EvalContext): Dec {
  const configured = ctx.settings.marginStep;
  return new Dec(configured !== null && configured > 0 ? String(configured) : (isInverse(account, p) ? '0.00000001' : '0.01'));
}

/**
 * Fast path: adding x to the wallet shifts MB − MM by x at every price, so the margin that puts the liquidation
 * price at the target barrier B* is MM(B*) − MB(B*) (one evaluation with this symbol's mark at B*). Rounded up,
 * confirmed by exact re-evaluation, a few steps added if needed; otherwise the generic search.
 */
function marginFix(account: PerpAccount, index: number, metrics: PerpMetrics, risk: MarketRisk, ctx: EvalContext, step: Dec, ok: (a: PerpAccount) => boolean, charge: () => void): Dec | null {
  const probe = (x: Dec): boolean => ok(withMargin(account, index, x));
  const p = account.positions[index]!;
  const mark = p.market.markPrice!;
  const barrier = metrics.liquidatable ? null : targetBarrier(barriersOf(metrics, mark), risk, ctx.settings, ctx.settings.targetStatus);
  if (barrier && barrier.gt(0)) {
    charge();
    const moved = atMark(account, p.symbol, p.marginMode === 'isolated' ? index : null, barrier);
    const m = evaluatePerpAccount(moved, { only: index, marginOnly: true }).metrics[index];
    if (m?.marginBalance && m.maintenanceMargin) {
      let x = ceilToStep(Dec.max(m.maintenanceMargin.minus(m.marginBalance), 0), step);
      for (let i = 0; i < 4; i++, x = x.plus(step)) if (probe(x)) return x;
    }
  }
  return smallest(probe, (metrics.maintenanceMargin ?? step).abs(), null, step);
}

/** The account with this symbol's mark (or only the isolated position's) moved to `price`. */
function atMark(account: PerpAccount, symbol: string, onlyIndex: number | null, price: Dec): PerpAccount {
  const positions = account.positions.map((q, i) =>
    (onlyIndex === null ? q.symbol === symbol && q.marginMode === 'cross' : i === onlyIndex) ? { ...q, market: { ...q.market, markPrice: price } } : q,
  );
  return { ...account, positions };
}

export function perpFix(account: PerpAccount, index: number, metrics: PerpMetrics, status: Status, ctx: EvalContext, risk: MarketRisk): PerpFix | null {
  const target = ctx.settings.targetStatus;
  if (status === 'unknown' || meetsTarget(status, target)) return null;
  const p = account.positions[index]!;
  const cost = probeCost(account, p);
  const over = { target, addMargin: null, reduceSize: null, costOptimalMargin: null, reason: 'not computed: this file holds more positions than the fix search covers (split it, or give fewer legs per symbol)' };
  if (!ctx.spend(cost)) return over;
  const charge = (): void => {
    if (!ctx.spend(cost)) throw OVER_BUDGET;
  };
  const ok = (acc: PerpAccount): boolean => (charge(), meetsTarget(statusAfter(acc, index, risk, ctx), target));
  try {
    return search(account, index, metrics, ctx, risk, ok, charge);
  } catch (e) {
    if (e === OVER_BUDGET) return over;
    throw e;
  }
}

const OVER_BUDGET = new Error('fix search budget spent');

/** Legs a re-evaluation of this position touches: its symbol's cross legs, or itself when isolated. */
function probeCost(account: PerpAccount, p: PerpPosition): number {
  if (p.marginMode === 'isolated') return 2;
  return 1 + account.positions.reduce((n, q) => n + (q.marginMode === 'cross' && q.symbol === p.symbol ? 1 : 0), 0);
}

function search(account: PerpAccount, index: number, metrics: PerpMetrics, ctx: EvalContext, risk: MarketRisk, ok: (acc: PerpAccount) => boolean, charge: () => void): PerpFix {
  const target = ctx.settings.targetStatus;
  const p = account.positions[index]!;
  const mStep = marginStep(account, p, ctx);
  const addMargin = marginFix(account, index, metrics, risk, ctx, mStep, ok, charge);
  let reduceSize: Dec | null = null;
  const reasons: string[] = [];
  const proRata = p.marginMode === 'isolated' && metrics.releasesMarginProRata;
  if (proRata) {
    reasons.push('cutting size releases isolated margin pro rata on this venue, which leaves the liquidation price unchanged: add margin instead');
  } else {
    const step = sizeStep(p);
    const limit = p.size.minus(step);
    reduceSize = limit.gt(0) ? smallest((x) => ok(withCut(account, index, x)), p.size.div(8), limit, step) : null;
    if (reduceSize === null) reasons.push('no partial cut reaches the target: only a full close does');
  }
  if (addMargin === null) reasons.push('adding margin alone cannot reach the target');
  const optimal = addMargin ? costOptimalMargin(account, index, risk, ctx, mStep, charge) : null;
  return { target, addMargin: fmt(addMargin), reduceSize: fmt(reduceSize), costOptimalMargin: fmt(optimal), reason: reasons.length ? reasons.join('; ') : null };
}
