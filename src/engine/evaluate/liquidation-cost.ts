// What a forced close would cost beyond the margin (docs/risk.md §7): liquidation fee + slippage + forfeited margin.
import { liquidationCost as costOf, sqrtLawImpact, walkBook } from '../risk';
import { Dec } from '../core/decimal';
import type { PerpAccount, PerpMetrics, PerpPosition } from '../core/types';
import { isInversePosition as isInverse, perpVenue } from '../venues/registry';

/** Liquidation fee when neither the file nor the venue's descriptor gives one (docs/risk.md §7 table). */
const FALLBACK_FEE = 0.005;

export function feeRate(account: PerpAccount, p: PerpPosition): number {
  if (p.market.liquidationFee) return p.market.liquidationFee.toNumber();
  return perpVenue(account.venue).liquidationFee ?? FALLBACK_FEE;
}

/** Base quantity (linear) or USD face (inverse) of a position. */
function quantity(p: PerpPosition): Dec {
  return p.size.mul(p.market.contractSize ?? 1);
}

/** Slippage of closing the whole position at once, as a fraction of notional: book walk, else the square-root law. */
export function slippageFraction(account: PerpAccount, p: PerpPosition, price: Dec, sigma: number | null): number {
  const q = quantity(p).toNumber();
  const book = p.market.orderBook;
  const mark = p.market.markPrice?.toNumber() ?? price.toNumber();
  if (book) {
    const sell = p.side === 'long';
    const levels = (sell ? book.bids : book.asks).map(([px, sz]) => [px.toNumber(), sz.toNumber()] as const);
    const baseQty = isInverse(account, p) ? q / mark : q;
    const walk = walkBook(levels, baseQty, mark, sell ? 'sell' : 'buy');
    if (walk?.slippageVsMidBps != null) return Math.max(0, walk.slippageVsMidBps / 1e4);
  }
  if (p.market.dailyVolume && sigma !== null) {
    const notional = isInverse(account, p) ? q : q * price.toNumber();
    return sqrtLawImpact({ sigmaAnnual: sigma, dailyVolume: p.market.dailyVolume.toNumber(), quantity: notional, Y: 1 })?.impactFraction ?? 0;
  }
  return 0;
}

/** k of docs/risk.md §6.3: loss as a fraction of the notional at the liquidation price. */
export function lossFraction(account: PerpAccount, index: number, m: PerpMetrics, sigma: number | null = null): number {
  const p = account.positions[index]!;
  const lp = m.liquidationPrice ?? p.market.markPrice;
  if (!lp || lp.lte(0)) return feeRate(account, p);
  const forfeited = account.venue === 'hyperliquid' && m.tier ? m.tier.mmr.toNumber() : 0;
  return feeRate(account, p) + slippageFraction(account, p, lp, sigma) + forfeited;
}

/** Money lost to the liquidation itself (settle currency): k × notional at the liquidation price. */
export function perpLiquidationCost(account: PerpAccount, index: number, m: PerpMetrics, sigma: number | null): Dec | null {
  const p = account.positions[index]!;
  const lp = m.liquidationPrice;
  if (!lp || lp.lte(0)) return null;
  const notional = isInverse(account, p) ? quantity(p).div(lp) : quantity(p).mul(lp);
  const k = costOf({ notional: 1, feeRate: lossFraction(account, index, m, sigma), slippage: 0 });
  return k === null ? null : notional.abs().mul(new Dec(k.toPrecision(15)));
}
