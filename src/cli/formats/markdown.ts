import type { Report } from '../../engine/evaluate/report';
import type { ReportFrame } from './table';
import { HEADERS, RIGHT, cells } from './columns';

const esc = (s: string): string => s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

/** One table line of a row. */
export const markdownRow = (row: Report['positions'][number]): string => `| ${cells(row).map(esc).join(' | ')} |`;

/** The lines before and after the rows: the output is `[...before, ...rows, ...after].join('\n') + '\n'`. */
export function markdownFrame(report: ReportFrame): { before: string[]; after: string[] } {
  const s = report.summary;
  const before = [`## Liquidation Lens`, '', `${s.positions} positions in ${s.files} files, evaluated ${report.now}.`, ''];
  before.push(`| ${HEADERS.join(' | ')} |`);
  before.push(`|${HEADERS.map((_, i) => (RIGHT.has(i) ? ' ---: ' : ' --- ')).join('|')}|`);
  const after: string[] = [];
  const diags = report.files.flatMap((f) => f.diagnostics.map((d) => ({ f, d })));
  if (diags.length) {
    after.push('', '### Diagnostics', '');
    for (const { f, d } of diags) after.push(`- \`${esc(f.path)}:${d.line}:${d.column}\` **${d.severity}** \`${d.code}\`: ${esc(d.message)}`);
  }
  if (report.stress) {
    after.push('', '### Stress test', '', '| Shock | Positions liquidated | Notional | Loss |', '| ---: | ---: | ---: | ---: |');
    for (const p of report.stress.curve) after.push(`| ${(p.shock * 100).toFixed(0)} % | ${p.positionsLiquidated} | ${p.notional} | ${p.loss} |`);
  }
  return { before, after };
}

export function formatMarkdown(report: Report): string {
  const { before, after } = markdownFrame(report);
  return [...before, ...report.positions.map(markdownRow), ...after].join('\n') + '\n';
}
