// The CLI's table output: headline with the evaluation time, status counts, the positions table fitted to the
// terminal (folding the least important columns), a reason line under every unknown row, diagnostics, stress.
import { bold, dim, paintStatus, type Terminal } from './terminal';
import { rowCells, TEXT_COLUMNS } from './row-cells';
import { diagnosticLines, fileTimeLines, reportHeadline, statusCounts, stressLines } from './report-text';
import { textTable } from './text-table';
import type { DisplayReport, FileTimes } from './row-shape';
import { guardCiLines, messageText } from './inert-text';
import { accountFixLines } from './account-lines';

/** Ranks 1–6 (status, symbol, liquidation price, distance, P, fix) are never folded away. */
export const KEY_COLUMNS = 6;

export function tableReport(report: DisplayReport, term: Terminal, times?: FileTimes): string {
  const rows = report.positions;
  const paint = term.color
    ? (text: string, column: number, row: number) => {
      if (row < 0) return bold(text);
      const r = rows[row]!;
      if (column === -1) return dim(text);
      return column === 0 ? paintStatus(r.status, text) : text;
    }
    : undefined;
  const table = rows.length
    ? textTable(TEXT_COLUMNS, rows.map(rowCells), {
      width: term.width, keep: KEY_COLUMNS,
      notes: rows.map((r) => (r.status === 'unknown' ? `why unknown: ${messageText(r.reason)}` : null)),
      ...(paint ? { paint } : {}),
    })
    : '(no positions)';
  const head = `Liquidation Lens · ${reportHeadline(report, times)}`;
  const accounts = accountFixLines(report);
  const diags = diagnosticLines(report);
  const timeLines = fileTimeLines(report, times);
  const stress = report.stress ? ['', ...stressLines(report.stress, report.positions)] : [];
  // Every file string is inert already (plainText/nameText); the guard is the last line of defence for CI logs.
  return guardCiLines([head, ...timeLines, statusCounts(report), '', table, ...(accounts.length ? ['', ...accounts] : []), ...(diags.length ? ['', ...diags] : []), ...stress, ''].join('\n'));
}
