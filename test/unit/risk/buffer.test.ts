import { describe, expect, it } from 'vitest';
import {
  barrierForProbability, chanceConstraintMargin, collateralForBarrier, costOptimalMargin, firstPassageGbm,
  isolatedChanceConstraint, isolatedCostOptimal, isolatedLiquidationPrice, isolatedMarginModel,
} from '../../../src/engine/risk';
import { expectRel, fixtureJson } from './helpers';

const opt = fixtureJson('optimize.json');
const cc = opt.chance_constraint;
const b = cc.base;
const position = (side: 'long' | 'short', mu: number) => ({ side, qty: b.Q, entry: b.E, mmr: b.mmr, spot: b.S, sigma: b.sig, years: b.T, mu, collateral: cc.C0 });

describe('isolated linear liquidation price (docs/risk.md §1.1)', () => {
  it('B₀ and H₀ at 10× and P₀ (closed form)', () => {
    expectRel(isolatedLiquidationPrice(position('long', 0), cc.C0), cc.B0, 1e-14);
    expectRel(isolatedLiquidationPrice(position('short', 0), cc.C0), cc.H0, 1e-14);
    expectRel(firstPassageGbm({ spot: b.S, barrier: cc.B0, side: 'long', sigma: b.sig, years: b.T, mu: 0 }), cc.P0_long, 1e-12);
    expectRel(firstPassageGbm({ spot: b.S, barrier: cc.H0, side: 'short', sigma: b.sig, years: b.T, mu: 0 }), cc.P0_short, 1e-12);
  });
  it('collateralForBarrier inverts it; cum shifts it; no liquidation price when fully collateralised', () => {
    const p = { ...position('long', 0), cum: 50 };
    const B = isolatedLiquidationPrice(p, 12345) as number;
    expectRel(collateralForBarrier(p, B), 12345, 1e-12);
    expect(isolatedLiquidationPrice(position('long', 0), b.Q * b.E)).toBeNull();
  });
});

describe('(A) chance constraint, docs/risk.md §6.2 (C* 1e-8 relative)', () => {
  for (const row of cc.rows) {
    it(`${row.side} ${row.drift} α=${row.alpha}`, () => {
      const p = position(row.side, row.mu);
      const r = isolatedChanceConstraint(p, row.alpha);
      expectRel(r?.requiredCollateral, row.C_star, 1e-8, 'C*');
      expectRel(r?.addedMargin, row.extra, 1e-8, 'extra');
      expectRel(r?.liquidationPrice, row.liq_price, 1e-8, 'liq price');
      expectRel(r?.effectiveLeverage, row.eff_leverage, 1e-8, 'leverage');
      expectRel(r?.maxQty, row.Q_max_with_C0, 1e-8, 'max Q');
      // the abstract solver on the same model (callback liquidation price) agrees
      const g = chanceConstraintMargin(isolatedMarginModel(p), row.alpha, { scale: 1000 });
      expectRel(g?.addedMargin, row.extra, 1e-8, 'generic bisection');
      expectRel(g?.probability, row.alpha, 1e-9, 'P(C*) = α');
    });
  }
  it('ν = 0 closed form B* = S·exp(σ√T·Φ⁻¹(α/2)) and its bisection agree', () => {
    const c = cc.closed_form_nu0;
    const p = position('long', c.mu);
    expectRel(barrierForProbability(p, c.alpha), c.B_star, 1e-10);
    expectRel(isolatedChanceConstraint(p, c.alpha)?.requiredCollateral, c.C_star, 1e-8);
    expectRel(chanceConstraintMargin(isolatedMarginModel(p), c.alpha, { scale: 1000 })?.addedMargin, c.C_star_bisection - cc.C0, 1e-8);
  });
  it('already safe ⇒ 0; unreachable within maxAdded ⇒ null; invalid ⇒ null', () => {
    const m = isolatedMarginModel(position('long', 0));
    expect(chanceConstraintMargin(m, 0.5)?.addedMargin).toBe(0);
    expect(chanceConstraintMargin(m, 0.001, { maxAdded: 100 })).toBeNull();
    expect(chanceConstraintMargin({ ...m, sigma: Number.NaN }, 0.01)).toBeNull();
    expect(chanceConstraintMargin(m, 1)).toBeNull();
  });
});

describe('(B) cost-optimal buffer, docs/risk.md §6.3 (C_opt 1e-4, P and J 1e-6)', () => {
  for (const row of opt.expected_cost) {
    it(`${row.side} k=${row.k} r=${row.r_opp}`, () => {
      const r = isolatedCostOptimal({ ...position(row.side, 0), k: row.k, opportunityRate: row.r_opp });
      expectRel((r?.addedMargin as number) + cc.C0, row.C_opt, 1e-6, 'C_opt (tighter than the 1e-4 of §9)');
      expectRel(r?.addedMargin, row.extra, 1e-4, 'extra');
      expectRel(r?.probability, row.P_at_opt, 1e-6, 'P at opt');
      expectRel(r?.expectedCost, row.J_at_opt, 1e-6, 'J(C_opt)');
      expectRel(r?.expectedCostNow, row.J_at_C0, 1e-6, 'J(C₀)');
    });
  }
  it('keeps C₀ when idle margin is too expensive', () => {
    const m = isolatedMarginModel({ ...position('long', 0), collateral: 60000 });
    const r = costOptimalMargin({ ...m, lossIfLiquidated: () => 10, opportunityCost: 0.5 }, { scale: 100 });
    expect(r?.addedMargin).toBe(0);
  });
});
