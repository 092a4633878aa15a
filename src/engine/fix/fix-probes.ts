// The account after a fix (docs/results.md §5): margin added, or size closed at the mark with its PnL realised; the steps.
import { Dec } from '../core/decimal';
import type { PerpAccount, PerpPosition } from '../core/types';
import type { EvalContext } from '../evaluate/file-context';
import { isInversePosition as isInverse } from '../venues/registry';

export function withMargin(account: PerpAccount, index: number, add: Dec): PerpAccount {
  const p = account.positions[index]!;
  if (p.marginMode === 'isolated') {
    const positions = account.positions.map((q, i) => (i === index ? { ...q, isolatedMargin: (q.isolatedMargin ?? new Dec(0)).plus(add) } : q));
    return { ...account, positions };
  }
  return { ...account, walletBalance: (account.walletBalance ?? new Dec(0)).plus(add) };
}

/** Realised PnL of closing `cut` at the mark: linear s·cut·(mark − EP), inverse s·cut·C·(1/EP − 1/mark). */
export function realisedPnl(account: PerpAccount, p: PerpPosition, cut: Dec): Dec {
  const s = p.side === 'long' ? 1 : -1;
  const mark = p.market.markPrice!;
  if (isInverse(account, p)) {
    const face = cut.mul(p.market.contractSize ?? 1);
    return face.mul(new Dec(1).div(p.entryPrice).minus(new Dec(1).div(mark))).mul(s);
  }
  return cut.mul(p.market.contractSize ?? 1).mul(mark.minus(p.entryPrice)).mul(s);
}

export function withCut(account: PerpAccount, index: number, cut: Dec): PerpAccount {
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
export function sizeStep(p: PerpPosition): Dec {
  if (p.market.stepSize && p.market.stepSize.gt(0)) return p.market.stepSize;
  return new Dec(10).pow(-p.size.decimalPlaces());
}

export function marginStep(account: PerpAccount, p: PerpPosition, ctx: EvalContext): Dec {
  const configured = ctx.settings.marginStep;
  return new Dec(configured !== null && configured > 0 ? String(configured) : (isInverse(account, p) ? '0.00000001' : '0.01'));
}
