// Every vector of exchanges.json (copied to test/fixtures/perp) reproduced through the public engine.
import { afterAll, describe, expect, it } from 'vitest';
import { Dec, fmt } from '../../../src/engine/core/decimal';
import { evaluatePerpAccount, listBundledTables, resolveTierTable, solvePiecewise } from '../../../src/engine/perp';
import { buildLegMm } from '../../../src/engine/perp/maintenance';
import { mmOf } from '../../../src/engine/perp/solver';
import { nextCum, recomputeCum } from '../../../src/engine/perp/validate';
import { feeInclusiveBankruptcyU } from '../../../src/engine/perp/venues/bybit';
import type { PerpVenueId } from '../../../src/engine/core/types';
import { account, allVectors, D, sig30, type PositionInput, type Vector, vector } from './build';

const checked = new Set<string>();
function v(group: string, name: string): Vector {
  checked.add(`${group}/${name}`);
  return vector(group, name);
}
/** Exact to 30 significant digits; plus the published value at its stated tolerance when there is one. */
function exact(actual: Dec | null, vec: Vector): void {
  expect(actual).not.toBeNull();
  expect(fmt(actual)).toBe(sig30(vec.value));
  published(actual!, vec);
}
function published(actual: Dec, vec: Vector): void {
  if (!vec.expected || !vec.tolerance) return;
  const tol = vec.tolerance;
  if (tol.startsWith('rel')) {
    const rel = actual.minus(vec.expected).abs().div(D(vec.expected).abs());
    expect(rel.lte(tol.split(' ')[1]!)).toBe(true);
  } else {
    const step = D(tol.replace('round to ', ''));
    const dp = Math.max(0, -Math.floor(Math.log10(step.toNumber())));
    expect(actual.toDecimalPlaces(dp, Dec.ROUND_HALF_UP).eq(vec.expected)).toBe(true);
  }
}
const one = (venue: PerpVenueId, p: PositionInput, extra: Parameters<typeof account>[2] = {}) => evaluatePerpAccount(account(venue, [p], extra)).metrics[0]!;
const faqBtc = { symbol: 'BTCUSDT', size: '109.488', entryPrice: '32481.98', markPrice: '31967.27', mmr: '0.025', cum: '16300' };
const faqEth = { symbol: 'ETHUSDT', size: '3683.979', entryPrice: '1456.84', markPrice: '1335.18', mmr: '0.10', cum: '135365' };

describe('binance', () => {
  it('per-position notional, MM and UPNL at mark', () => {
    for (const [label, p] of [['BTC', faqBtc], ['ETH', faqEth]] as const) {
      const m = one('binance-usdm', { ...p, isolatedMargin: '1000000' });
      expect(m.notional!.eq(v('binance', `${label} notional at mark`).value)).toBe(true);
      expect(m.maintenanceMargin!.eq(v('binance', `${label} maintenance margin (q*mark*mmr-cum)`).value)).toBe(true);
      expect(m.marginBalance!.minus(1000000).eq(v('binance', `${label} UPNL at mark`).value)).toBe(true);
    }
  });
  it('FAQ cross account', () => {
    const [btc, eth] = evaluatePerpAccount(account('binance-usdm', [faqBtc, faqEth], { wallet: '1535443.01' })).metrics;
    exact(eth!.liquidationPrice, v('binance', 'ETHUSDT cross one-way LP'));
    exact(btc!.liquidationPrice, v('binance', 'BTCUSDT cross one-way LP'));
    exact(btc!.marginBalance, v('binance', 'example account margin balance (WB+UPNL)'));
    exact(btc!.marginRatio, v('binance', 'example account margin ratio (MM/MB)'));
  });
  it("'isolated' rows (WB used as isolated wallet)", () => {
    exact(one('binance-usdm', { ...faqEth, isolatedMargin: '1535443.01' }).liquidationPrice, v('binance', "ETHUSDT 'isolated' (WB=1535443.01, TMM=UPNL=0) LP"));
    exact(one('binance-usdm', { ...faqBtc, isolatedMargin: '1535443.01' }).liquidationPrice, v('binance', "BTCUSDT 'isolated' (WB=1535443.01, TMM=UPNL=0) LP"));
  });
  it('hedge mode cross: one shared LP, negative root ⇒ no liquidation', () => {
    const neg = evaluatePerpAccount(
      account('binance-usdm', [
        { side: 'long', size: 2, entryPrice: 100, markPrice: 100, mmr: '0.005', cum: 50 },
        { side: 'short', size: 1, entryPrice: 110, markPrice: 100, mmr: '0.005', cum: 50 },
      ], { wallet: 1000, positionMode: 'hedge' }),
    ).metrics;
    const vec = v('binance', 'hedge: WB=1000 L 2@100 S 1@110 mmr .005 cum 50/50 (derived; <0 => no liq)');
    for (const m of neg) {
      expect(m.liquidationPrice).toBeNull();
      expect(m.note).toContain('cannot be liquidated by a price move');
      expect(m.note).toContain(sig30(vec.value));
    }
    const pos = evaluatePerpAccount(
      account('binance-usdm', [
        { side: 'long', size: 3, entryPrice: 100, markPrice: 100, mmr: '0.005', cum: 0 },
        { side: 'short', size: 1, entryPrice: 100, markPrice: 100, mmr: '0.005', cum: 0 },
      ], { wallet: 100, positionMode: 'hedge' }),
    ).metrics;
    const lp = v('binance', 'hedge: WB=100 L 3@100 S 1@100 mmr .005 cum 0 (derived)');
    exact(pos[0]!.liquidationPrice, lp);
    expect(fmt(pos[1]!.liquidationPrice)).toBe(fmt(pos[0]!.liquidationPrice));
    // equity − MM(gross legs) at the LP
    const P = pos[0]!.liquidationPrice!;
    const residual = D(100).plus(P.minus(100).mul(3)).minus(P.minus(100)).minus(P.mul(4).mul('0.005'));
    expect(residual.abs().lte(D(v('binance', 'hedge self-check equity - MM(gross legs) at LP (should be 0)').value).abs().plus('1e-45'))).toBe(true);
  });
  it('perfect hedge cross: upside LP 10,000', () => {
    const ms = evaluatePerpAccount(
      account('binance-usdm', [
        { side: 'long', size: 1, entryPrice: 100, markPrice: 100, mmr: '0.005' },
        { side: 'short', size: 1, entryPrice: 100, markPrice: 100, mmr: '0.005' },
      ], { wallet: 100, positionMode: 'hedge' }),
    ).metrics;
    exact(ms[0]!.liquidationPrice, v('binance', 'perfect hedge: WB=100 L 1@100 S 1@100 mmr .005 (upside LP, derived)'));
    expect(ms[0]!.liquidationPrices).toBeNull();
  });
});

// freqtrade mocks: get_maintenance_ratio_and_amt → (0.01, 0.01), WB = stake = amount·open/leverage, isolated (§9.2).
const parse = (name: string) => {
  const get = (k: string) => new RegExp(`${k}=([\\w.]+)`).exec(name)?.[1];
  return { short: get('short') === 'True', lev: get('lev'), ep: get('ep'), amt: get('amt') };
};
const buffered = (lp: Dec, open: Dec, short: boolean, buffer: string) => {
  const b = open.minus(lp).abs().mul(buffer);
  return short ? lp.minus(b) : lp.plus(b);
};

describe('freqtrade rows', () => {
  it('ft-binance dry_run_liquidation_price', () => {
    for (const vec of allVectors.filter((x) => x.group === 'ft-binance' && x.name.startsWith('short='))) {
      const { short, lev, ep, amt } = parse(vec.name);
      const wb = D(amt!).mul(ep!).div(lev!);
      const m = one('binance-usdm', { side: short ? 'short' : 'long', size: amt!, entryPrice: ep!, markPrice: ep!, mmr: '0.01', cum: '0.01', isolatedMargin: wb.toFixed() });
      exact(m.liquidationPrice, v('ft-binance', vec.name));
    }
  });
  it('execute_entry and backtest (30 @ 10, 5x; 15000 @ 0.1, WB 300)', () => {
    for (const short of [true, false]) {
      const m = one('binance-usdm', { side: short ? 'short' : 'long', size: 30, entryPrice: 10, markPrice: 10, mmr: '0.01', cum: '0.01', isolatedMargin: 60 });
      exact(m.liquidationPrice, v('ft-binance', `execute_entry short=${short ? 'True' : 'False'} buffer 0`));
      exact(buffered(m.liquidationPrice!, D(10), short, '0.05'), v('ft-binance', `execute_entry short=${short ? 'True' : 'False'} buffer 0.05`));
      const b = one('binance-usdm', { side: short ? 'short' : 'long', size: 15000, entryPrice: '0.1', markPrice: '0.1', mmr: '0.01', cum: '0.01', isolatedMargin: 300 });
      exact(buffered(b.liquidationPrice!, D('0.1'), short, '0.05'), v('ft-backtest', `_enter_trade short=${short ? 'True' : 'False'} (buffer .05)`));
    }
  });
  it('ft-bybit EP·(1 ∓ 1/lev ± mmr)', () => {
    for (const vec of allVectors.filter((x) => x.group === 'ft-bybit')) {
      const { short, lev, ep } = parse(vec.name);
      const m = one('bybit-linear', { side: short ? 'short' : 'long', size: 1, entryPrice: ep!, markPrice: ep!, mmr: '0.01', leverage: lev! });
      exact(m.liquidationPrice, v('ft-bybit', vec.name));
    }
  });
  it('ft-okx/gate (EP ± WB/q)/(1 ± (mmr + taker)), taker 0.0006', () => {
    for (const vec of allVectors.filter((x) => x.group === 'ft-okx/gate')) {
      const ee = vec.name.startsWith('execute_entry');
      const { short, lev, ep, amt } = ee ? { short: vec.name.includes('True'), lev: '5', ep: '10', amt: '30' } : parse(vec.name);
      for (const venue of ['okx', 'gate'] as const) {
        const m = one(venue, { side: short ? 'short' : 'long', size: amt!, entryPrice: ep!, markPrice: ep!, mmr: '0.01', takerFee: '0.0006', leverage: lev! });
        exact(ee ? buffered(m.liquidationPrice!, D(ep!), short, '0.05') : m.liquidationPrice, v('ft-okx/gate', vec.name));
      }
    }
  });
});

describe('tiers', () => {
  const { table } = resolveTierTable('binance-usdm', 'BTCUSDT', 'binance-usdm/BTCUSDT@2024-10-24');
  it('cum recomputed from floors', () => {
    const cums = recomputeCum(table!.tiers);
    table!.tiers.forEach((t, i) => {
      const vec = v('tiers', `BTCUSDT cum recomputed at floor ${t.floor.toFixed()}`);
      expect(cums[i]!.eq(vec.value)).toBe(true);
      expect(t.cum!.eq(vec.expected!)).toBe(true);
    });
  });
  it('MM continuous at boundaries', () => {
    const mm = buildLegMm({ kind: 'table', table: table! }, 'notional', D(0), D(0), D(0), false);
    for (const [x, lo, hi] of [[50000, 0, 1], [600000, 1, 2]] as const) {
      expect(mmOf(mm.pieces[lo]!, D(x)).eq(v('tiers', `MM at ${x} with lower tier`).value)).toBe(true);
      expect(mmOf(mm.pieces[hi]!, D(x)).eq(v('tiers', `MM at ${x} with upper tier`).value)).toBe(true);
    }
  });
  it('10 BTC @ 100k, WB 100k: bundled latest table, bracket 3', () => {
    const long = one('binance-usdm', { size: 10, entryPrice: 100000, markPrice: 100000, isolatedMargin: 100000 });
    exact(long.liquidationPrice, v('tiers', 'derived 10 BTC long @100k WB 100k: LP in tier floor 600000'));
    expect(long.tier!.index).toBe(3);
    expect(long.tier!.source).toBe('binance-usdm/BTCUSDT@2024-10-24');
    const short = one('binance-usdm', { side: 'short', size: 10, entryPrice: 100000, markPrice: 100000, isolatedMargin: 100000 });
    exact(short.liquidationPrice, v('tiers', 'derived 10 BTC short @100k WB 100k: LP in tier floor 600000'));
  });
  it('bracket at the LP, not at entry (6.5 BTC, WB 65,000)', () => {
    const m = one('binance-usdm', { size: '6.5', entryPrice: 100000, markPrice: 100000, isolatedMargin: 65000 });
    exact(m.liquidationPrice, v('tiers', '6.5 BTC long @100k WB 65000 using tier floor 50000 (consistent=True)'));
    expect(m.tier!.index).toBe(2);
    // bracket 3 alone gives a price whose notional is outside bracket 3: not self-consistent
    const wrong = one('binance-usdm', { size: '6.5', entryPrice: 100000, markPrice: 100000, isolatedMargin: 65000, mmr: '0.0065', cum: 950 });
    exact(wrong.liquidationPrice, v('tiers', '6.5 BTC long @100k WB 65000 using tier floor 600000 (consistent=False)'));
    expect(wrong.liquidationPrice!.mul('6.5').lt(600000)).toBe(true);
  });
});

describe('coinm', () => {
  it('MM of 100 BTCUSD contracts at 25,000 = 0.0016 BTC', () => {
    const m = one('binance-coinm', { symbol: 'BTCUSD_PERP', size: 100, entryPrice: 25000, markPrice: 25000, mmr: '0.004', isolatedMargin: 1 });
    exact(m.maintenanceMargin, v('coinm', 'MM 100 BTCUSD contracts @25000 mark (0.4 BTC * 0.4%)'));
    expect(m.notional!.eq('0.4')).toBe(true);
  });
  it('maintenance amount level 5', () => {
    exact(nextCum(D(50), D('0.05'), D('0.025'), D('0.56')), v('coinm', 'maintenance amount level 5 = 50*(5%-2.5%)+0.56'));
  });
  it('WB 1 BTC, long 1000 BTCUSD @ 50,000', () => {
    const m = one('binance-coinm', { symbol: 'BTCUSD_PERP', size: 1000, entryPrice: 50000, markPrice: 50000, mmr: '0.004', cum: 0 }, { wallet: 1 });
    exact(m.liquidationPrice, v('coinm', 'derived: WB 1 BTC, long 1000 BTCUSD (x100$) @50000, mmr .4% cum 0'));
    const P = m.liquidationPrice!;
    const residual = D(1).plus(D(100000).mul(D(1).div(50000).minus(D(1).div(P)))).minus(D(100000).div(P).mul('0.004'));
    expect(residual.abs().lte(D(v('coinm', 'self-check margin balance - MM at LP (should be 0)').value).plus('1e-45'))).toBe(true);
  });
});

describe('bybit', () => {
  it('USDT isolated (IM − MM on entry value)', () => {
    exact(one('bybit-linear', { size: 1, entryPrice: 20000, markPrice: 20000, mmr: '0.005', leverage: 50 }).liquidationPrice, v('bybit', 'USDT iso long 1 BTC @20000 50x MMR .5%: LP'));
    exact(one('bybit-linear', { side: 'short', size: 1, entryPrice: 20000, markPrice: 20000, mmr: '0.005', leverage: 50 }).liquidationPrice, v('bybit', 'USDT iso short 1 BTC @20000 50x MMR .5%: LP (derived)'));
    exact(one('bybit-linear', { size: 1, entryPrice: 10000, markPrice: 10000, mmr: '0.005', leverage: 50 }).liquidationPrice, v('bybit', 'old USDT iso long 1 BTC @10000 50x MMR .5%'));
    exact(one('bybit-linear', { side: 'short', size: 1, entryPrice: 8000, markPrice: 8000, mmr: '0.005', leverage: 40 }).liquidationPrice, v('bybit', 'old USDT iso short 1 BTC @8000 40x MMR .5%'));
  });
  it('inverse UTA isolated 60,000 USD @ 50,000 10x', () => {
    const base = { symbol: 'BTCUSD', size: 60000, contractSize: 1, entryPrice: 50000, markPrice: 50000, mmr: '0.005', leverage: 10 };
    exact(one('bybit-inverse', base).liquidationPrice, v('bybit', 'inverse UTA iso long 60000 USD @50000 10x mmr .5%: LP (derived)'));
    exact(one('bybit-inverse', { ...base, side: 'short' }).liquidationPrice, v('bybit', 'inverse UTA iso short 60000 USD @50000 10x mmr .5%: LP (derived)'));
  });
  it('old inverse cross: bankruptcy with fee reserved, LP with fee to close', () => {
    const p = { symbol: 'BTCUSD', size: 10000, contractSize: 1, entryPrice: 8000, markPrice: 8000, mmr: '0.005', takerFee: '0.00075' };
    const q = D(10000);
    const bpU = feeInclusiveBankruptcyU(D('0.5'), [{ q, alpha: q.div(8000), beta: q.neg(), pieces: [] }], [D('0.00075')]);
    exact(D(1).div(bpU!), v('bybit', 'old inverse cross bankruptcy 0.5 BTC, 10000 @8000'));
    // The vector plugs the displayed BP 5718.57 into the page's formula; the engine uses the exact BP 5718.571428…,
    // so the two agree to 2e-10 (the page's own 5,739.50 is off by 0.007 %: docs/venues.md §14.14).
    const lp = one('bybit-inverse', p, { wallet: '0.5' }).liquidationPrice!;
    const vec = v('bybit', 'old inverse cross LP (doc says 5739.50; formula gives)');
    expect(lp.minus(vec.value).abs().div(vec.value).lt('2e-10')).toBe(true);
    expect(fmt(lp)).toBe('5739.08352800231541841062296762');
  });
  it('XYZUSDT risk-limit tiers: MM at PV 3,500 = 92.5', () => {
    const m = one('bybit-linear', { symbol: 'XYZUSDT', size: 100, entryPrice: 35, markPrice: 35, isolatedMargin: 1000, tiers: 'bybit-linear/XYZUSDT' });
    exact(m.maintenanceMargin, v('bybit', 'XYZUSDT PV 3500: MM = PV*3.5% - mmDeduction(30)'));
    expect(m.tier!.index).toBe(4);
    const marginal = D(1000).mul('0.02').plus(D(1000).mul('0.025')).plus(D(1000).mul('0.03')).plus(D(500).mul('0.035'));
    expect(marginal.eq(v('bybit', 'XYZUSDT PV 3500: MM by marginal tiers (derived from doc table)').value)).toBe(true);
  });
});

describe('bitmex', () => {
  it('ETHUSDT cross: LP 510, bankruptcy 500', () => {
    const m = one('bitmex', { symbol: 'ETHUSDT', size: 20, entryPrice: 1000, markPrice: 1000, mmr: '0.01' }, { wallet: 10000 });
    exact(m.liquidationPrice, v('bitmex', 'ETHUSDT cross: wallet 10000, 20 ETH @1000, MM(entry) 200 -> LP'));
    exact(m.bankruptcyPrice, v('bitmex', 'ETHUSDT cross bankruptcy'));
  });
  it('XBTUSD staff formula: IM 1/lev + 2 taker, MM 0.5 % + taker, funding as a cash flow', () => {
    const margin = D(10000).div(10000).mul(D('0.01').plus('0.0015'));
    const base = { symbol: 'XBTUSD', size: 10000, contractSize: 1, entryPrice: 10000, markPrice: 10000, mmr: '0.005', takerFee: '0.00075', isolatedMargin: margin.toFixed() };
    exact(one('bitmex', { ...base, fundingRate: '0.0001' }).liquidationPrice, v('bitmex', 'XBTUSD staff formula lev=100 short=False ep=10000 funding=0.01%'));
    // the staff formula charges +0.01 % to the short as well: a short pays funding when the rate is negative (§4.3 decision)
    exact(one('bitmex', { ...base, side: 'short', fundingRate: '-0.0001' }).liquidationPrice, v('bitmex', 'XBTUSD staff formula lev=100 short=True ep=10000 funding=0.01%'));
  });
});

describe('dydx', () => {
  it('1000 USDC, long 1 ETH @ 3000, MMF 3 %', () => {
    // walletBalance = USDC balance + Σ S·EP = −2000 + 3000 (docs/format.md §2.2)
    const m = one('dydx-v4', { symbol: 'ETH-USD', size: 1, entryPrice: 3000, markPrice: 3000, mmr: '0.03' }, { wallet: 1000 });
    exact(m.liquidationPrice, v('dydx', 'derived: 1000 USDC, long 1 ETH @3000, MMF 3%: LP = -Q/(S(1-MMF))'));
  });
});

describe('coverage', () => {
  it('bundled tables are listed', () => {
    expect(listBundledTables().map((t) => t.name)).toContain('binance-usdm/BTCUSDT@2021-06-01');
    expect(solvePiecewise(D(1), []).roots).toEqual([]);
  });
  afterAll(() => {
    const missing = allVectors.filter((x) => !checked.has(`${x.group}/${x.name}`)).map((x) => `${x.group}/${x.name}`);
    expect(missing).toEqual([]);
    expect(checked.size).toBe(85);
  });
});
