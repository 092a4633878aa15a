import { describe, expect, it } from 'vitest';
import { tableReport } from '../../../src/presentation/table-report';
import { markdownReport } from '../../../src/presentation/markdown-report';
import { terminalOf } from '../../../src/presentation/terminal';
import { fitColumns } from '../../../src/presentation/text-table';
import { TEXT_COLUMNS } from '../../../src/presentation/row-cells';
import { row, watchRow } from '../extension/fixtures';

const unknown = row({ id: 'sol-1', symbol: 'SOLUSDT', status: 'unknown', reason: 'no maintenance source for SOLUSDT (add mmr or tiers)', liquidationPrice: null, distance: null, liquidationProbability: null, marginRatio: null });
const positions = [watchRow(), unknown, row()];
const report = {
  now: '2026-11-24T07:00:00.000Z',
  files: [{ path: 'examples/desk.positions.yaml', diagnostics: [] }],
  positions,
  summary: { files: 1, positions: 3, byStatus: { liquidatable: 0, critical: 0, warning: 0, watch: 1, safe: 1, unknown: 1 } },
};
const width = (s: string) => Math.max(...s.split('\n').map((l) => [...l].length));
const ESC = String.fromCharCode(27);

describe('terminal', () => {
  it('COLUMNS, else the TTY width, else 100; NO_COLOR wins, FORCE_COLOR forces, else colour only on a TTY', () => {
    expect(terminalOf({}, false).width).toBe(100);
    expect(terminalOf({ COLUMNS: '72' }, true, 200).width).toBe(72);
    expect(terminalOf({}, true, 132).width).toBe(132);
    expect(terminalOf({}, true).color).toBe(true);
    expect(terminalOf({}, false).color).toBe(false);
    expect(terminalOf({ NO_COLOR: '1' }, true).color).toBe(false);
    expect(terminalOf({ FORCE_COLOR: '1' }, false).color).toBe(true);
    expect(terminalOf({ NO_COLOR: '1', FORCE_COLOR: '1' }, true).color).toBe(false);
  });
});

describe('CLI table', () => {
  it('fits the terminal width, folding the least important columns first', () => {
    for (const w of [60, 80, 100, 140]) {
      const out = tableReport(report, { width: w, color: false });
      const table = out.split('\n').filter((l) => !l.startsWith('Liquidation Lens'));
      expect(width(table.join('\n')), `width ${w}`).toBeLessThanOrEqual(w);
    }
    const narrow = tableReport(report, { width: 80, color: false });
    for (const key of ['Status', 'Symbol', 'Liq. price', 'Distance', 'P(liq)', 'Fix']) expect(narrow).toContain(key);
    expect(narrow).not.toContain('Size');
    expect(tableReport(report, { width: 200, color: false })).toContain('Venue · account');
  });
  it('drops columns in rank order', () => {
    const widths = TEXT_COLUMNS.map(() => 10);
    const shown = fitColumns(TEXT_COLUMNS, widths, 6 * 10 + 5 * 2, 6).map((i) => TEXT_COLUMNS[i]!.header);
    expect(shown).toEqual(['Status', 'Symbol', 'Liq. price', 'Distance', 'P(liq)', 'Fix']);
  });
  it('prints the reason under an unknown row and never counts it as safe', () => {
    const out = tableReport(report, { width: 100, color: false });
    expect(out).toContain('  ↳ why unknown: no maintenance source for SOLUSDT');
    expect(out).toContain('1 watch · 1 unknown · 1 safe');
    expect(out).toContain('evaluated 2026-11-24 07:00 UTC');
  });
  it('colours the status on request only', () => {
    expect(tableReport(report, { width: 100, color: false })).not.toContain(ESC);
    const coloured = tableReport(report, { width: 100, color: true });
    expect(coloured).toContain(`${ESC}[36mwatch`);
    expect(coloured).toContain(`${ESC}[1;35munknown`);
  });
  it('says when files were pinned to different times', () => {
    const two = { ...report, files: [...report.files, { path: 'b.positions.yaml', diagnostics: [] }], summary: { ...report.summary, files: 2 } };
    const out = tableReport(two, { width: 100, color: false }, { 'examples/desk.positions.yaml': '2026-11-24T07:00:00.000Z', 'b.positions.yaml': '2026-11-24T08:00:00.000Z' });
    expect(out).toContain('evaluated at 2 different times');
    expect(out).toContain('evaluated 2026-11-24 08:00 UTC: 1 file (b.positions.yaml)');
  });
});

describe('markdown report', () => {
  it('one formatter for the CLI and Export: same cells, the reason of unknown rows, the evaluation time', () => {
    const md = markdownReport(report);
    expect(md).toContain('| Status | Symbol | Venue · account |');
    expect(md).toContain('| watch | ETHUSDT | Binance USD-M · desk-a | long | 3,683.979 | 1,335.18 | 1,153.26 | 13.62 % | 0.80 % | 41.49 % | +81,597.40 USDT margin or cut 1,000 ETHUSDT |');
    expect(md).toContain('### Could not be evaluated (unknown, not safe): 1');
    expect(md).toContain('no maintenance source for SOLUSDT');
    expect(md).toContain('3 positions in 1 file · evaluated 2026-11-24 07:00 UTC.');
  });
});
