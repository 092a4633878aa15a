import type { Report } from '../../engine/evaluate/report';
import { HEADERS, RIGHT, cells } from './columns';
import { padTable } from './display';
import { diagnosticLines } from './diagnostics';
import { formatStress } from './stress';

/** The report without its rows: what a streamed output knows before and after the rows. */
export type ReportFrame = Omit<Report, 'positions'>;

/** The text around the table of rows: `before + table + after` is the whole output. */
export function tableFrame(report: ReportFrame): { before: string; after: string } {
  const s = report.summary;
  const head = `Liquidation Lens · ${s.positions} positions in ${s.files} files · evaluated ${report.now}`;
  const counts = Object.entries(s.byStatus).filter(([, n]) => n > 0).map(([k, n]) => `${n} ${k}`).join(' · ');
  const diags = diagnosticLines(report);
  const stress = report.stress ? ['', ...formatStress(report.stress)] : [];
  return { before: `${head}\n${counts}\n\n`, after: '\n' + [...(diags.length ? ['', ...diags] : []), ...stress, ''].join('\n') };
}

export const NO_POSITIONS = '(no positions)';

export function formatTable(report: Report): string {
  const { before, after } = tableFrame(report);
  const table = report.positions.length ? padTable([HEADERS, ...report.positions.map(cells)], RIGHT) : NO_POSITIONS;
  return before + table + after;
}
