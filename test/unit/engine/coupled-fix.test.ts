// Fixes of a Bybit cross account with a taker fee (the fee to close couples every symbol to the margin added, so its
// probes re-evaluate the whole account and there is no float model): the margin and cut found by the secant on exact
// probes are the smallest passing steps (the step below fails), and a book of many symbols spends the fix budget it
// is charged for — a probe costs the whole account — instead of running for hours.
import { describe, expect, it } from 'vitest';
import { evaluateFile } from '../../../src/engine/evaluate/evaluate-file';
import { FIX_WORK_BUDGET, workBudget } from '../../../src/engine/evaluate/file-context';
import { parseFile } from '../../../src/engine/parse';
import { resolveSettings } from '../../../src/engine/core/settings';
import { EvalContext } from '../../../src/engine/evaluate/file-context';
import { HistoryCache } from '../../../src/engine/evaluate/volatility-source';
import { marketRisk } from '../../../src/engine/evaluate/perp-rows';
import { outcomeAfter } from '../../../src/engine/fix/reevaluate';
import { marginStep, sizeStep, withCut, withMargin } from '../../../src/engine/fix/fix-probes';
import { meetsTarget } from '../../../src/engine/evaluate/status';
import { Dec } from '../../../src/engine/core/decimal';
import type { PerpAccount } from '../../../src/engine/core/types';
import type { PerpFix } from '../../../src/engine/evaluate/report';

const NOW = Date.parse('2026-11-24T07:00:00Z');

/** `n` cross legs on `n` symbols (marks 20…~2,000), every market with a taker fee, the wallet a little above MM. */
function book(n: number): string {
  const markets: Record<string, object> = {};
  const positions = [];
  let mm = 0;
  let pnl = 0;
  for (let i = 0; i < n; i++) {
    const symbol = `S${i}USDT`;
    const mark = 20 + ((i * 7919) % 1987);
    const entry = Number((mark * (0.96 + ((i * 37) % 80) / 1000)).toFixed(2));
    const size = Number(((1000 + ((i * 53) % 4000)) / mark).toFixed(3));
    const side = i % 3 ? 'long' : 'short';
    markets[symbol] = { markPrice: String(mark), mmr: '0.005', cum: '0', takerFee: '0.00055', stepSize: '0.001', volatility: 0.6 };
    positions.push({ id: `p${i}`, symbol, side, size: String(size), entryPrice: String(entry) });
    mm += size * mark * 0.005;
    pnl += (side === 'long' ? 1 : -1) * size * (mark - entry);
  }
  return JSON.stringify({ version: 1, venue: 'bybit-linear', account: 'uta', marginMode: 'cross', settleCurrency: 'USDT',
    walletBalance: (mm * (1 + 8 / n) - pnl).toFixed(2), asOf: '2026-11-24T06:59:00Z', risk: { horizon: '24h' }, markets, positions });
}

describe('coupled cross accounts (Bybit fee to close)', () => {
  it('margin and cut are the smallest passing steps', () => {
    const text = book(12);
    const e = evaluateFile({ path: 'uta.positions.json', absPath: '/w/uta.positions.json', text }, { now: NOW });
    const parsed = parseFile('uta.positions.json', text);
    const account = parsed.accounts[0] as PerpAccount;
    const settings = resolveSettings(undefined, parsed.risk, undefined);
    const ctx = new EvalContext('uta.positions.json', '/w/uta.positions.json', NOW, settings, new HistoryCache(undefined));
    let checked = 0;
    e.rows.forEach((r, i) => {
      const fix = r.fix as PerpFix | null;
      if (!fix || fix.reason?.startsWith('not computed')) return;
      const p = account.positions[i]!;
      const { risk } = marketRisk(account, p, ctx);
      const holds = (acc: PerpAccount): boolean => meetsTarget(outcomeAfter(acc, i, risk, ctx).outcome?.status ?? 'unknown', settings.targetStatus);
      if (fix.addMargin) {
        const x = new Dec(fix.addMargin);
        expect(holds(withMargin(account, i, x))).toBe(true);
        expect(holds(withMargin(account, i, x.minus(marginStep(account, p, ctx)))), `addMargin ${r.id} ${x}`).toBe(false);
        checked++;
      }
      if (fix.reduceSize) {
        const x = new Dec(fix.reduceSize);
        expect(holds(withCut(account, i, x))).toBe(true);
        if (x.gt(sizeStep(p))) expect(holds(withCut(account, i, x.minus(sizeStep(p)))), `reduceSize ${r.id} ${x}`).toBe(false);
        checked++;
      }
    });
    expect(checked).toBeGreaterThan(4);
  });

  it('a probe costs the whole account: 400 symbols spend the budget and finish', () => {
    const text = book(400);
    const e = evaluateFile({ path: 'uta.positions.json', absPath: '/w/uta.positions.json', text }, { now: NOW });
    expect(e.rows).toHaveLength(400);
    expect(e.rows.some((r) => r.fix?.reason?.includes('more positions than the fix search covers'))).toBe(true);
    expect(e.steps!.evaluate).toBeLessThanOrEqual(2 * 400 + FIX_WORK_BUDGET);
    expect(e.steps!.read + e.steps!.evaluate).toBeLessThanOrEqual(workBudget({ characters: text.length, rows: 400, yaml: false }));
  }, 120_000);
});
