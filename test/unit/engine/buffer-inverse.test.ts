// Regression (issue 10): the cost-optimal buffer of an inverse position is in the settle coin. An OKX BTC-USD-SWAP
// position worth 0.111 BTC got a buffer of 4.96 BTC because K(x) took the USD face times the price as its notional.
import { describe, expect, it } from 'vitest';
import { evaluateFile } from '../../../src/engine/evaluate/evaluate-file';
import type { PerpFix } from '../../../src/engine/evaluate/report';

const NOW = Date.parse('2026-11-24T07:00:00Z');

const okx = (size: string, margin: string) => ({
  path: 'okx.positions.yaml', absPath: '/tmp/okx.positions.yaml',
  text: `version: 1
venue: okx
account: okx-inverse
settleCurrency: BTC
asOf: 2026-11-24T06:59:50Z
markets:
  BTC-USD-SWAP: { markPrice: "97250.4", mmr: "0.004", takerFee: "0.0005", contractSize: "100", volatility: 0.55 }
positions:
  - { id: inv, symbol: BTC-USD-SWAP, side: long, size: "${size}", entryPrice: "98800", marginMode: isolated, isolatedMargin: "${margin}" }
`,
});

describe('cost-optimal buffer of an inverse position (docs/risk.md §6.3, settle currency)', () => {
  it('is a fraction of the position value in BTC, not thousands of times it', () => {
    // 108 contracts × 100 USD ≈ 0.111 BTC at the mark, 25× isolated
    const row = evaluateFile(okx('108', '0.0044'), { now: NOW }).rows[0]!;
    expect(row.details['inverse']).toBe(true);
    const fix = row.fix as PerpFix;
    expect(fix).not.toBeNull();
    const value = (108 * 100) / 97250.4;
    const buffer = Number(fix.costOptimalMargin);
    expect(buffer).toBeGreaterThan(0);
    expect(buffer).toBeLessThan(value);
    // the buffer sits beyond the margin that just reaches the target, and in the same units
    expect(buffer).toBeLessThan(Number(fix.addMargin) * 20);
  });
  it('scales with the position: ten times the contracts, about ten times the buffer', () => {
    const one = Number((evaluateFile(okx('108', '0.0044'), { now: NOW }).rows[0]!.fix as PerpFix).costOptimalMargin);
    const ten = Number((evaluateFile(okx('1080', '0.044'), { now: NOW }).rows[0]!.fix as PerpFix).costOptimalMargin);
    expect(ten / one).toBeGreaterThan(9);
    expect(ten / one).toBeLessThan(11);
  });
});
