// Unknown rows with their reasons, under the table and in Markdown (issue 14: unknown is never safe and always
// says why — the diagnostic that caused it).
import type { Report } from '../../engine/evaluate/report';
import { escapeText } from '../../engine/core/quote-text';

export interface UnknownLine {
  where: string;
  label: string;
  reason: string;
}

export function unknownRows(report: Report): UnknownLine[] {
  return report.positions
    .filter((r) => r.status === 'unknown')
    .map((r) => ({
      where: `${escapeText(r.file)}:${r.line}:${r.column}`,
      label: escapeText(`${r.id}${r.symbol ? ` (${r.symbol})` : ''}`),
      reason: escapeText(r.reason ?? 'not enough input to evaluate'),
    }));
}

/** Plain-text lines for the table format; empty when no row is unknown. */
export function unknownLines(report: Report): string[] {
  const rows = unknownRows(report);
  if (!rows.length) return [];
  return [`Could not be evaluated (unknown, not safe) — ${rows.length}:`, ...rows.map((u) => `  ${u.where}  ${u.label}: ${u.reason}`)];
}
