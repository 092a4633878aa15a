import { describe, expect, it } from 'vitest';
import { liquidationCost, sqrtLawImpact, uniformDepthSlippage, walkBook } from '../../../src/engine/risk';
import { expectRel, fixtureJson } from './helpers';

const s = fixtureJson('slippage.json');

describe('square-root law (docs/risk.md §7)', () => {
  for (const row of s.sqrt_law) {
    it(`${row.market} Q=${row.Q} Y=${row.Y}`, () => {
      const r = sqrtLawImpact({ sigmaAnnual: row.sigma_ann, dailyVolume: row.V_daily, quantity: row.Q, Y: row.Y });
      expectRel(r?.impactFraction, row.impact_frac, 1e-12);
      expectRel(r?.impactBps, row.impact_bps, 1e-12);
      expectRel(r?.cost, row.cost_usd, 1e-12);
      expectRel(r?.averageCost, row.avg_cost_2_3_usd, 1e-12);
    });
  }
  it('bad input is null', () => {
    expect(sqrtLawImpact({ sigmaAnnual: 0.6, dailyVolume: 0, quantity: 1 })).toBeNull();
  });
});

describe('order-book walk', () => {
  const bids = s.book.bids as Array<[number, number]>;
  for (const w of s.book.walks) {
    it(`sell ${w.q}`, () => {
      const r = walkBook(bids, w.q, s.book.mid);
      expectRel(r?.filled, w.filled, 1e-15);
      expectRel(r?.unfilled, w.unfilled, 1e-15);
      expectRel(r?.vwap, w.vwap, 1e-12);
      expect(r?.worstPrice).toBe(w.worst_px);
      expectRel(r?.slippageVsMidBps, w.slip_vs_mid_bps, 1e-9);
      expectRel(r?.slippageVsBestBps, w.slip_vs_best_bps, 1e-9);
      expectRel(r?.shortfall, w.shortfall_usd, 1e-9);
    });
  }
  it('a buy walks the asks with the sign flipped; empty book fills nothing', () => {
    const asks: Array<[number, number]> = [[100.5, 1], [101, 2]];
    const r = walkBook(asks, 2, 100, 'buy');
    expectRel(r?.vwap, 100.75, 1e-15);
    expectRel(r?.slippageVsMidBps, 75, 1e-12);
    expectRel(r?.shortfall, 1.5, 1e-12);
    expect(walkBook([], 3, 100)).toMatchObject({ filled: 0, unfilled: 3, vwap: null });
  });
});

describe('uniform depth and liquidation cost', () => {
  for (const row of s.uniform_depth) {
    it(`D=${row.depth_within_50bps} N=${row.N}`, () => {
      const r = uniformDepthSlippage(row.depth_within_50bps, 50, row.N);
      expectRel(r?.bpsConsumed, row.bps_consumed, 1e-12);
      expectRel(r?.averageSlippageBps, row.avg_slip_bps, 1e-12);
    });
  }
  it('K = fee + slippage + forfeited margin', () => {
    expectRel(liquidationCost({ notional: -100000, feeRate: 0.005, slippage: 0.001, forfeitedMargin: 250 }), 850, 1e-14);
    expect(liquidationCost({ notional: Number.NaN, feeRate: 0, slippage: 0 })).toBeNull();
  });
});
