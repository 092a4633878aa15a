// Issue 13 item 2: every file's work is counted in steps (not timed) and stays within the budget the README states
// ("Limits"): characters + 2·rows + the fix budget, plus characters + 2,000,000 for YAML. `npm run fuzz` asserts it
// for every generated file (test/fuzz/invariants.ts overBudget); these are the hostile shapes it must hold for.
import { describe, expect, it } from 'vitest';
import { evaluateFile } from '../../../src/engine/evaluate/evaluate-file';
import { FIX_WORK_BUDGET, workBudget } from '../../../src/engine/evaluate/file-context';
import { overBudget } from '../../fuzz/invariants';
import { manyTiersYaml } from '../helpers/tier-table';

const NOW = Date.parse('2026-11-24T07:00:00Z');
const run = (path: string, text: string) => evaluateFile({ path, absPath: `/w/${path}`, text }, { now: NOW, readFile: () => undefined });

describe('work budget (counted steps)', () => {
  it('counts the read (characters, YAML values) and the evaluation (2 per position, plus fix legs)', () => {
    const text = 'version: 1\nvenue: binance-usdm\nwalletBalance: "1000"\nmarkets: { BTCUSDT: { markPrice: "94500", mmr: "0.004" } }\npositions:\n  - { symbol: BTCUSDT, side: long, size: "1", entryPrice: "95000" }\n  - { symbol: BTCUSDT, side: short, size: "0.2", entryPrice: "90000" }\n';
    const e = run('a.positions.yaml', text);
    expect(e.rows).toHaveLength(2);
    expect(e.steps!.read).toBeGreaterThan(text.length);
    expect(e.steps!.read).toBeLessThan(text.length + 100);
    expect(e.steps!.evaluate).toBeGreaterThanOrEqual(4);
    expect(overBudget(text, e)).toBeNull();
    const json = run('a.positions.json', '{"version":1,"venue":"binance-usdm","walletBalance":"1","positions":[]}');
    expect(json.steps).toEqual({ read: 71, evaluate: 0 });
  });

  it('a YAML alias bomb is counted by the values it expands to, and stays within the YAML term', () => {
    const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) lines.push(`a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`);
    const text = lines.join('\n') + '\n';
    const e = run('bomb.positions.yaml', text);
    expect(e.file.diagnostics.some((d) => d.code === 'invalid-yaml')).toBe(true);
    expect(e.steps!.read).toBeGreaterThan(1_000_000);
    expect(e.steps!.read + e.steps!.evaluate).toBeLessThanOrEqual(workBudget({ characters: text.length, rows: e.rows.length, yaml: true }));
  });

  it('hundreds of cross legs on one symbol with a long tier table spend the fix budget, not more', () => {
    // a probe is charged its symbol's MM pieces (legs × tiers) / 256 + 1: 600 legs × 200 tiers
    const n = 600;
    const legs = Array.from({ length: n }, (_, i) => `  - { symbol: BTCUSDT, side: ${i % 2 ? 'short' : 'long'}, size: "${1 + (i % 7)}", entryPrice: "${90000 + i}" }`);
    const text = `version: 1\nvenue: binance-usdm\nwalletBalance: "1000"\nmarkets: { BTCUSDT: { markPrice: "94500", tiers: ${manyTiersYaml(200)} } }\npositions:\n${legs.join('\n')}\n`;
    const e = run('many.positions.yaml', text);
    expect(e.rows).toHaveLength(n);
    expect(e.rows.some((r) => r.fix?.reason?.includes('more positions than the fix search covers'))).toBe(true);
    expect(e.steps!.evaluate).toBeGreaterThan(FIX_WORK_BUDGET / 2);
    expect(e.steps!.evaluate).toBeLessThanOrEqual(2 * n + FIX_WORK_BUDGET);
    expect(overBudget(text, e)).toBeNull();
  }, 120_000);

  it('the fuzz invariant reports a file over its budget', () => {
    const e = run('a.positions.json', '{"version":1,"venue":"binance-usdm","walletBalance":"1","positions":[]}');
    expect(overBudget('{}', { ...e, steps: { read: 2, evaluate: FIX_WORK_BUDGET + 10 } })).toMatch(/exceed the budget/);
    expect(overBudget('{}', { ...e, steps: undefined })).toBe('the evaluation counted no steps');
  });

  it('an unread file costs nothing', () => {
    const e = evaluateFile({ path: 'x.json', absPath: '/w/x.json', text: '', unread: { severity: 'error', code: 'file-too-large', message: 'm', line: 1, column: 1, endLine: 1, endColumn: 1 } });
    expect(e.steps).toBeUndefined();
  });
});
