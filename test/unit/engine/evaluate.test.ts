import { describe, expect, it } from 'vitest';
import { evaluate, evaluateFile } from '../../../src/engine/evaluate/evaluate-file';
import { Dec } from '../../../src/engine/core/decimal';
import { decideStatus } from '../../../src/engine/evaluate/status';
import { DEFAULT_SETTINGS } from '../../../src/engine/core/settings';
import { withMargin } from '../../../src/engine/fix/perp-fix';
import type { PerpFix } from '../../../src/engine/evaluate/report';
import { manyTiersYaml } from '../helpers/tier-table';

const NOW = Date.parse('2026-11-24T07:00:00Z');

function yaml(body: string) {
  return { path: 't.positions.yaml', absPath: '/tmp/t.positions.yaml', text: `version: 1\n${body}` };
}

const ISO = (extra = '', market = 'markPrice: "97250.4", mmr: "0.005", cum: "0", volatility: 0.6') => yaml(
  `venue: generic-linear\naccount: t\nasOf: 2026-11-24T06:59:00Z\nmarkets:\n  BTCUSDT: { ${market} }\npositions:\n  - { id: p, symbol: BTCUSDT, side: long, size: "2", entryPrice: "100000", marginMode: isolated, isolatedMargin: "20000" ${extra} }\n`);

describe('status rules (docs/results.md §4)', () => {
  const base = { unknownReason: null, liquidatable: false, note: null, horizonLabel: '24h', probabilityBands: DEFAULT_SETTINGS.probability, distanceBands: DEFAULT_SETTINGS.distance };
  it('uses the probability bands when volatility is known, inclusive at the threshold', () => {
    expect(decideStatus({ ...base, probability: 0.1, distance: 0.5 }).status).toBe('critical');
    expect(decideStatus({ ...base, probability: 0.02, distance: 0.5 }).status).toBe('warning');
    expect(decideStatus({ ...base, probability: 0.005, distance: 0.5 }).status).toBe('watch');
    expect(decideStatus({ ...base, probability: 0.0049999, distance: 0.001 }).status).toBe('safe');
  });
  it('falls back to the distance bands, inclusive at the threshold', () => {
    expect(decideStatus({ ...base, probability: null, distance: 0.02 }).status).toBe('critical');
    expect(decideStatus({ ...base, probability: null, distance: 0.05 }).status).toBe('warning');
    expect(decideStatus({ ...base, probability: null, distance: 0.1 }).status).toBe('watch');
    expect(decideStatus({ ...base, probability: null, distance: 0.1000001 }).status).toBe('safe');
  });
  it('puts unknown and liquidatable first', () => {
    expect(decideStatus({ ...base, unknownReason: 'no mark price', probability: 1, distance: 0 }).status).toBe('unknown');
    expect(decideStatus({ ...base, liquidatable: true, probability: 0, distance: 1 }).status).toBe('liquidatable');
  });
});

describe('staleness (docs/results.md §3)', () => {
  it('adds the age of a stale mark to the horizon and flags it', () => {
    const fresh = evaluateFile(ISO(), { now: NOW }).rows[0]!;
    const stale = evaluateFile(ISO(), { now: NOW + 6 * 3600e3 }).rows[0]!;
    expect(fresh.stale).toBe(false);
    expect(fresh.markAge).toBe(60);
    expect(stale.stale).toBe(true);
    expect(stale.liquidationProbability!).toBeGreaterThan(fresh.liquidationProbability!);
  });
  it('takes a future mark as age 0 with a warning, and a 40-day-old one by distance', () => {
    const future = evaluateFile(ISO(), { now: NOW - 3600e3 });
    expect(future.rows[0]!.markAge).toBe(0);
    expect(future.file.diagnostics.map((d) => d.code)).toContain('mark-in-future');
    const old = evaluateFile(ISO(), { now: NOW + 40 * 86400e3 }).rows[0]!;
    expect(old.liquidationProbability).toBeNull();
    expect(old.reason).toMatch(/mark 40 days old/);
  });
});

describe('fixes (docs/results.md §5)', () => {
  it('the margin fix reaches the target and one step less does not', () => {
    const ev = evaluateFile(ISO(), { now: NOW });
    const row = ev.rows[0]!;
    expect(row.status).not.toBe('safe');
    const fix = row.fix as PerpFix;
    expect(fix.target).toBe('safe');
    const account = ev.parsed!.accounts[0]!;
    if (account.kind !== 'perp') throw new Error('perp expected');
    const text = (extraMargin: Dec) => ISO().text.replace('isolatedMargin: "20000"', `isolatedMargin: "${new Dec(20000).plus(extraMargin).toFixed()}"`);
    const at = (m: Dec) => evaluateFile({ ...ISO(), text: text(m) }, { now: NOW }).rows[0]!.status;
    expect(at(new Dec(fix.addMargin!))).toBe('safe');
    expect(at(new Dec(fix.addMargin!).minus('0.01'))).not.toBe('safe');
    expect(withMargin(account, 0, new Dec(1)).positions[0]!.isolatedMargin!.toFixed()).toBe('20001');
    expect(Number(fix.costOptimalMargin)).toBeGreaterThanOrEqual(0);
  });
  it('gives no fix when the row already meets the target', () => {
    const row = evaluateFile(ISO('', 'markPrice: "97250.4", mmr: "0.005", volatility: 0.6'), { now: NOW, overrides: { targetStatus: 'critical' } }).rows[0]!;
    expect(row.fix).toBeNull();
  });
});

describe('diagnostics the evaluator adds', () => {
  it('flags a reported liquidation price that deviates beyond the tolerance, and accepts one within it', () => {
    const far = evaluateFile(ISO(', reportedLiquidationPrice: "91000"'), { now: NOW });
    expect(far.file.diagnostics.find((d) => d.code === 'reported-deviation')?.message).toMatch(/fees to close|funding|stale mark/);
    const lp = far.rows[0]!.liquidationPrice!;
    const near = evaluateFile(ISO(`, reportedLiquidationPrice: "${new Dec(lp).toDecimalPlaces(2).toFixed()}"`), { now: NOW });
    expect(near.file.diagnostics.map((d) => d.code)).not.toContain('reported-deviation');
    expect(Math.abs(Number(near.rows[0]!.reportedDeviation))).toBeLessThan(1e-6);
  });
  it('names the shortcut that reproduces a reported price: other cross positions ignored, cum ignored', () => {
    const faq = (eth: string, cum = '135365') => yaml(`venue: binance-usdm\nwalletBalance: "1535443.01"\nasOf: 2026-11-24T06:59:30Z\nmarkets:\n  BTCUSDT: { markPrice: "31967.27", mmr: "0.025", cum: "16300" }\n  ETHUSDT: { markPrice: "1335.18", mmr: "0.1", cum: "${cum}" }\npositions:\n  - { id: eth, symbol: ETHUSDT, side: long, size: "3683.979", entryPrice: "1456.84", reportedLiquidationPrice: "${eth}" }\n  - { id: btc, symbol: BTCUSDT, side: long, size: "109.488", entryPrice: "32481.98" }\n`);
    const alone = evaluateFile(faq('1114.78'), { now: NOW }).file.diagnostics.find((d) => d.code === 'reported-deviation');
    expect(alone?.message).toMatch(/ignores the other cross positions/);
    // without cum: (WB − TMM + UPNL − q·EP)/(q·mmr − q) with cum = 0
    const noCum = new Dec('1535443.01').minus('71200.811444').plus('-56354.56848').minus(new Dec('3683.979').mul('1456.84')).div(new Dec('3683.979').mul('0.1').minus('3683.979'));
    const cum = evaluateFile(faq(noCum.toDecimalPlaces(2).toFixed()), { now: NOW }).file.diagnostics.find((d) => d.code === 'reported-deviation');
    expect(cum?.message).toMatch(/maintenance amount \(cum\)/);
  });

  it('falls back from vg to student-t with a warning when there is no history', () => {
    const r = evaluateFile(ISO(), { now: NOW, overrides: { tails: 'vg' } });
    expect(r.file.diagnostics.map((d) => d.code)).toContain('tails-fallback');
    const t = evaluateFile(ISO(), { now: NOW, overrides: { tails: 'student-t' } }).rows[0]!;
    expect(r.rows[0]!.liquidationProbability).toBe(t.liquidationProbability);
  });
});

describe('VaR of an isolated position', () => {
  it('is capped at the margin balance, and 0 when nothing is left to lose', () => {
    const through = evaluateFile(ISO('', 'markPrice: "89000", mmr: "0.005", volatility: 0.6'), { now: NOW }).rows[0]!;
    expect(through.status).toBe('liquidatable');
    expect(through.details['var']).toBe('0');
    const live = evaluateFile(ISO(), { now: NOW }).rows[0]!;
    expect(Number(live.details['var'])).toBeGreaterThan(0);
    expect(Number(live.details['var'])).toBeLessThanOrEqual(Number(live.marginBalance));
    expect(Number(live.details['es'])).toBeGreaterThanOrEqual(Number(live.details['var']));
  });
});

describe('account VaR with Euler contributions', () => {
  it('contributions add up to the account VaR and ES ≥ VaR', () => {
    const two = yaml(`venue: generic-linear\naccount: t\nmarginMode: cross\nwalletBalance: "50000"\nasOf: 2026-11-24T06:59:00Z\nmarkets:\n  BTCUSDT: { markPrice: "97250.4", mmr: "0.005", volatility: 0.6 }\n  ETHUSDT: { markPrice: "3612.55", mmr: "0.005", volatility: 0.8 }\npositions:\n  - { symbol: BTCUSDT, side: long, size: "1", entryPrice: "96000" }\n  - { symbol: ETHUSDT, side: short, size: "10", entryPrice: "3500" }\n`);
    const rows = evaluate([two], { now: NOW }).positions;
    const total = Number(rows[0]!.details['accountVar']);
    const sum = rows.reduce((s, r) => s + Number(r.details['varContribution']), 0);
    expect(sum).toBeCloseTo(total, 6);
    expect(Number(rows[0]!.details['accountEs'])).toBeGreaterThanOrEqual(total);
  });
});

describe('hostile sizes', () => {
  it('a file with hundreds of cross legs on one symbol and a long tier table finishes, and says which fixes it did not search', () => {
    const legs = Array.from({ length: 600 }, (_, i) => `  - { id: l${i}, symbol: BTCUSDT, side: long, size: "0.01", entryPrice: "96000" }`).join('\n');
    const src = yaml(`venue: binance-usdm\nwalletBalance: "20"\nasOf: 2026-11-24T06:59:00Z\nmarkets:\n  BTCUSDT: { markPrice: "97000", tiers: ${manyTiersYaml(200, 1000)}, volatility: 0.6 }\npositions:\n${legs}\n`);
    const t0 = Date.now();
    const rows = evaluateFile(src, { now: NOW }).rows;
    expect(rows).toHaveLength(600);
    expect(Date.now() - t0).toBeLessThan(30_000);
    const reasons = rows.map((r) => (r.fix as PerpFix | null)?.reason ?? '');
    expect(reasons.some((r) => r.startsWith('not computed'))).toBe(true);
    expect(rows.every((r) => r.liquidationPrice === rows[0]!.liquidationPrice)).toBe(true);
  });
});
