import { describe, expect, it } from 'vitest';
import { evaluateFile } from '../../../src/engine/evaluate/evaluate-file';
import { whatIf, NEUTRAL_SCENARIO } from '../../../src/engine/evaluate/what-if';

const NOW = Date.parse('2026-11-24T07:00:00Z');
const src = (name: string, body: string) => ({ path: name, absPath: `/tmp/${name}`, text: `version: 1\n${body}` });

const FILE = src('wi.positions.yaml', `venue: generic-linear\naccount: s\nwalletBalance: "30000"\nasOf: 2026-11-24T06:59:00Z\nmarkets:\n  BTCUSDT: { markPrice: "100000", mmr: "0.005", volatility: 0.5 }\n  SOLUSDT: { markPrice: "200", mmr: "0.01", volatility: 1.0 }\npositions:\n  - { id: btc, symbol: BTCUSDT, side: long, size: "1", entryPrice: "100000", marginMode: isolated, isolatedMargin: "10000" }\n  - { id: sol, symbol: SOLUSDT, side: short, size: "500", entryPrice: "200", marginMode: cross }\n`);

const LOAN = src('loan.positions.yaml', `venue: aave-v3\naccount: "0xabc"\nasOf: 2026-11-24T06:59:00Z\nmarkets:\n  WETH: { price: "3000", liquidationThreshold: "0.83", volatility: 0.7 }\n  USDC: { price: "1", liquidationThreshold: "0.78", stable: true }\nloans:\n  - id: l1\n    collateral: [{ asset: WETH, amount: "10" }]\n    debt: [{ asset: USDC, amount: "20000" }]\n`);

function run(file: typeof FILE, id: string, scenario = NEUTRAL_SCENARIO) {
  const ev = evaluateFile(file, { now: NOW });
  const base = ev.rows.find((r) => r.id === id)!;
  const out = whatIf(file, ev.parsed!, id, scenario, { now: ev.now });
  if (!out.ok) throw new Error(out.reason);
  return { base, row: out.row, note: out.note };
}

describe('what-if (issue 14)', () => {
  it('the neutral scenario returns exactly the file\'s row (isolated, cross, loan)', () => {
    for (const [f, id] of [[FILE, 'btc'], [FILE, 'sol'], [LOAN, 'l1']] as const) {
      const { base, row } = run(f, id);
      expect(base.status).not.toBe('unknown');
      expect(row).toEqual(base);
    }
  });

  it('a long with a −10 % shock is closer to liquidation; its liquidation price does not move (isolated)', () => {
    const { base, row } = run(FILE, 'btc', { shock: -0.1, volMultiplier: 1, addMargin: '0' });
    expect(row.markPrice).toBe('90000');
    expect(Number(row.distance)).toBeLessThan(Number(base.distance));
    expect(row.liquidationProbability!).toBeGreaterThan(base.liquidationProbability!);
    expect(row.liquidationPrice).toBe(base.liquidationPrice);
  });

  it('adding margin moves the liquidation price away from the mark (isolated and cross)', () => {
    const iso = run(FILE, 'btc', { shock: 0, volMultiplier: 1, addMargin: '5000' });
    expect(Number(iso.row.liquidationPrice)).toBeLessThan(Number(iso.base.liquidationPrice));
    expect(Number(iso.row.distance)).toBeGreaterThan(Number(iso.base.distance));
    const cross = run(FILE, 'sol', { shock: 0, volMultiplier: 1, addMargin: '5000' });
    expect(Number(cross.row.liquidationPrice)).toBeGreaterThan(Number(cross.base.liquidationPrice)); // a short's rises
  });

  it('the volatility multiplier scales σ and raises P, keeping the source label', () => {
    const { base, row } = run(FILE, 'btc', { shock: 0, volMultiplier: 2, addMargin: '0' });
    expect(row.volatility).toBeCloseTo(base.volatility! * 2, 12);
    expect(row.volatilitySource).toBe(base.volatilitySource);
    expect(row.liquidationProbability!).toBeGreaterThan(base.liquidationProbability!);
    expect(row.liquidationPrice).toBe(base.liquidationPrice);
  });

  it('a loan: the shock moves its volatile asset; adding margin is refused', () => {
    const { base, row } = run(LOAN, 'l1', { shock: -0.1, volMultiplier: 1, addMargin: '0' });
    expect(row.markPrice).toBe('2700');
    expect(Number(row.healthFactor)).toBeLessThan(Number(base.healthFactor));
    const ev = evaluateFile(LOAN, { now: NOW });
    expect(whatIf(LOAN, ev.parsed!, 'l1', { shock: 0, volMultiplier: 1, addMargin: '100' })).toEqual({ ok: false, reason: 'adding margin is not for loans' });
  });

  it('refuses bad scenarios and unknown rows, and never changes the parse', () => {
    const ev = evaluateFile(FILE, { now: NOW });
    const before = JSON.stringify(ev.parsed);
    expect(whatIf(FILE, ev.parsed!, 'btc', { shock: -1, volMultiplier: 1, addMargin: '0' }).ok).toBe(false);
    expect(whatIf(FILE, ev.parsed!, 'btc', { shock: 0, volMultiplier: 0, addMargin: '0' }).ok).toBe(false);
    expect(whatIf(FILE, ev.parsed!, 'btc', { shock: 0, volMultiplier: 1, addMargin: '-5' }).ok).toBe(false);
    expect(whatIf(FILE, ev.parsed!, 'nope', NEUTRAL_SCENARIO).ok).toBe(false);
    whatIf(FILE, ev.parsed!, 'btc', { shock: -0.2, volMultiplier: 3, addMargin: '123.45' });
    expect(JSON.stringify(ev.parsed)).toBe(before);
  });
});
