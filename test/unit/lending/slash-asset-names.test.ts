// An asset whose name contains `/` (e.g. `</script>`) is an asset, never a "COLL/DEBT" ratio key (docs/results.md §2.2):
// its loan gets a normal result (it used to be unknown with "cannot evaluate loan: [DecimalError] …").
import { describe, expect, it } from 'vitest';
import { evaluateFile } from '../../../src/engine/evaluate/evaluate-file';

const text = `version: 1
venue: aave-v3
account: "0xabc"
risk:
  evaluationTime: 2026-11-24T07:00:00Z
markets:
  "</script>": { price: "100", liquidationThreshold: "0.8", liquidationBonus: "0.05", decimals: 18, volatility: 0.6 }
  "A/B": { price: "50", liquidationThreshold: "0.8", liquidationBonus: "0.05", decimals: 18, volatility: 0.6 }
  USDC: { price: "1", liquidationThreshold: "0.78", liquidationBonus: "0.045", decimals: 6, stable: true }
loans:
  - id: script
    collateral:
      - { asset: "</script>", amount: "10" }
    debt:
      - { asset: USDC, amount: "500" }
  - id: pair-like
    collateral:
      - { asset: "A/B", amount: "10" }
    debt:
      - { asset: USDC, amount: "300" }
`;

describe('asset names containing "/"', () => {
  it('are evaluated as assets: liquidation price, status and liquidation cost', () => {
    const ev = evaluateFile({ path: 't.positions.yaml', absPath: '/tmp/t.positions.yaml', text });
    const script = ev.rows.find((r) => r.id === 'script')!;
    expect(script.status).not.toBe('unknown');
    expect(script.symbol).toBe('</script>');
    // 10 × P × 0.8 = 500 ⇒ P = 62.5
    expect(script.liquidationPrice).toBe('62.5');
    expect(script.liquidationPrices).toEqual({ '</script>': '62.5' });
    expect(script.details.liquidationCost).not.toBeNull();
    const pair = ev.rows.find((r) => r.id === 'pair-like')!;
    expect(pair.status).not.toBe('unknown');
    expect(pair.symbol).toBe('A/B');
    expect(pair.liquidationPrice).toBe('37.5');
    for (const r of ev.rows) expect(r.reason).not.toMatch(/DecimalError/);
  });
});
