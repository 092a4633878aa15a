import type { Report } from '../../engine/evaluate/report';
import { HEADERS, RIGHT, cells } from './columns';

const esc = (s: string): string => s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

export function formatMarkdown(report: Report): string {
  const s = report.summary;
  const lines = [`## Liquidation Lens`, '', `${s.positions} positions in ${s.files} files, evaluated ${report.now}.`, ''];
  lines.push(`| ${HEADERS.join(' | ')} |`);
  lines.push(`|${HEADERS.map((_, i) => (RIGHT.has(i) ? ' ---: ' : ' --- ')).join('|')}|`);
  for (const row of report.positions) lines.push(`| ${cells(row).map(esc).join(' | ')} |`);
  const diags = report.files.flatMap((f) => f.diagnostics.map((d) => ({ f, d })));
  if (diags.length) {
    lines.push('', '### Diagnostics', '');
    for (const { f, d } of diags) lines.push(`- \`${esc(f.path)}:${d.line}:${d.column}\` **${d.severity}** \`${d.code}\`: ${esc(d.message)}`);
  }
  if (report.stress) {
    lines.push('', '### Stress test', '', '| Shock | Positions liquidated | Notional | Loss |', '| ---: | ---: | ---: | ---: |');
    for (const p of report.stress.curve) lines.push(`| ${(p.shock * 100).toFixed(0)} % | ${p.positionsLiquidated} | ${p.notional} | ${p.loss} |`);
  }
  return lines.join('\n') + '\n';
}
