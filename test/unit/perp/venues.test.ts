// Worked examples per venue and the §10 decisions (docs/venues.md).
import { describe, expect, it } from 'vitest';
import { Dec, fmt } from '../../../src/engine/core/decimal';
import { evaluatePerpAccount, resolveTierTable } from '../../../src/engine/perp';
import { tiersFromBybitRiskLimits } from '../../../src/engine/perp/venues/bybit';
import type { PerpVenueId } from '../../../src/engine/core/types';
import { account, D, table, type PositionInput } from './build';

const one = (venue: PerpVenueId, p: PositionInput, extra: Parameters<typeof account>[2] = {}) => evaluatePerpAccount(account(venue, [p], extra));
const m1 = (venue: PerpVenueId, p: PositionInput, extra: Parameters<typeof account>[2] = {}) => one(venue, p, extra).metrics[0]!;
/** MB − MM of the same account re-evaluated with the mark at `price`. */
const residualAt = (venue: PerpVenueId, p: PositionInput, price: Dec, extra: Parameters<typeof account>[2] = {}) => {
  const m = m1(venue, { ...p, markPrice: price.toFixed() }, extra);
  return m.marginBalance!.minus(m.maintenanceMargin!);
};

describe('deribit: MM = 1 % + size·0.005 % (BTC), 0.0004 % (ETH)', () => {
  it('100 BTC ⇒ 1.5 % maintenance rate', () => {
    const m = m1('deribit', { symbol: 'BTC-PERPETUAL', size: 100000, contractSize: 10, entryPrice: 10000, markPrice: 10000 }, { wallet: 50 });
    expect(m.notional!.eq(100)).toBe(true);
    expect(m.maintenanceMargin!.eq('1.5')).toBe(true);
  });
  it('size-dependent MM solved to ≤ 1e-40 relative', () => {
    const p = { symbol: 'BTC-PERPETUAL', size: 500000, contractSize: 10, entryPrice: 40000, markPrice: 40000 };
    for (const side of ['long', 'short'] as const) {
      const m = m1('deribit', { ...p, side }, { wallet: 20 });
      const lp = m.liquidationPrice!;
      expect(side === 'long' ? lp.lt(40000) : lp.gt(40000)).toBe(true);
      const r = residualAt('deribit', { ...p, side }, lp, { wallet: 20 });
      const coinNotional = D(5000000).div(lp);
      expect(r.abs().lte(coinNotional.mul('1e-40'))).toBe(true);
    }
    const eth = m1('deribit', { symbol: 'ETH-PERPETUAL', size: 1000, contractSize: 1, entryPrice: 2000, markPrice: 2000 }, { wallet: 1 });
    expect(eth.maintenanceMargin!.eq(D('0.5').mul(D('0.01').plus(D('0.5').mul('0.000004'))))).toBe(true);
  });
});

describe('hyperliquid: mmr = 1/(2·maxLeverage), margin tiers with deduction', () => {
  it('BTC tier example: MM at 200M notional = 3,125,000', () => {
    const r = one('hyperliquid', { symbol: 'BTC', size: 2000, entryPrice: 100000, markPrice: 100000, isolatedMargin: 20000000 });
    expect(r.metrics[0]!.maintenanceMargin!.eq(3125000)).toBe(true);
    expect(r.metrics[0]!.tier!.index).toBe(2);
    expect(r.metrics[0]!.tier!.cum!.eq(1875000)).toBe(true);
    expect(r.diagnostics.some((d) => d.code === 'bundled-tier-table' && d.severity === 'info' && d.message.includes('2025-01-01'))).toBe(true);
  });
  it('maxLeverage 50 ⇒ mmr 1 %, docs formula liq = price − side·margin_available/size/(1 − l·side)', () => {
    const m = m1('hyperliquid', { symbol: 'DOGE', size: 1000, entryPrice: 2, markPrice: 2, maxLeverage: 50 }, { wallet: 100 });
    const l = D(1).div(100);
    const available = D(100).minus(D(2000).mul(l));
    expect(m.liquidationPrice!.eq(D(2).minus(available.div(1000).div(D(1).minus(l))))).toBe(true);
  });
  it('maxLeverage next to mmr is a second source (warning)', () => {
    const r = one('hyperliquid', { symbol: 'DOGE', size: 1, entryPrice: 2, markPrice: 2, maxLeverage: 50, mmr: '0.02' }, { wallet: 1 });
    expect(r.diagnostics.filter((d) => d.code === 'second-mm-source')).toHaveLength(1);
    expect(r.metrics[0]!.maintenanceMargin!.eq('0.04')).toBe(true);
  });
});

describe('okx / gate', () => {
  it('warn when takerFee is absent; OKX shows MB/(MM + fee)', () => {
    const r = one('okx', { symbol: 'BTC-USDT-SWAP', size: 10, contractSize: '0.01', entryPrice: 50000, markPrice: 50000, mmr: '0.004', isolatedMargin: 500 });
    expect(r.diagnostics.map((d) => d.code)).toContain('missing-taker-fee');
    const m = r.metrics[0]!;
    expect(m.maintenanceMargin!.eq(D('0.1').mul(50000).mul('0.004'))).toBe(true);
    expect(m.venueMarginRatio!.eq(m.marginBalance!.div(m.maintenanceMargin!))).toBe(true);
  });
  it('OKX tiers count contracts (fixed by size); inverse by 1/P', () => {
    const tiers = table([[0, 2000, '0.01', null], [2001, 4000, '0.015', null], [4001, null, '0.02', null]]);
    const r = one('okx', { symbol: 'ETH-USDT-SWAP', size: 2001, contractSize: '0.1', entryPrice: 2000, markPrice: 2000, tiers, takerFee: '0.0005', isolatedMargin: 40000 });
    expect(r.diagnostics.filter((d) => d.code === 'tier-gap')).toHaveLength(0);
    expect(r.metrics[0]!.tier!.index).toBe(2);
    const inv = m1('okx', { symbol: 'BTC-USD-SWAP', size: 100, contractSize: 100, entryPrice: 50000, markPrice: 50000, mmr: '0.005', takerFee: '0.0005', isolatedMargin: '0.02' });
    // inverse: LP = Q·(MMR + fee + 1)/(M + Q/EP) for a long
    expect(fmt(inv.liquidationPrice)).toBe(fmt(D(10000).mul('1.0055').div(D('0.02').plus('0.2'))));
  });
});

describe('bybit', () => {
  it('risk-limit rows: percent (v5) vs fraction (v3) decided by initialMargin × maxLeverage', () => {
    const v5 = tiersFromBybitRiskLimits([{ riskLimitValue: '150', maintenanceMargin: '0.5', initialMargin: '1', maxLeverage: '100', mmDeduction: '' }]);
    const v3 = tiersFromBybitRiskLimits([{ riskLimitValue: '150', maintenanceMargin: '0.005', initialMargin: '0.01', maxLeverage: '100' }]);
    expect(v5[0]!.mmr.eq('0.005')).toBe(true);
    expect(v3[0]!.mmr.eq('0.005')).toBe(true);
    // "never by value > 1": a 2x tier with IM 50 % is percent although 0.5 < 1 would look like a fraction
    const lowLev = tiersFromBybitRiskLimits([{ riskLimitValue: '9', maintenanceMargin: '0.6', initialMargin: '50', maxLeverage: '2' }]);
    expect(lowLev[0]!.mmr.eq('0.006')).toBe(true);
  });
  it('(floor, cap] boundaries: a position value at exactly 3,000 is tier 3', () => {
    const m = m1('bybit-linear', { symbol: 'XYZUSDT', size: 100, entryPrice: 30, markPrice: 30, isolatedMargin: 1000, tiers: 'bybit-linear/XYZUSDT' });
    expect(m.tier!.index).toBe(3);
    expect(m.maintenanceMargin!.eq(D(3000).mul('0.03').minus(15))).toBe(true);
  });
  it('2026 fee to close: MM + taker × value at the bankruptcy price', () => {
    const m = m1('bybit-linear', { size: 1, entryPrice: 20000, markPrice: 20000, mmr: '0.005', leverage: 50, takerFee: '0.00055' });
    // BP with the fee reserved: 400 + (P − 20000) = 0.00055·P
    const bp = D(19600).div(D(1).minus('0.00055'));
    expect(m.maintenanceMargin!.eq(D(100).plus(bp.mul('0.00055')))).toBe(true);
    expect(m.liquidationPrice!.eq(D(20000).minus(D(400).minus(m.maintenanceMargin!)))).toBe(true);
  });
  it('classic cross hedge nets: a fully hedged position is not liquidated', () => {
    const r = evaluatePerpAccount(
      account('bybit-linear', [
        { side: 'long', size: 1, entryPrice: 20000, markPrice: 20000, mmr: '0.005' },
        { side: 'short', size: 1, entryPrice: 20000, markPrice: 20000, mmr: '0.005' },
      ], { wallet: 10, positionMode: 'hedge' }),
    );
    for (const m of r.metrics) {
      expect(m.liquidationPrice).toBeNull();
      expect(m.note).toContain('fully hedged');
    }
  });
});

describe('§10 decisions', () => {
  it('10.1 zero size ⇒ "no position", not 0', () => {
    const m = m1('binance-usdm', { size: 0, entryPrice: 100, markPrice: 100, mmr: '0.01' }, { wallet: 10 });
    expect(m.liquidationPrice).toBeNull();
    expect(m.unknownReason).toBe('no position (size 0)');
    const r = evaluatePerpAccount(account('binance-usdm', [
      { size: 0, entryPrice: 100, markPrice: 100, mmr: '0.01' },
      { size: 1, entryPrice: 100, markPrice: 100, mmr: '0.01' },
    ], { wallet: 10 }));
    expect(r.metrics[1]!.liquidationPrice!.eq(D(90).div('0.99'))).toBe(true);
  });
  it('missing mark / no MM source ⇒ unknownReason; never throws', () => {
    expect(m1('binance-usdm', { symbol: 'XYZUSDT', size: 1, entryPrice: 100 }, { wallet: 10 }).unknownReason).toBe('no mark price');
    expect(m1('binance-usdm', { symbol: 'XYZUSDT', size: 1, entryPrice: 100, markPrice: 100 }, { wallet: 10 }).unknownReason).toBe(
      'no maintenance-margin rate: give tiers, mmr or a bundled table',
    );
    const r = evaluatePerpAccount(account('binance-usdm', [
      { symbol: 'XYZUSDT', size: 1, entryPrice: 100 },
      { symbol: 'ETHUSDT', size: 1, entryPrice: 100, markPrice: 100, mmr: '0.01' },
    ], { wallet: 10 }));
    expect(r.metrics).toHaveLength(2);
    expect(r.metrics[1]!.unknownReason).toContain('cross account incomplete');
  });
  it('10.2 fully collateralised long ⇒ LP ≤ 0 ⇒ null; inverse short ≥ notional ⇒ null', () => {
    const m = m1('generic-linear', { size: 1, entryPrice: 100, markPrice: 100, mmr: '0.01', isolatedMargin: 200 });
    expect(m.liquidationPrice).toBeNull();
    expect(m.note).toContain('cannot be liquidated by a price move');
    expect(m.bankruptcyPrice).toBeNull();
    const s = m1('generic-inverse', { side: 'short', symbol: 'BTCUSD', size: 1000, contractSize: 1, entryPrice: 50000, markPrice: 50000, mmr: '0.005', isolatedMargin: '0.03' });
    expect(s.liquidationPrice).toBeNull();
    expect(m1('generic-linear', { side: 'short', size: 1, entryPrice: 100, markPrice: 100, mmr: '0.01', isolatedMargin: 1000 }).liquidationPrice!.gt(100)).toBe(true);
  });
  it('10.3 MB ≤ MM now ⇒ liquidatable; the MB = MM price is reported beyond the mark', () => {
    const m = m1('binance-usdm', { size: 1, entryPrice: 100, markPrice: '90.5', mmr: '0.01', isolatedMargin: 10 });
    expect(m.liquidatable).toBe(true);
    // (EP − M/q)/(1 − mmr) = 90/0.99, above the mark of a long that has gone through it
    expect(fmt(m.liquidationPrice)).toBe(fmt(new Dec(90).div('0.99')));
    expect(m.note).toMatch(/liquidatable now/);
    expect(m.marginRatio!.gte(1)).toBe(true);
    const neg = m1('binance-usdm', { size: 1, entryPrice: 100, markPrice: 80, mmr: '0.01', isolatedMargin: 10 });
    expect(neg.marginRatio).toBeNull();
    expect(neg.liquidatable).toBe(true);
  });
  it('10.4 hedged cross book with tiers: two adverse roots, the nearer reported', () => {
    const r = evaluatePerpAccount(account('binance-usdm', [
      { side: 'long', size: 10, entryPrice: 100000, markPrice: 100000 },
      { side: 'short', size: 6, entryPrice: 100000, markPrice: 100000 },
    ], { wallet: 30000, positionMode: 'hedge' }));
    const m = r.metrics[0]!;
    expect(m.liquidationPrices).not.toBeNull();
    const { down, up } = m.liquidationPrices!;
    expect(down!.lt(100000) && up!.gt(100000)).toBe(true);
    expect(m.liquidationPrice!.eq(D(100000).div(down!).lte(up!.div(100000)) ? down! : up!)).toBe(true);
    expect(fmt(r.metrics[1]!.liquidationPrice)).toBe(fmt(m.liquidationPrice));
    for (const p of [down!, up!]) {
      const again = evaluatePerpAccount(account('binance-usdm', [
        { side: 'long', size: 10, entryPrice: 100000, markPrice: p.toFixed() },
        { side: 'short', size: 6, entryPrice: 100000, markPrice: p.toFixed() },
      ], { wallet: 30000, positionMode: 'hedge' })).metrics[0]!;
      expect(again.marginBalance!.minus(again.maintenanceMargin!).abs().lte(D(16).mul(p).mul('1e-30'))).toBe(true);
    }
  });
  it('10.4 isolated hedge legs are independent', () => {
    const r = evaluatePerpAccount(account('binance-usdm', [
      { side: 'long', size: 1, entryPrice: 100, markPrice: 100, mmr: '0.01', isolatedMargin: 10 },
      { side: 'short', size: 1, entryPrice: 100, markPrice: 100, mmr: '0.01', isolatedMargin: 10 },
    ], { positionMode: 'hedge' }));
    expect(r.metrics[0]!.liquidationPrice!.eq(D(90).div('0.99'))).toBe(true);
    expect(r.metrics[1]!.liquidationPrice!.eq(D(110).div('1.01'))).toBe(true);
  });
  it('10.5 tiers without cum: the boundary side changes MM ([floor, cap) default, (floor, cap] Bybit)', () => {
    const noCum = table([[0, 1000, '0.01', null], [1000, null, '0.02', null]]);
    const at = (upperInclusive: boolean) =>
      m1('generic-linear', { size: 10, entryPrice: 100, markPrice: 100, isolatedMargin: 500, tiers: { ...noCum, upperInclusive } }).maintenanceMargin!;
    expect(at(false).eq(20)).toBe(true);
    expect(at(true).eq(10)).toBe(true);
    // a short whose MM jumps across the boundary is liquidated at the jump when f changes sign there
    const jump = m1('generic-linear', { side: 'short', size: 10, entryPrice: 95, markPrice: 95, isolatedMargin: 60, tiers: noCum });
    expect(jump.liquidationPrice!.eq(100)).toBe(true);
  });
  it('10.7 inconsistent tables: gap and cum diagnostics on the tier span', () => {
    const aave = table([[0, 5000, '0.01', 0], [5000, 1000000, '0.02', 75], [10000000, null, '0.05', 300075]]);
    const r = one('generic-linear', { size: 1, entryPrice: 100, markPrice: 100, isolatedMargin: 50, tiers: aave });
    const cum = r.diagnostics.filter((d) => d.code === 'tier-cum-inconsistent');
    expect(cum.length).toBeGreaterThanOrEqual(1);
    expect(cum[0]!.line).toBe(aave.tiers[1]!.span!.line);
    const gap = r.diagnostics.find((d) => d.code === 'tier-gap');
    expect(gap!.line).toBe(aave.tiers[2]!.span!.line);
    const bad = table([[0, 100, '0.02', 0], [50, null, '0.01', 0]]);
    const codes = one('generic-linear', { size: 1, entryPrice: 100, markPrice: 100, isolatedMargin: 50, tiers: bad }).diagnostics.map((d) => d.code);
    expect(codes).toEqual(expect.arrayContaining(['tier-overlap', 'tier-mmr-decreasing']));
  });
  it('bundled tables validate clean', () => {
    for (const name of ['binance-usdm/BTCUSDT@2024-10-24', 'binance-usdm/BTCUSDT@2021-06-01', 'binance-usdm/ETHUSDT@2021-06-01', 'hyperliquid/BTC', 'bybit-linear/XYZUSDT']) {
      const t = resolveTierTable('binance-usdm', 'X', name).table!;
      const r = one('generic-linear', { size: 1, entryPrice: 100, markPrice: 100, isolatedMargin: 50, tiers: t });
      expect(r.diagnostics.filter((d) => d.code.startsWith('tier-'))).toEqual([]);
    }
    expect(resolveTierTable('binance-usdm', 'BTCUSDT', 'binance-usdm/BTCUSDT@1999-01-01').diagnostics[0]!.code).toBe('unknown-tier-table');
    expect(resolveTierTable('binance-usdm', 'BTC/USDT:USDT', null).table!.date).toBe('2024-10-24');
  });
  it('precedence: tiers > mmr, the second source is a warning on its span', () => {
    const r = one('binance-usdm', { size: 1, entryPrice: 100, markPrice: 100, mmr: '0.5', tiers: 'binance-usdm/BTCUSDT@2021-06-01', isolatedMargin: 50 });
    const w = r.diagnostics.find((d) => d.code === 'second-mm-source')!;
    expect(w.severity).toBe('warning');
    expect(r.metrics[0]!.maintenanceMargin!.eq('0.4')).toBe(true);
  });
  it('10.8 inverse needs contractSize (binance-coinm defaults 100 BTC / 10 others)', () => {
    expect(m1('generic-inverse', { symbol: 'BTCUSD', size: 1, entryPrice: 100, markPrice: 100, mmr: '0.01' }, { wallet: 1 }).unknownReason).toContain('contractSize');
    const eth = m1('binance-coinm', { symbol: 'ETHUSD_PERP', size: 10, entryPrice: 2000, markPrice: 2000, mmr: '0.005' }, { wallet: 1 });
    expect(eth.notional!.eq(D(100).div(2000))).toBe(true);
  });
  it('10.13 Binance display ratio rounds half up to 4 dp (ccxt)', () => {
    const m = m1('binance-usdm', { size: 1, entryPrice: 100, markPrice: 100, mmr: '0.00123449', isolatedMargin: 10 });
    expect(m.marginRatio!.toFixed()).toBe('0.0123449');
    expect(m.venueMarginRatio!.toFixed()).toBe('0.0123');
    const up = m1('binance-usdm', { size: 1, entryPrice: 100, markPrice: 100, mmr: '0.001235', isolatedMargin: 10 });
    expect(up.venueMarginRatio!.toFixed()).toBe('0.0124');
  });
  it('isolatedMargin defaults from leverage with an info; missing both ⇒ unknown', () => {
    const r = one('binance-usdm', { size: 2, entryPrice: 100, markPrice: 100, mmr: '0.01', leverage: 10 });
    expect(r.diagnostics.find((d) => d.code === 'isolated-margin-defaulted')!.severity).toBe('info');
    expect(r.metrics[0]!.marginBalance!.eq(20)).toBe(true);
    const bad = m1('binance-usdm', { size: 2, entryPrice: 100, markPrice: 100, mmr: '0.01', marginMode: 'isolated' });
    expect(bad.unknownReason).toContain('isolatedMargin');
  });
  it('releasesMarginProRata per venue', () => {
    const rel = (v: PerpVenueId) => m1(v, { size: 1, entryPrice: 100, markPrice: 100, mmr: '0.01', isolatedMargin: 10 }).releasesMarginProRata;
    expect(rel('binance-usdm')).toBe(true);
    expect(rel('bybit-linear')).toBe(true);
    expect(rel('dydx-v4')).toBe(false);
  });
});

describe('freqtrade fixture BTC tiers (§9.4): floor ≤ notional, upper tier at an exact floor', () => {
  it('lookups', async () => {
    const { tierIndexAt } = await import('../../../src/engine/perp/maintenance');
    const raw = (await import('../../fixtures/perp/freqtrade-btc-tiers.json')).default;
    const t = table(raw.tiers.map((r: { floor: string; cap: string; mmr: string; cum: string }) => [r.floor, r.cap, r.mmr, r.cum] as [string, string, string, string]));
    const at = (x: string) => t.tiers[tierIndexAt(t.tiers, D(x), false)]!;
    expect(at('170.30').mmr.eq('0.004') && at('170.30').cum!.eq(0)).toBe(true);
    expect(at('600000000').mmr.eq('0.5') && at('600000000').cum!.eq(199703800)).toBe(true);
    const r = one('generic-linear', { size: 1, entryPrice: 100, markPrice: 100, isolatedMargin: 50, tiers: t });
    expect(r.diagnostics.filter((d) => d.code.startsWith('tier-'))).toEqual([]);
    const big = one('generic-linear', { size: 20000, entryPrice: 100000, markPrice: 100000, isolatedMargin: 1e9, tiers: t });
    expect(big.diagnostics.map((d) => d.code)).toContain('tier-beyond-cap');
  });
});
