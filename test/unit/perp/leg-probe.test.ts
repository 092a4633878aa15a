// evaluatePerpLeg (a fix's exact probe of one cross leg of a focused account, built from the legs of the account the
// probe came from) gives evaluatePerpAccount's metrics for that leg exactly: the focused account itself, margin added,
// one leg cut (the first, a middle one, to zero), BitMEX funding on every leg, in any order of probes.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseFile } from '../../../src/engine/parse';
import { evaluatePerpAccount } from '../../../src/engine/perp';
import { evaluatePerpLeg } from '../../../src/engine/perp/leg-probe';
import { focusOf } from '../../../src/engine/fix/focus-group';
import { withCut, withMargin } from '../../../src/engine/fix/fix-probes';
import { Dec } from '../../../src/engine/core/decimal';
import type { PerpAccount, PerpMetrics } from '../../../src/engine/core/types';

type Venue = 'binance-usdm' | 'bitmex' | 'okx';
const MARKETS: Record<Venue, Record<string, Record<string, unknown>>> = {
  'binance-usdm': {
    BTCUSDT: { markPrice: '97250.4', tiers: 'binance-usdm/BTCUSDT' },
    ETHUSDT: { markPrice: '3612.55', mmr: '0.005', cum: '0' },
  },
  bitmex: { ETHUSDT: { markPrice: '980.25', mmr: '0.01', cum: '0', fundingRate: '0.0001' } },
  okx: { 'BTC-USD-SWAP': { markPrice: '97250.4', mmr: '0.004', contractSize: '100' } },
};

const arbBook = fc.record({
  venue: fc.constantFrom<Venue>('binance-usdm', 'bitmex', 'okx'),
  wallet: fc.constantFrom<number>(0.01, 0.05, 0.3),
  legs: fc.array(fc.record({ long: fc.boolean(), size: fc.integer({ min: 1, max: 4000 }), entry: fc.double({ min: 0.9, max: 1.1, noNaN: true }) }), { minLength: 1, maxLength: 40 }),
  probes: fc.array(fc.record({ leg: fc.nat(), kind: fc.constantFrom('margin', 'cut', 'close'), amount: fc.double({ min: 0.01, max: 0.9, noNaN: true }) }), { minLength: 1, maxLength: 12 }),
});

type Book = typeof arbBook extends fc.Arbitrary<infer T> ? T : never;

function accountOf(b: Book): PerpAccount {
  const markets = MARKETS[b.venue];
  const symbols = Object.keys(markets);
  const inverse = b.venue === 'okx';
  let notional = 0;
  const positions = b.legs.map((l, i) => {
    const symbol = symbols[i % symbols.length]!;
    const mark = Number(markets[symbol]!.markPrice);
    const size = inverse ? l.size : l.size / 1000;
    notional += inverse ? (size * 100) / mark : size * mark;
    return { id: `p${i}`, symbol, side: l.long ? 'long' : 'short', size: String(size), entryPrice: (mark * l.entry).toFixed(2) };
  });
  const doc = {
    version: 1, venue: b.venue, account: 'gen', marginMode: 'cross', settleCurrency: inverse ? 'BTC' : 'USDT',
    walletBalance: (notional * b.wallet).toFixed(inverse ? 8 : 2), asOf: '2026-11-24T06:59:00Z', markets, positions,
  };
  const parsed = parseFile('gen.positions.json', JSON.stringify(doc));
  return parsed.accounts[0] as PerpAccount;
}

/** Every field of a leg's metrics as text (Decimals compared by value and digits). */
const text = (m: PerpMetrics | null | undefined): string => JSON.stringify(m ?? null, (_k, v: unknown) => (v instanceof Dec ? `D${v.toFixed()}` : v));

describe('evaluatePerpLeg ≡ evaluatePerpAccount(…, { only }) for a focused cross leg', () => {
  it('the focused account, margin added and one leg cut, in any order', () => {
    let compared = 0;
    fc.assert(fc.property(arbBook, (b) => {
      const account = accountOf(b);
      for (const pr of b.probes) {
        const f = focusOf(account, pr.leg % account.positions.length);
        const p = f.account.positions[f.index]!;
        const probed =
          pr.kind === 'margin' ? withMargin(f.account, f.index, new Dec(String(account.walletBalance!.mul(pr.amount).toFixed(2))))
          : pr.kind === 'close' ? withCut(f.account, f.index, p.size)
          : withCut(f.account, f.index, p.size.mul(pr.amount).toDecimalPlaces(p.size.decimalPlaces(), Dec.ROUND_UP));
        for (const acc of [f.account, probed]) {
          for (const nearMark of [true, false]) {
            const opts = { nearMark, ...(f.crossOthers ? { crossOthers: f.crossOthers } : {}) };
            const slow = evaluatePerpAccount(acc, { only: f.index, ...opts }).metrics[f.index];
            expect(text(evaluatePerpLeg(acc, f.index, opts))).toBe(text(slow));
            compared++;
          }
        }
      }
    }), { numRuns: 150 });
    expect(compared).toBeGreaterThan(500);
  });

  it('a cut of the first leg of a long symbol (the frame differs in its first position)', () => {
    const legs = Array.from({ length: 30 }, (_, i) => ({ long: i % 3 !== 0, size: 100 + 37 * i, entry: 0.95 + (i % 7) / 50 }));
    const account = accountOf({ venue: 'binance-usdm', wallet: 0.02, legs, probes: [] });
    const f = focusOf(account, 0);
    expect(f.crossOthers).toBeDefined();
    for (const cut of ['0.001', '0.05', '0.099']) {
      const probed = withCut(f.account, 0, new Dec(cut));
      const opts = { nearMark: true, crossOthers: f.crossOthers! };
      expect(text(evaluatePerpLeg(probed, 0, opts))).toBe(text(evaluatePerpAccount(probed, { only: 0, ...opts }).metrics[0]));
    }
  });
});
