// The report as Markdown: the CLI's `--format markdown` and the extension's Export use this one formatter.
import { rowCells, TEXT_COLUMNS } from './row-cells';
import { fileTimeLines, reportHeadline } from './report-text';
import { shockLabel, stressMoney } from './stress-labels';
import { shockRange, stressAccountLabel, stressAccounts } from './stress-accounts';
import type { DisplayReport, FileTimes } from './row-shape';
import { accountFixLines } from './account-lines';
import { guardCiLines, markdownCode, markdownText, messageText, nameText } from './inert-text';

/** File text in Markdown: inert, HTML literal, markup escaped (inert-text.ts). */
const esc = (s: string): string => markdownText(s);

export function markdownReport(report: DisplayReport, times?: FileTimes): string {
  const lines = ['## Liquidation Lens', '', `${reportHeadline(report, times)}.`, ''];
  const perFile = fileTimeLines(report, times);
  if (perFile.length) lines.push(...perFile.map((l) => `- ${esc(l)}`), '');
  lines.push(`| ${TEXT_COLUMNS.map((c) => c.header).join(' | ')} |`);
  lines.push(`|${TEXT_COLUMNS.map((c) => (c.right ? ' ---: ' : ' --- ')).join('|')}|`);
  for (const row of report.positions) lines.push(`| ${rowCells(row).map(esc).join(' | ')} |`);
  const accounts = accountFixLines(report);
  if (accounts.length) {
    lines.push('', '### Cross accounts: one wallet top-up for every leg', '');
    for (const l of accounts) lines.push(`- ${esc(l)}`);
  }
  const unknown = report.positions.filter((r) => r.status === 'unknown');
  if (unknown.length) {
    lines.push('', `### Could not be evaluated (unknown, not safe): ${unknown.length}`, '');
    for (const r of unknown) lines.push(`- ${markdownCode(r.file)} ${esc(nameText(r.id))} (${esc(nameText(r.symbol ?? '—'))}): ${esc(messageText(r.reason))}`);
  }
  const diags = report.files.flatMap((f) => f.diagnostics.map((d) => ({ f, d })));
  if (diags.length) {
    lines.push('', '### Diagnostics', '');
    for (const { f, d } of diags) lines.push(`- ${markdownCode(`${f.path}:${d.line}:${d.column}`)} **${d.severity}** ${markdownCode(d.code, 64)}: ${esc(messageText(d.message))}`);
  }
  if (report.stress) {
    lines.push('', '### Stress test', '', '| Shock | Positions liquidated | Notional | Loss |', '| ---: | ---: | ---: | ---: |');
    for (const p of report.stress.curve) lines.push(`| ${shockLabel(p.shock)} | ${p.positionsLiquidated} | ${stressMoney(p.notional)} | ${stressMoney(p.loss)} |`);
    const range = shockRange(report.stress.shocks ?? report.stress.curve.map((p) => p.shock));
    lines.push('');
    for (const a of stressAccounts(report.stress.accounts, report.positions)) lines.push(`- ${esc(a.file)} · ${esc(a.account !== null ? nameText(a.account) : '(no account)')}: ${stressAccountLabel(a, range)}`);
  }
  return guardCiLines(lines.join('\n') + '\n');
}
