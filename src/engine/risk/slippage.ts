// Slippage and the cost of a forced liquidation (docs/risk.md §7).

export interface SqrtLawInput {
  sigmaAnnual: number;
  /** Daily volume, same unit as quantity (e.g. USD). */
  dailyVolume: number;
  quantity: number;
  /** Prefactor Y, of order 0.5–1. */
  Y?: number;
}

export interface SqrtLawImpact {
  /** I(Q) = Y·σ_daily·√(Q/V), a fraction of price. */
  impactFraction: number;
  impactBps: number;
  /** impact × Q. */
  cost: number;
  /** ⅔ of the final impact × Q: average paid by a uniformly executed metaorder (∫₀¹√x dx = ⅔). */
  averageCost: number;
}

/**
 * Square-root law of market impact (Donier & Bonart 2015, arXiv:1412.4503; Tóth et al. 2011, PRX 1:021006),
 * σ_daily = σ/√365. null for a non-positive volume or negative inputs.
 */
export function sqrtLawImpact(p: SqrtLawInput): SqrtLawImpact | null {
  const Y = p.Y ?? 0.5;
  if (!(p.dailyVolume > 0) || !(p.quantity >= 0) || !(p.sigmaAnnual >= 0) || !(Y >= 0) || !Number.isFinite(p.quantity)) return null;
  const impactFraction = Y * (p.sigmaAnnual / Math.sqrt(365)) * Math.sqrt(p.quantity / p.dailyVolume);
  const cost = impactFraction * p.quantity;
  return { impactFraction, impactBps: impactFraction * 1e4, cost, averageCost: (2 / 3) * cost };
}

export type BookLevel = readonly [price: number, quantity: number];

export interface BookWalk {
  filled: number;
  /** Goes to the insurance fund / backstop. */
  unfilled: number;
  /** null when nothing filled. */
  vwap: number | null;
  worstPrice: number | null;
  slippageVsMidBps: number | null;
  slippageVsBestBps: number | null;
  /** |filled·mid − Σ p·take|: cost versus the mid of the filled part. */
  shortfall: number;
}

/**
 * Walks the book for an immediate market/IOC order: a sell fills against bids (best first), a buy against asks.
 * Levels must be in book order (best first); bad levels (non-positive price or size) are skipped.
 */
export function walkBook(levels: readonly BookLevel[], quantity: number, mid: number, side: 'sell' | 'buy' = 'sell'): BookWalk | null {
  if (!(quantity >= 0) || !(mid > 0) || !Number.isFinite(quantity)) return null;
  let left = quantity;
  let notional = 0;
  let worst: number | null = null;
  let best: number | null = null;
  for (const [price, size] of levels) {
    if (left <= 0) break;
    if (!(price > 0) || !(size > 0)) continue;
    best ??= price;
    const take = Math.min(left, size);
    notional += price * take;
    left -= take;
    worst = price;
  }
  const filled = quantity - left;
  if (filled === 0) return { filled: 0, unfilled: quantity, vwap: null, worstPrice: null, slippageVsMidBps: null, slippageVsBestBps: null, shortfall: 0 };
  const vwap = notional / filled;
  const sign = side === 'sell' ? 1 : -1;
  return {
    filled,
    unfilled: left,
    vwap,
    worstPrice: worst,
    slippageVsMidBps: ((sign * (mid - vwap)) / mid) * 1e4,
    slippageVsBestBps: best === null ? null : ((sign * (best - vwap)) / best) * 1e4,
    shortfall: sign * (filled * mid - notional),
  };
}

/** Uniform-depth rule of thumb: N consumes x·N/D(x) bps of book and pays on average half of that. */
export function uniformDepthSlippage(depthNotional: number, withinBps: number, notional: number): { bpsConsumed: number; averageSlippageBps: number } | null {
  if (!(depthNotional > 0) || !(withinBps > 0) || !(notional >= 0)) return null;
  const bpsConsumed = (withinBps * notional) / depthNotional;
  return { bpsConsumed, averageSlippageBps: bpsConsumed / 2 };
}

export interface LiquidationCostInput {
  /** Notional at the liquidation price. */
  notional: number;
  /** Liquidation / clearance fee as a fraction of notional. */
  feeRate: number;
  /** Slippage as a fraction of notional (book walk or square-root law). */
  slippage: number;
  /** Maintenance margin forfeited where the venue keeps it (money), default 0. */
  forfeitedMargin?: number;
}

/** K = fee + slippage + forfeited maintenance margin (docs/risk.md §7), in money. */
export function liquidationCost(p: LiquidationCostInput): number | null {
  const forfeited = p.forfeitedMargin ?? 0;
  if (![p.notional, p.feeRate, p.slippage, forfeited].every(Number.isFinite)) return null;
  return Math.abs(p.notional) * (p.feeRate + p.slippage) + forfeited;
}
