// Regression (issue 12): an OKX inverse swap without settleCurrency is inverse everywhere — parser, margin engine,
// fix, liquidation cost, VaR and stress — not only in the margin engine.
import { describe, expect, it } from 'vitest';
import { evaluateFile } from '../../../src/engine/evaluate/evaluate-file';
import type { PerpFix } from '../../../src/engine/evaluate/report';

const NOW = Date.parse('2026-11-24T07:00:00Z');
const FILE = {
  path: 'okx.positions.yaml', absPath: '/tmp/okx.positions.yaml',
  text: `version: 1
venue: okx
account: t
asOf: 2026-11-24T06:59:00Z
markets:
  BTC-USD-SWAP: { markPrice: "97250.4", contractSize: "100", mmr: "0.004", takerFee: "0.0005", volatility: 0.6 }
positions:
  - { id: p, symbol: BTC-USD-SWAP, side: long, size: "10", entryPrice: "100000", marginMode: isolated, isolatedMargin: "0.0012" }
`,
};

describe('okx BTC-USD-SWAP without settleCurrency (issue 12)', () => {
  const ev = evaluateFile(FILE, { now: NOW });
  const row = ev.rows[0]!;
  it('is solved as inverse', () => {
    expect(row.details.inverse).toBe(true);
    expect(row.liquidationPrice).not.toBeNull();
  });
  it('costs a liquidation in BTC: fee 0.5 % × face / LP = 0.005 × 1000 / 89687.5 (main gave 448437.5)', () => {
    expect(row.liquidationPrice).toBe('89687.5');
    expect(Number(row.details.liquidationCost)).toBeCloseTo((0.005 * 1000) / 89687.5, 15);
  });
  it('measures VaR in BTC, below the position\'s whole value', () => {
    expect(Number(row.details.var)).toBeGreaterThan(0);
    expect(Number(row.details.var)).toBeLessThan(1000 / 97250.4);
  });
  it('rounds the margin fix to 1e-8 BTC, not 0.01', () => {
    const fix = row.fix as PerpFix;
    expect(fix.addMargin).not.toBeNull();
    expect(fix.addMargin).toBe('0.00050194');
    expect(fix.addMargin).toMatch(/^\d+\.\d{3,8}$/);
  });
});
