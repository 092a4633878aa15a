// Issue 10 differential test: the linear fix path (focused group, float model, one exact confirmation) against the old
// search (test/unit/engine/oracle/old-fix.ts, a full-account re-evaluation per probe) over generated books: isolated,
// cross, hedge, inverse, tiered, thin and fat accounts. Prices, statuses and probabilities of the focused evaluation
// equal the full one's; margin and size fixes are within one step of the old search and reach the target.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseFile } from '../../../src/engine/parse';
import { resolveSettings } from '../../../src/engine/core/settings';
import { EvalContext } from '../../../src/engine/evaluate/file-context';
import { HistoryCache } from '../../../src/engine/evaluate/volatility-source';
import { evaluatePerpAccount } from '../../../src/engine/perp';
import { marketRisk } from '../../../src/engine/evaluate/perp-rows';
import { assess } from '../../../src/engine/evaluate/risk-view';
import { barriersOf, outcomeAfter, probeAfter } from '../../../src/engine/fix/reevaluate';
import { perpFix } from '../../../src/engine/fix/perp-fix';
import { marginStep, sizeStep, withCut, withMargin } from '../../../src/engine/fix/fix-probes';
import { focusOf } from '../../../src/engine/fix/focus-group';
import { outcomeOf, rowModel, withMarginSum } from '../../../src/engine/fix/row-model';
import { meetsTarget } from '../../../src/engine/evaluate/status';
import { Dec } from '../../../src/engine/core/decimal';
import type { PerpAccount } from '../../../src/engine/core/types';
import { perpFix as oldPerpFix } from './oracle/old-fix';

const NOW = Date.parse('2026-11-24T07:00:00Z');

type Venue = 'binance-usdm' | 'okx' | 'bybit-linear' | 'binance-coinm';
const MARKETS: Record<Venue, Array<[string, number, Record<string, unknown>]>> = {
  'binance-usdm': [
    ['BTCUSDT', 97250.4, { tiers: 'binance-usdm/BTCUSDT', stepSize: '0.001', volatility: 0.6, fundingRate: '0.0001' }],
    ['ETHUSDT', 3612.55, { mmr: '0.005', cum: '0', volatility: 0.75 }],
    ['SOLUSDT', 182.415, { mmr: '0.01', cum: '0' }],
  ],
  okx: [
    ['BTC-USD-SWAP', 97250.4, { mmr: '0.004', takerFee: '0.0005', contractSize: '100', volatility: 0.55 }],
    ['ETH-USD-SWAP', 3612.5, { mmr: '0.005', takerFee: '0.0005', contractSize: '10', volatility: 0.7 }],
  ],
  // takerFee on BTCUSDT: Bybit's fee to close couples the symbols (the exact search on the full account)
  'bybit-linear': [
    ['BTCUSDT', 97250.4, { mmr: '0.005', cum: '0', takerFee: '0.00055', volatility: 0.6 }],
    ['ETHUSDT', 3612.55, { mmr: '0.005', cum: '0', volatility: 0.75 }],
  ],
  'binance-coinm': [['BTCUSD_PERP', 47250.1, { mmr: '0.004', cum: '0', contractSize: '100', volatility: 0.55 }]],
};

const arbLeg = fc.record({
  market: fc.nat({ max: 2 }),
  long: fc.boolean(),
  isolated: fc.boolean(),
  notional: fc.double({ min: 200, max: 200000, noNaN: true }),
  entry: fc.double({ min: 0.85, max: 1.15, noNaN: true }),
  leverage: fc.double({ min: 2, max: 60, noNaN: true }),
});
const arbBook = fc.record({
  venue: fc.constantFrom<Venue>('binance-usdm', 'okx', 'bybit-linear', 'binance-coinm'),
  hedge: fc.boolean(),
  /** wallet as a fraction of the cross notional: thin (liquidatable or at risk) to fat */
  wallet: fc.constantFrom(0.005, 0.02, 0.05, 0.1, 0.3, 2),
  horizon: fc.constantFrom('8h', '24h', '7d'),
  tails: fc.constantFrom('gbm', 'student-t'),
  legs: fc.array(arbLeg, { minLength: 1, maxLength: 6 }),
});

type Book = typeof arbBook extends fc.Arbitrary<infer T> ? T : never;

function bookText(b: Book): string {
  const markets = MARKETS[b.venue];
  const inverse = b.venue === 'okx' || b.venue === 'binance-coinm';
  let cross = 0;
  const positions = b.legs.map((l, i) => {
    const [symbol, mark, spec] = markets[l.market % markets.length]!;
    const cs = Number((spec as { contractSize?: string }).contractSize ?? 1);
    const entry = mark * l.entry;
    // size in contracts (inverse: USD face / contract size) or base units
    const size = inverse ? Math.max(1, Math.round(l.notional / cs)) : Number((l.notional / mark).toFixed(3)) || 0.001;
    const settleNotional = inverse ? (size * cs) / entry : size * entry;
    if (!l.isolated) cross += settleNotional;
    return { id: `p${i}`, symbol, side: l.long ? 'long' : 'short', size: String(size), entryPrice: entry.toFixed(inverse ? 1 : 2),
      ...(l.isolated ? { marginMode: 'isolated', isolatedMargin: (settleNotional / l.leverage).toFixed(inverse ? 8 : 2) } : {}) };
  });
  const doc = {
    version: 1, venue: b.venue, account: 'gen', marginMode: 'cross', positionMode: b.hedge ? 'hedge' : 'one-way',
    settleCurrency: inverse ? 'BTC' : 'USDT', walletBalance: (cross * b.wallet).toFixed(inverse ? 8 : 2),
    asOf: '2026-11-24T06:59:00Z', risk: { horizon: b.horizon, tails: b.tails },
    markets: Object.fromEntries(markets.map(([s, m, spec]) => [s, { markPrice: String(m), ...spec }])), positions,
  };
  return JSON.stringify(doc);
}

const withinStep = (a: string | null, b: string | null, step: Dec): boolean =>
  (a === null) === (b === null) && (a === null || new Dec(a).minus(b!).abs().lte(step));

function check(text: string): number {
  const parsed = parseFile('gen.positions.json', text);
  const settings = resolveSettings(undefined, parsed.risk, undefined);
  const mk = (): EvalContext => new EvalContext('gen.positions.json', '/tmp/gen.positions.json', NOW, settings, new HistoryCache(undefined));
  const ctxNew = mk(), ctxOld = mk();
  let fixes = 0;
  expect(parsed.accounts.length, JSON.stringify(parsed.diagnostics.filter((d) => d.severity === 'error'))).toBe(1);
  for (const account of parsed.accounts) {
    if (account.kind !== 'perp') continue;
    const a = account as PerpAccount;
    const { metrics } = evaluatePerpAccount(a);
    a.positions.forEach((p, i) => {
      const m = metrics[i]!;
      const mark = p.market.markPrice;
      if (!mark) return;
      const { risk } = marketRisk(a, p, ctxNew);
      const outcome = assess(barriersOf(m, mark), m.liquidatable, m.unknownReason, m.note, risk, settings);
      // the focused account evaluates this position exactly as the full account does
      const f = focusOf(a, i);
      const full = outcomeAfter(a, i, risk, ctxNew);
      const focused = outcomeAfter(f.account, f.index, risk, ctxNew, f.crossOthers);
      expect(focused.metrics?.liquidationPrice?.toSignificantDigits(40).toFixed() ?? null).toBe(full.metrics?.liquidationPrice?.toSignificantDigits(40).toFixed() ?? null);
      expect(focused.metrics?.bankruptcyPrice?.toSignificantDigits(40).toFixed() ?? null).toBe(full.metrics?.bankruptcyPrice?.toSignificantDigits(40).toFixed() ?? null);
      expect(focused.outcome?.status).toBe(outcome.status);
      expect(focused.outcome?.probability).toBeCloseTo(outcome.probability ?? 0, 12);
      // the searches' probe (no reason text) reads the same status and probability
      const probe = probeAfter(f.account, f.index, risk, ctxNew, f.crossOthers);
      expect([probe.status, probe.probability]).toEqual([focused.outcome?.status ?? 'unknown', focused.outcome?.probability ?? null]);
      // the float model agrees with the exact liquidation price
      const model = rowModel(f);
      if (model && m.liquidationPrice && !m.liquidatable && m.unknownReason === null) {
        const o = outcomeOf(model, withMarginSum(model, 0), risk);
        expect(Math.abs((o.nearest ?? 0) / m.liquidationPrice.toNumber() - 1)).toBeLessThan(1e-9);
      }
      if (outcome.status === 'unknown') return;
      const now = perpFix(a, i, m, outcome.status, ctxNew, risk);
      const old = oldPerpFix(a, i, m, outcome.status, ctxOld, risk);
      expect(now === null).toBe(old === null);
      if (!now || !old) return;
      fixes++;
      const target = settings.targetStatus;
      expect(withinStep(now.addMargin, old.addMargin, marginStep(a, p, ctxNew)), `addMargin ${now.addMargin} vs ${old.addMargin}`).toBe(true);
      expect(withinStep(now.reduceSize, old.reduceSize, sizeStep(p)), `reduceSize ${now.reduceSize} vs ${old.reduceSize}`).toBe(true);
      expect(now.costOptimalMargin === null).toBe(old.costOptimalMargin === null);
      // each fix reaches the target on the full account, exactly
      const holds = (acc: PerpAccount): boolean => meetsTarget(outcomeAfter(acc, i, risk, ctxNew).outcome?.status ?? 'unknown', target);
      if (now.addMargin) expect(holds(withMargin(a, i, new Dec(now.addMargin)))).toBe(true);
      if (now.reduceSize) expect(holds(withCut(a, i, new Dec(now.reduceSize)))).toBe(true);
    });
  }
  return fixes;
}

describe('linear fix search ≡ old search (issue 10)', () => {
  it('generated books: same prices, statuses, probabilities; fixes within one step', () => {
    let fixes = 0;
    fc.assert(fc.property(arbBook, (b) => { fixes += check(bookText(b)); }), { numRuns: 120 });
    expect(fixes).toBeGreaterThan(50);
  });
});
