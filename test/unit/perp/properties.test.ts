// fast-check properties for every venue (docs/venues.md §1): MB = MM at the computed price, margin moves LP away,
// bankruptcy lies beyond liquidation.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec } from '../../../src/engine/core/decimal';
import { evaluatePerpAccount } from '../../../src/engine/perp';
import type { PerpMetrics, PerpVenueId } from '../../../src/engine/core/types';
import { account, D, type PositionInput } from './build';

interface Case {
  venue: PerpVenueId;
  inverse: boolean;
  extra: Partial<PositionInput>;
}
const CASES: Case[] = [
  { venue: 'binance-usdm', inverse: false, extra: { symbol: 'BTCUSDT' } }, // bundled 2024 tiers
  { venue: 'binance-coinm', inverse: true, extra: { symbol: 'BTCUSD_PERP', mmr: '0.004' } },
  { venue: 'bybit-linear', inverse: false, extra: { mmr: '0.005', cum: '0', takerFee: '0.00055' } },
  { venue: 'bybit-inverse', inverse: true, extra: { symbol: 'BTCUSD', contractSize: 1, mmr: '0.005', takerFee: '0.00055' } },
  { venue: 'okx', inverse: false, extra: { symbol: 'BTC-USDT-SWAP', mmr: '0.004', takerFee: '0.0005' } },
  { venue: 'gate', inverse: false, extra: { symbol: 'BTC_USDT', mmr: '0.005', takerFee: '0.00075' } },
  { venue: 'bitmex', inverse: true, extra: { symbol: 'XBTUSD', contractSize: 1, mmr: '0.0035', takerFee: '0.00075' } },
  { venue: 'deribit', inverse: true, extra: { symbol: 'BTC-PERPETUAL', contractSize: 10 } },
  { venue: 'hyperliquid', inverse: false, extra: { symbol: 'BTC' } }, // bundled margin tiers
  { venue: 'dydx-v4', inverse: false, extra: { symbol: 'ETH-USD', mmr: '0.03' } },
  { venue: 'generic-linear', inverse: false, extra: { mmr: '0.01' } },
  { venue: 'generic-inverse', inverse: true, extra: { symbol: 'BTCUSD', contractSize: 100, mmr: '0.01' } },
];

const arbCase = fc.record({
  side: fc.constantFrom<'long' | 'short'>('long', 'short'),
  entry: fc.integer({ min: 1000, max: 200000 }),
  size: fc.integer({ min: 1, max: 5000 }),
  leverage: fc.integer({ min: 2, max: 40 }),
  move: fc.integer({ min: -300, max: 300 }), // mark = entry·(1 + move/10000)
  cross: fc.boolean(),
});

type Gen = { side: 'long' | 'short'; entry: number; size: number; leverage: number; move: number; cross: boolean };

function build(c: Case, g: Gen, markPrice: Dec, marginBoost = D(1)) {
  const entry = D(g.entry).div(10);
  // linear: size in base (÷100); inverse: contracts
  const size = c.inverse ? D(g.size).mul(10) : D(g.size).div(100);
  const face = size.mul(c.extra.contractSize ?? (c.venue === 'binance-coinm' ? 100 : 1));
  const margin = (c.inverse ? face.div(entry) : face.mul(entry)).div(g.leverage).mul(marginBoost);
  const p: PositionInput = { ...c.extra, side: g.side, size: size.toFixed(), entryPrice: entry.toFixed(), markPrice: markPrice.toFixed() };
  const cross = g.cross || c.venue === 'deribit' || c.venue === 'dydx-v4';
  return cross
    ? account(c.venue, [{ ...p, marginMode: 'cross' }], { wallet: margin.toFixed() })
    : account(c.venue, [{ ...p, isolatedMargin: margin.toFixed() }]);
}

const evalAt = (c: Case, g: Gen, mark: Dec, boost?: Dec): PerpMetrics => evaluatePerpAccount(build(c, g, mark, boost)).metrics[0]!;

describe.each(CASES)('$venue', (c) => {
  it('MB = MM at the computed price (|MB − MM| ≤ 1e-30 × notional), bankruptcy beyond it, margin moves it away', () => {
    fc.assert(
      fc.property(arbCase, (g) => {
        const mark = D(g.entry).div(10).mul(D(1).plus(D(g.move).div(10000)));
        const m = evalAt(c, g, mark);
        expect(m.unknownReason).toBeNull();
        fc.pre(!m.liquidatable && m.liquidationPrice !== null);
        const lp = m.liquidationPrice!;
        expect(g.side === 'long' ? lp.lt(mark) : lp.gt(mark)).toBe(true);
        const at = evalAt(c, g, lp);
        const notional = at.notional!;
        expect(at.marginBalance!.minus(at.maintenanceMargin!).abs().lte(notional.mul('1e-30'))).toBe(true);
        if (m.bankruptcyPrice !== null) expect(g.side === 'long' ? m.bankruptcyPrice.lt(lp) : m.bankruptcyPrice.gt(lp)).toBe(true);
        const more = evalAt(c, g, mark, D('1.5')).liquidationPrice;
        if (more !== null) expect(g.side === 'long' ? more.lt(lp) : more.gt(lp)).toBe(true);
      }),
      { numRuns: 60, seed: 20261124 },
    );
  });
});

describe('cross account with another symbol held (binance-usdm)', () => {
  it('account MB = MM when only this mark moves to its LP; hedged legs share it', () => {
    const arb = fc.record({
      btc: fc.integer({ min: 1, max: 3000 }),
      eth: fc.integer({ min: 1, max: 3000 }),
      ethSide: fc.constantFrom<'long' | 'short'>('long', 'short'),
      hedge: fc.integer({ min: 0, max: 2000 }),
      wallet: fc.integer({ min: 1000, max: 2000000 }),
    });
    fc.assert(
      fc.property(arb, (g) => {
        const positions = (btcMark: string): PositionInput[] => [
          { id: 'b', symbol: 'BTCUSDT', side: 'long', size: D(g.btc).div(100).toFixed(), entryPrice: 60000, markPrice: btcMark },
          { id: 'bs', symbol: 'BTCUSDT', side: 'short', size: D(g.hedge).div(100).toFixed(), entryPrice: 61000, markPrice: btcMark },
          { id: 'e', symbol: 'ETHUSDT', side: g.ethSide, size: D(g.eth).div(10).toFixed(), entryPrice: 3000, markPrice: 2950, tiers: 'binance-usdm/ETHUSDT@2021-06-01' },
        ];
        const ms = evaluatePerpAccount(account('binance-usdm', positions('59000'), { wallet: g.wallet, positionMode: 'hedge' })).metrics;
        fc.pre(g.hedge > 0 && !ms[0]!.liquidatable && ms[0]!.liquidationPrice !== null);
        expect(ms[1]!.liquidationPrice!.eq(ms[0]!.liquidationPrice!)).toBe(true);
        for (const lp of [ms[0]!.liquidationPrices?.down, ms[0]!.liquidationPrices?.up, ms[0]!.liquidationPrice]) {
          if (!lp) continue;
          const at = evaluatePerpAccount(account('binance-usdm', positions(lp.toFixed()), { wallet: g.wallet, positionMode: 'hedge' })).metrics[0]!;
          const gross = D(g.btc + g.hedge).div(100).mul(lp);
          expect(at.marginBalance!.minus(at.maintenanceMargin!).abs().lte(gross.mul('1e-30'))).toBe(true);
        }
      }),
      { numRuns: 100, seed: 7 },
    );
  });
});
