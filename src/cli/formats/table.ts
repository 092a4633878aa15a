import type { Report } from '../../engine/evaluate/report';
import { HEADERS, RIGHT, cells } from './columns';
import { padTable } from './display';
import { diagnosticLines } from './diagnostics';
import { formatStress } from './stress';

export function formatTable(report: Report): string {
  const s = report.summary;
  const head = `Liquidation Lens · ${s.positions} positions in ${s.files} files · evaluated ${report.now}`;
  const counts = Object.entries(s.byStatus).filter(([, n]) => n > 0).map(([k, n]) => `${n} ${k}`).join(' · ');
  const table = report.positions.length ? padTable([HEADERS, ...report.positions.map(cells)], RIGHT) : '(no positions)';
  const diags = diagnosticLines(report);
  const stress = report.stress ? ['', ...formatStress(report.stress)] : [];
  return [head, counts, '', table, ...(diags.length ? ['', ...diags] : []), ...stress, ''].join('\n');
}
