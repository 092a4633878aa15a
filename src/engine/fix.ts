// Fixes of cli.md §5: the smallest margin to add and the smallest size to cut that reach the target status,
// found by a search over exact re-evaluations, rounded up to the step, then confirmed (adding steps until it holds).
import { evaluatePerpAccount } from './perp';
import { Dec, ceilToStep, fmt } from './decimal';
import type { PerpAccount, PerpPosition, Status } from './types';
import type { PerpFix } from './report';
import type { EvalContext } from './context';
import type { MarketRisk } from './risk-view';
import { outcomeAfter } from './reevaluate';
import { meetsTarget } from './status';
import { defaultMarginStep, isInverse } from './venues';
import { costOptimalMargin } from './buffer';

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
  return new Dec(configured !== null && configured > 0 ? String(configured) : defaultMarginStep(isInverse(account, p)));
}

export function perpFix(account: PerpAccount, index: number, status: Status, ctx: EvalContext, risk: MarketRisk): PerpFix | null {
  const target = ctx.settings.targetStatus;
  if (status === 'unknown' || meetsTarget(status, target)) return null;
  const p = account.positions[index]!;
  const ok = (acc: PerpAccount): boolean => meetsTarget(statusAfter(acc, index, risk, ctx), target);
  const mStep = marginStep(account, p, ctx);
  const start = evaluatePerpAccount(account).metrics[index]?.maintenanceMargin ?? mStep;
  const addMargin = smallest((x) => ok(withMargin(account, index, x)), start.abs(), null, mStep);
  let reduceSize: Dec | null = null;
  const reasons: string[] = [];
  const proRata = p.marginMode === 'isolated' && evaluatePerpAccount(account).metrics[index]?.releasesMarginProRata;
  if (proRata) {
    reasons.push('cutting size releases isolated margin pro rata on this venue, which leaves the liquidation price unchanged: add margin instead');
  } else {
    const step = sizeStep(p);
    const limit = p.size.minus(step);
    reduceSize = limit.gt(0) ? smallest((x) => ok(withCut(account, index, x)), p.size.div(8), limit, step) : null;
    if (reduceSize === null) reasons.push('no partial cut reaches the target: only a full close does');
  }
  if (addMargin === null) reasons.push('adding margin alone cannot reach the target');
  const optimal = addMargin ? costOptimalMargin(account, index, risk, ctx, mStep) : null;
  return { target, addMargin: fmt(addMargin), reduceSize: fmt(reduceSize), costOptimalMargin: fmt(optimal), reason: reasons.length ? reasons.join('; ') : null };
}
