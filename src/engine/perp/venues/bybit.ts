// Bybit: https://www.bybit.com/en/help-center/article/Liquidation-Price-Calculation-under-Isolated-Mode-Unified-Trading-Account
import { Dec } from '../../core/decimal';
import type { Tier } from '../../core/types';
import { baseModel, type VenueModel } from '../venue-model';
import { solvePiecewise, type SolveLeg } from '../solver';

const common = {
  ...baseModel,
  source: 'https://www.bybit.com/en/help-center/article/Liquidation-Price-Calculation-under-Isolated-Mode-Unified-Trading-Account',
  // "MM = PositionValue × MMR − MM Deduction", Position Value = size × entry price (both modes: the old cross doc uses Qty/EP too).
  tierKey: () => 'entry' as const,
  feeToClose: true,
  // https://help.bybit.com/hc/en-us/articles/900000167723 : "A fully hedged position will not be liquidated".
  netHedgeCross: true,
  // https://help.bybit.com/hc/en-us/articles/900000294083 : on a partial close "the extra margin added will be reduced proportionally".
  releasesMarginProRata: true,
};

export const bybitLinear: VenueModel = { ...common, id: 'bybit-linear' };
export const bybitInverse: VenueModel = { ...common, id: 'bybit-inverse' };

export interface BybitRiskLimitRow {
  riskLimitValue: string;
  maintenanceMargin: string;
  initialMargin: string;
  maxLeverage: string;
  mmDeduction?: string | null;
}

/**
 * GET /v5/market/risk-limit rows → tiers (docs/venues.md §5.4). Units trap: v5 writes percent ("0.5" = 0.5 %), v3 fractions;
 * decide per row by initialMargin × maxLeverage ≈ 100 (percent) vs ≈ 1 (fraction) — never by "value > 1".
 */
export function tiersFromBybitRiskLimits(rows: BybitRiskLimitRow[]): Tier[] {
  let floor = new Dec(0);
  return rows.map((r) => {
    const im = new Dec(r.initialMargin);
    const lev = new Dec(r.maxLeverage);
    const percent = im.mul(lev).minus(100).abs().lt(im.mul(lev).minus(1).abs());
    const scale = percent ? new Dec(100) : new Dec(1);
    const cap = new Dec(r.riskLimitValue);
    const tier: Tier = {
      floor,
      cap,
      mmr: new Dec(r.maintenanceMargin).div(scale),
      cum: r.mmDeduction ? new Dec(r.mmDeduction) : null,
      maxLeverage: lev.toNumber(),
    };
    floor = cap;
    return tier;
  });
}

/** Estimated fee to close = taker × position value at the bankruptcy price (2026 UTA doc); x = q·u is that value. */
export function bybitFeeToClose(q: Dec, bankruptcyU: Dec, taker: Dec): Dec {
  return taker.mul(q.mul(bankruptcyU));
}

/**
 * Bankruptcy with the fee reserved: margin balance = Σ taker × value at that price
 * (help.bybit.com 360039261334: BP = 1.00075·Qty / (Qty/EP + AvailableBalance)). u = P (linear) or 1/P (inverse).
 */
export function feeInclusiveBankruptcyU(kMb: Dec, legs: SolveLeg[], takers: Dec[]): Dec | null {
  const zero = new Dec(0);
  const feeLegs = legs.map((l, i) => ({ ...l, pieces: [{ lo: zero, hi: null, c0: zero, c1: takers[i] ?? zero, c2: zero, ref: null }] }));
  const roots = solvePiecewise(kMb, feeLegs).roots;
  return roots.length === 1 ? roots[0]! : null;
}
