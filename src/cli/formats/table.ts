import type { Report } from '../../engine/evaluate/report';
import { fileTimesOf } from '../../engine/evaluate/evaluate-file';
import { tableReport } from '../../presentation/table-report';
import { terminalOf, type Terminal } from '../../presentation/terminal';

/** The table for this terminal: `COLUMNS` (100 when unknown), colour on a TTY unless `NO_COLOR` (docs/results.md §cli). */
export function formatTable(report: Report, term: Terminal = terminalOf(process.env, !!process.stdout.isTTY, process.stdout.columns)): string {
  return tableReport(report, term, fileTimesOf(report));
}
