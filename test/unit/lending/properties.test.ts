import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Dec } from '../../../src/engine/core/decimal';
import { evaluateLendingAccount, loanFix } from '../../../src/engine/lending';
import type { LendingAccount, LoanMetrics } from '../../../src/engine/core/types';
import { account, asset, leg, loan } from './builders';

const milli = (n: number): string => new Dec(n).div(1000).toFixed();
const metricsOf = (a: LendingAccount): LoanMetrics => evaluateLendingAccount(a).metrics[0]!;

/** A random Aave loan: WETH + WBTC collateral, USDC + WETH-free debt. */
const aaveArb = fc.record({
  weth: fc.integer({ min: 100, max: 2_000_000 }), wethPx: fc.integer({ min: 100_000, max: 10_000_000 }),
  wbtc: fc.integer({ min: 0, max: 50_000 }), wbtcPx: fc.integer({ min: 10_000_000, max: 150_000_000 }),
  ltA: fc.integer({ min: 5000, max: 9000 }), ltB: fc.integer({ min: 5000, max: 9000 }),
  usdc: fc.integer({ min: 1000, max: 500_000_000 }),
});
type AaveArgs = { weth: number; wethPx: number; wbtc: number; wbtcPx: number; ltA: number; ltB: number; usdc: number };

function aaveAccount(a: AaveArgs, extraDebt = 0, prices: Record<string, string> = {}): LendingAccount {
  return account('aave-v3', [
    asset('WETH', { price: prices['WETH'] ?? milli(a.wethPx), lt: String(a.ltA / 1e4), lb: '0.05' }),
    asset('WBTC', { price: prices['WBTC'] ?? milli(a.wbtcPx), lt: String(a.ltB / 1e4), lb: '0.065', decimals: 8 }),
    asset('USDC', { price: '1', decimals: 6, stable: true }),
  ], [loan([leg('WETH', milli(a.weth)), leg('WBTC', new Dec(a.wbtc).div(1e5).toFixed())], [leg('USDC', new Dec(a.usdc).div(1000).add(extraDebt).toFixed())])]);
}

describe('health factor falls as debt grows', () => {
  it('Aave: on-chain HF non-increasing, ideal HF strictly decreasing', () => {
    fc.assert(fc.property(aaveArb, fc.integer({ min: 1, max: 1_000_000 }), (a, extra) => {
      const m0 = metricsOf(aaveAccount(a));
      const m1 = metricsOf(aaveAccount(a, extra));
      expect(m1.healthFactor!.lte(m0.healthFactor!)).toBe(true);
      expect(m1.healthFactorIdeal!.lt(m0.healthFactorIdeal!)).toBe(true);
    }), { numRuns: 200 });
  });
});

describe('at a reported liquidation price the ideal HF is 1 (to 1e-30)', () => {
  const tol = new Dec('1e-30');
  it('Aave, every volatile asset', () => {
    fc.assert(fc.property(aaveArb, (a) => {
      const m = metricsOf(aaveAccount(a));
      for (const [key, lp] of Object.entries(m.liquidationPrices ?? {})) {
        if (lp === null) continue;
        const at = metricsOf(aaveAccount(a, 0, { [key]: lp.toFixed() }));
        expect(at.healthFactorIdeal!.sub(1).abs().lte(tol)).toBe(true);
      }
    }), { numRuns: 150 });
  });
  it('Compound, Maker, Liquity v1/v2, Morpho', () => {
    fc.assert(fc.property(fc.integer({ min: 1_000, max: 1_000_000 }), fc.integer({ min: 500_000, max: 5_000_000 }), fc.integer({ min: 100_000, max: 2_000_000_000 }), (coll, px, debt) => {
      const c = milli(coll);
      const p = milli(px);
      const dStr = milli(debt);
      const usd = asset('USDC', { price: '1', decimals: 6, stable: true });
      const cases: LendingAccount[] = [
        account('compound-v3', [asset('WETH', { price: p, lcf: '0.83', lf: '0.95' }), usd], [loan([leg('WETH', c)], [leg('USDC', dStr)])]),
        account('maker', [asset('ETH', { price: p })], [loan([leg('ETH', c)], [leg('DAI', dStr)], { params: { liquidationRatio: '1.45', chop: '1.13' } })]),
        account('liquity-v1', [asset('ETH', { price: p })], [loan([leg('ETH', c)], [leg('LUSD', dStr)])]),
        account('liquity-v2', [asset('rETH', { price: p })], [loan([leg('rETH', c)], [leg('BOLD', dStr)])]),
        account('morpho-blue', [asset('WETH', { price: p }), usd], [loan([leg('WETH', c)], [leg('USDC', dStr)], { params: { lltv: '0.86' } })]),
      ];
      for (const acc of cases) {
        const m = metricsOf(acc);
        const sym = m.symbol!;
        const moved = { ...acc, markets: { ...acc.markets, [sym]: { ...acc.markets[sym]!, price: m.liquidationPrice } } };
        const at = metricsOf(moved);
        expect(at.healthFactorIdeal!.sub(1).abs().lte(tol)).toBe(true);
      }
    }), { numRuns: 100 });
  });
  it('ratio key (wstETH/WETH in eMode)', () => {
    fc.assert(fc.property(fc.integer({ min: 1_000, max: 100_000 }), fc.integer({ min: 1_000, max: 100_000 }), (c, d) => {
      const mk = (wst: string) => account('aave-v3', [asset('wstETH', { price: wst, lt: '0.81' }), asset('WETH', { price: '3000', lt: '0.83' })],
        [loan([leg('wstETH', milli(c))], [leg('WETH', milli(d))], { eMode: '1' })],
        { eModeCategories: [{ id: '1', label: null, liquidationThreshold: new Dec('0.95'), liquidationBonus: null, assets: ['wstETH', 'WETH'] }] });
      const m = metricsOf(mk('3600'));
      const r = m.liquidationPrices!['wstETH/WETH'];
      if (!r) return;
      expect(metricsOf(mk(r.mul(3000).toFixed())).healthFactorIdeal!.sub(1).abs().lte(tol)).toBe(true);
    }), { numRuns: 100 });
  });
});

describe('loanFix: the result meets the target and one unit less does not', () => {
  const withAmounts = (acc: LendingAccount, wethAdd: Dec, usdcRepay: Dec): LendingAccount => {
    const l = acc.loans[0]!;
    return { ...acc, loans: [{ ...l, collateral: l.collateral.map((x) => (x.asset === 'WETH' ? { ...x, amount: x.amount.add(wethAdd) } : x)), debt: l.debt.map((x) => ({ ...x, amount: x.amount.sub(usdcRepay) })) }] };
  };
  it('Aave, HF target', () => {
    fc.assert(fc.property(aaveArb, fc.integer({ min: 1010, max: 3000 }), (a, t) => {
      const target = new Dec(t).div(1000);
      const meets = (m: LoanMetrics) => !m.liquidatable && (m.healthFactor === null || m.healthFactor.gte(target)); // null = no debt left
      const acc = aaveAccount(a);
      if (meets(metricsOf(acc))) return;
      const fix = loanFix(acc, 'main', meets);
      const w = fix.addCollateral['WETH'];
      expect(w).not.toBeNull();
      expect(w!.decimalPlaces()).toBeLessThanOrEqual(18);
      expect(meets(metricsOf(withAmounts(acc, w!, new Dec(0))))).toBe(true);
      expect(meets(metricsOf(withAmounts(acc, w!.sub('1e-18'), new Dec(0))))).toBe(false);
      const r = fix.repayDebt['USDC'];
      expect(r).not.toBeNull();
      expect(meets(metricsOf(withAmounts(acc, new Dec(0), r!)))).toBe(true);
      expect(meets(metricsOf(withAmounts(acc, new Dec(0), r!.sub('0.000001'))))).toBe(false);
    }), { numRuns: 40 });
  });
  it('Aave, a distance target (black-box monotone predicate)', () => {
    const acc = aaveAccount({ weth: 10_000, wethPx: 2_000_000, wbtc: 0, wbtcPx: 60_000_000, ltA: 8000, ltB: 7500, usdc: 15_000_000 });
    const meets = (m: LoanMetrics) => m.liquidationPrice !== null && m.markPrice!.sub(m.liquidationPrice).div(m.markPrice!).gte('0.3');
    const fix = loanFix(acc, 'main', meets);
    const w = fix.addCollateral['WETH']!;
    // closed form: distance 0.3 ⇔ LP = 1400 ⇔ (10 + x)·1400·0.8 = 15000 → x = 3.392857142857142857…
    expect(w.eq(new Dec(15000).div(1120).sub(10).toDecimalPlaces(18, Dec.ROUND_CEIL))).toBe(true);
    expect(fix.addCollateral['USDC']).toBeUndefined(); // LT 0: cannot be collateral
    expect(fix.reason).toBeNull();
  });
  it('impossible target gives null with a reason', () => {
    const acc = account('aave-v3', [asset('WETH', { price: '2000', lt: '0.8' }), asset('USDC', { price: '1', decimals: 6, stable: true })], [loan([leg('WETH', '1')], [leg('USDC', '1500')])]);
    const fix = loanFix(acc, 'main', () => false);
    expect(fix.addCollateral['WETH']).toBeNull();
    expect(fix.repayDebt['USDC']).toBeNull();
    expect(fix.reason).toMatch(/no single asset/);
  });
  it('Maker: repay moves art; matches the closed form', () => {
    const acc = account('maker', [asset('ETH', { price: '2000' })], [loan([leg('ETH', '10')], [leg('DAI', '8400')], { params: { art: '8000', rate: '1.05', liquidationRatio: '1.45' } })]);
    const meets = (m: LoanMetrics) => m.healthFactor === null || m.healthFactor.gte('2');
    const fix = loanFix(acc, 'maker-missing', meets);
    expect(fix.reason).toMatch(/not found/);
    const f = loanFix({ ...acc, loans: [{ ...acc.loans[0]!, id: 'v' }] }, 'v', meets);
    const closed = new Dec(8400).sub(new Dec(20000).div('2.9')); // debt' = ink·p/(mat·2)
    expect(f.repayDebt['DAI']!.sub(closed).abs().lte('1e-15')).toBe(true);
    const closedAdd = new Dec(8400).mul('2.9').div(2000).sub(10);
    expect(f.addCollateral['ETH']!.sub(closedAdd).abs().lte('1e-17')).toBe(true);
  });
  it('Liquity and Morpho fixes reach HF 1.5', () => {
    const meets = (m: LoanMetrics) => m.healthFactor === null || m.healthFactor.gte('1.5');
    const liq = account('liquity-v2', [asset('WETH', { price: '2000' })], [loan([leg('WETH', '10')], [leg('BOLD', '15000')])]);
    const f1 = loanFix(liq, 'main', meets);
    expect(f1.addCollateral['WETH']!.eq(new Dec(15000).mul('1.65').div(2000).sub(10).toDecimalPlaces(18, Dec.ROUND_CEIL))).toBe(true);
    const mor = account('morpho-blue', [asset('WETH', { price: '3000' }), asset('USDC', { price: '1', decimals: 6, stable: true })], [loan([leg('WETH', '10')], [leg('USDC', '26000')], { params: { lltv: '0.86', borrowShares: '24761904761905941', totalBorrowAssets: '1050000000000', totalBorrowShares: '1000000000000000000' } })]);
    const f2 = loanFix(mor, 'main', meets);
    expect(f2.repayDebt['USDC']).not.toBeNull();
    expect(f2.addCollateral['WETH']).not.toBeNull();
  });
});

describe('robustness', () => {
  it('bad input never throws', () => {
    const acc = account('maker', [asset('ETH', { price: '0' })], [loan([leg('ETH', '0')], [leg('DAI', '0')], { params: { liquidationRatio: '0' } })]);
    expect(() => evaluateLendingAccount(acc)).not.toThrow();
    expect(evaluateLendingAccount(acc).metrics[0]!.unknownReason).toMatch(/liquidationRatio/);
    const z = account('morpho-blue', [asset('WETH', { price: '3000' }), asset('USDC', { price: '0', decimals: 6 })], [loan([leg('WETH', '1')], [leg('USDC', '1')], { params: { lltv: '0.86' } })]);
    expect(() => evaluateLendingAccount(z)).not.toThrow();
    expect(() => loanFix(z, 'main', () => true)).not.toThrow();
  });
});
