import { describe, expect, it } from 'vitest';
import { evaluateFile, evaluate } from '../../../src/engine/evaluate/evaluate-file';
import { stressTest } from '../../../src/engine/stress/stress-test';

const NOW = Date.parse('2026-11-24T07:00:00Z');
const src = (name: string, body: string) => ({ path: name, absPath: `/tmp/${name}`, text: `version: 1\n${body}` });

// Two isolated longs 10 % from liquidation; SOL is twice as volatile as BTC.
const TWO = src('two.positions.yaml', `venue: generic-linear\naccount: s\nasOf: 2026-11-24T06:59:00Z\nmarkets:\n  BTCUSDT: { markPrice: "100000", mmr: "0", volatility: 0.5 }\n  SOLUSDT: { markPrice: "200", mmr: "0", volatility: 1.0 }\npositions:\n  - { id: btc, symbol: BTCUSDT, side: long, size: "1", entryPrice: "100000", marginMode: isolated, isolatedMargin: "10000" }\n  - { id: sol, symbol: SOLUSDT, side: long, size: "500", entryPrice: "200", marginMode: isolated, isolatedMargin: "10000" }\n`);

describe('stress test (docs/results.md §2.3)', () => {
  const parts = [evaluateFile(TWO, { now: NOW })];

  it('market-wide: both fail at −10 %, the curve counts them, the first failing shock is refined', () => {
    const r = stressTest(parts);
    const at = (s: number) => r.curve.find((p) => p.shock === s)!;
    expect(at(-0.07).positionsLiquidated).toBe(0);
    expect(at(-0.1).positionsLiquidated).toBe(2);
    expect(Number(at(-0.1).notional)).toBeCloseTo(90000 + 500 * 180, 6);
    expect(r.accounts[0]!.firstFailingShock).toBeCloseTo(-0.1, 3);
    expect(r.scaledByVolatility).toBeUndefined();
  });

  it('per-asset: an extra −5 % on SOL liquidates it from a −5 % market move', () => {
    const r = stressTest(parts, undefined, { perAsset: { SOL: -0.05 } });
    expect(r.curve.find((p) => p.shock === -0.05)!.positionsLiquidated).toBe(1);
    expect(r.accounts[0]!.firstFailingShock).toBeCloseTo(-0.05, 3);
  });

  it('volatility-scaled: the twice-as-volatile market moves twice as far', () => {
    const r = stressTest(parts, undefined, { scaleByVolatility: true });
    expect(r.scaledByVolatility).toBe(true);
    // median σ = 1.0 (upper median of two), so BTC moves half the shock and SOL the full shock
    expect(r.curve.find((p) => p.shock === -0.1)!.positionsLiquidated).toBe(1);
    expect(r.curve.find((p) => p.shock === -0.2)!.positionsLiquidated).toBe(2);
  });

  it('evaluate(…, { stress: true }) adds the section with the default grid from −50 % to +50 %', () => {
    const report = evaluate([TWO], { now: NOW, stress: true });
    expect(report.stress!.shocks[0]).toBe(-0.5);
    expect(report.stress!.shocks.at(-1)).toBe(0.5);
    expect(report.stress!.curve).toHaveLength(report.stress!.shocks.length);
  });
});
