import { describe, expect, it } from 'vitest';
import { codeLensTitle, decorationText, diagnosticSpecsForFile, diagnosticSpecsInSlices, fileDiagnosticSpec, hoverMarkdown, rowDiagnosticSpec, rowMessage, TO_LINE_END } from '../../../src/extension/problems';
import { fileReport, row, watchRow } from './fixtures';

describe('file diagnostics → Problems', () => {
  it('converts 1-based engine ranges to 0-based vscode ranges, end exclusive', () => {
    expect(fileDiagnosticSpec({ severity: 'error', code: 'missing-mark', message: 'no mark', line: 14, column: 5, endLine: 14, endColumn: 12 }))
      .toEqual({ startLine: 13, startCharacter: 4, endLine: 13, endCharacter: 11, severity: 'error', code: 'missing-mark', message: 'no mark' });
  });
  it('maps every severity and never produces an empty or inverted range', () => {
    const sev = (['error', 'warning', 'info', 'hint'] as const).map((severity) =>
      fileDiagnosticSpec({ severity, code: 'c', message: 'm', line: 3, column: 7, endLine: 3, endColumn: 7 }));
    expect(sev.map((s) => s.severity)).toEqual(['error', 'warning', 'information', 'hint']);
    expect(sev[0]!.endCharacter).toBe(7);
    const whole = fileDiagnosticSpec({ severity: 'error', code: 'c', message: 'm', line: 1, column: 1, endLine: 1, endColumn: 1 });
    expect(whole.endCharacter).toBe(TO_LINE_END);
  });
});

describe('positions → Problems', () => {
  it('gives no Problem to safe and unknown rows', () => {
    expect(rowDiagnosticSpec(row())).toBeNull();
    expect(rowDiagnosticSpec(row({ status: 'unknown', reason: 'no mark price' }))).toBeNull();
  });
  it('maps statuses to severities on the entry line', () => {
    const sev = (['liquidatable', 'critical', 'warning', 'watch'] as const).map((status) => rowDiagnosticSpec(watchRow({ status }))!.severity);
    expect(sev).toEqual(['error', 'error', 'warning', 'information']);
    const spec = rowDiagnosticSpec(watchRow())!;
    expect([spec.startLine, spec.startCharacter, spec.code]).toEqual([29, 4, 'position-watch']);
  });
  it('writes a trader message with the numbers and the fix', () => {
    expect(rowMessage(watchRow())).toBe(
      'WATCH: ETHUSDT long (Binance USD-M · desk-a) — liq. price 1,153.26 (13.62 % away), mark 1,335.18, ' +
      'P(liquidation within 24h) 0.80 %, margin ratio 41.49 %. P(liquidation within 24h) = 0.80 % ≥ 0.5 %. ' +
      'Fix: add 81,597.40 USDT margin or reduce size by 1,000 ETHUSDT → safe');
  });
  it('describes loans by health factor and collateral/debt fixes', () => {
    const loan = watchRow({ kind: 'loan', venue: 'aave-v3', account: '0x91c4', symbol: 'WETH', side: null, healthFactor: '1.0412', marginRatio: null, status: 'critical',
      fix: { target: 'safe', addCollateral: { WETH: '4.2' }, repayDebt: { USDC: '13158.7' }, reason: null } });
    const msg = rowMessage(loan);
    expect(msg).toContain('CRITICAL: WETH loan (Aave v3 · 0x91c4)');
    expect(msg).toContain('health factor 1.04');
    expect(msg).toContain('Fix: add 4.20 WETH collateral or repay 13,158.70 USDC → safe');
  });
  it('puts file diagnostics first, then at-risk rows, at most 1000 per file', () => {
    const specs = diagnosticSpecsForFile(fileReport({ diagnostics: [{ severity: 'warning', code: 'x', message: 'y', line: 2, column: 1, endLine: 2, endColumn: 4 }] }), [row(), watchRow()]);
    expect(specs.map((s) => s.code)).toEqual(['x', 'position-watch']);
    const many = Array.from({ length: 1200 }, (_, i) => watchRow({ line: i + 1, id: `r${i}` }));
    expect(diagnosticSpecsForFile(fileReport(), many)).toHaveLength(1000);
  });
  it('builds the same specs in slices as at once (the host yields between slices)', async () => {
    const rows = Array.from({ length: 1500 }, (_, i) => (i % 3 ? row({ line: i + 1, id: `s${i}` }) : watchRow({ line: i + 1, id: `r${i}` })));
    const file = fileReport({ diagnostics: [{ severity: 'error', code: 'e', message: 'm', line: 1, column: 1, endLine: 1, endColumn: 2 }] });
    const sliced = await diagnosticSpecsInSlices(file, rows, 7);
    expect(sliced).toEqual(diagnosticSpecsForFile(file, rows));
    expect(sliced).toHaveLength(501);
  });
});

describe('decorations and hovers', () => {
  it('renders the after-line text like Error Lens', () => {
    expect(decorationText(watchRow({ status: 'warning' }))).toBe('⚠ warning · liq 1,153.26 · 13.62 % away · P(24h) 0.80 %');
    expect(decorationText(row({ status: 'unknown', liquidationPrice: null, distance: null, liquidationProbability: null, reason: 'no mark price' }))).toBe('? unknown · no mark price');
  });
  it('escapes file strings in hover markdown', () => {
    const md = hoverMarkdown(watchRow({ symbol: '[click](command:evil)', account: '<img src=x onerror=alert(1)>' }));
    expect(md).not.toContain('[click](command:evil)');
    expect(md).toContain('\\[click\\](command:evil)'); // brackets literal: no link
    expect(md).not.toContain('<img'); // HTML made literal
    expect(md).toContain('&lt;img');
  });
});

describe('one wording on every surface', () => {
  it('decoration, CodeLens and Problems show the same liquidation price, distance and P', () => {
    const r = watchRow({ status: 'warning', liquidationPrice: '1153.2512', markPrice: '1335.18' });
    for (const text of [decorationText(r), codeLensTitle(r), rowMessage(r)]) {
      expect(text).toContain('1,153.26'); // toward the mark (a long rounds up), never to nearest (1,153.25)
      expect(text).toContain('13.62 % away');
      expect(text).toContain('0.80 %');
    }
  });
  it('a stale mark says its age in human units, and hover numbers are formatted', () => {
    const r = watchRow({ stale: true, markAge: 906848.878, marginBalance: '2996.384999999999999585' });
    expect(rowMessage(r)).toContain('mark 1,335.18 (stale, 10 d 11 h old)');
    const md = hoverMarkdown(r);
    expect(md).toContain('2,996.38');
    expect(md).not.toContain('2996.384999');
  });
});

describe('CodeLens title', () => {
  it('states status, liquidation price, distance, probability and the first fix', () => {
    expect(codeLensTitle(watchRow({ status: 'warning' }))).toBe('$(warning) warning · liq 1,153.26 · 13.62 % away · P(24h) 0.80 % · Fix: +81,597.40 USDT');
  });
  it('names the loan asset, the health factor, and the reason of an unknown row', () => {
    const loan = row({ kind: 'loan', symbol: 'WETH', status: 'critical', healthFactor: '1.0412', marginRatio: null, distance: '0.0385', liquidationPrice: '1283.83', markPrice: '1335.18', liquidationProbability: 0.318,
      fix: { target: 'safe', addCollateral: { WETH: '4.2' }, repayDebt: { USDC: '13158.7' }, reason: null } });
    expect(codeLensTitle(loan)).toBe('$(error) critical · liq 1,283.83 · 3.85 % away · P(24h) 31.8 % · HF 1.04 · Fix: +4.20 WETH');
    expect(codeLensTitle(row({ status: 'unknown', reason: 'no mark price' }))).toBe('$(question) unknown · no mark price');
  });
});
