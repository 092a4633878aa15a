import type { Report } from '../engine/evaluate/report';
import { STATUS_RANK } from '../engine/core/types';
import type { FailOn } from './args';

interface GateCounts {
  atOrAbove: number;
  unknown: number;
  filesWithErrors: number;
}

/** What fails the gate (docs/results.md §1 v1.1): rows at or above --fail-on, unknown rows, files with an error diagnostic. */
function gateCounts(report: Report, failOn: FailOn): GateCounts {
  const filesWithErrors = report.files.filter((f) => f.diagnostics.some((d) => d.severity === 'error')).length;
  if (failOn === 'none') return { atOrAbove: 0, unknown: 0, filesWithErrors };
  const threshold = STATUS_RANK[failOn];
  let atOrAbove = 0;
  let unknown = 0;
  for (const r of report.positions) {
    if (r.status === 'unknown') unknown++;
    else if (STATUS_RANK[r.status] >= threshold) atOrAbove++;
  }
  return { atOrAbove, unknown, filesWithErrors };
}

/**
 * 1 when a position is at or above --fail-on, any position is unknown (a gate cannot pass what it could not
 * evaluate) or any error diagnostic exists; with --fail-on none, 1 only for an error diagnostic (docs/results.md §1 v1.1).
 */
export function exitCode(report: Report, failOn: FailOn): number {
  const c = gateCounts(report, failOn);
  return c.atOrAbove + c.unknown + c.filesWithErrors > 0 || report.summary.errors > 0 ? 1 : 0;
}

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** One line saying why the exit code is 1, e.g. "2 positions at or above critical, 3 unknown, 1 file with errors". */
export function exitReason(report: Report, failOn: FailOn): string {
  const c = gateCounts(report, failOn);
  const parts: string[] = [];
  if (c.atOrAbove) parts.push(`${plural(c.atOrAbove, 'position', 'positions')} at or above ${failOn}`);
  if (c.unknown) parts.push(`${c.unknown} unknown`);
  if (c.filesWithErrors) parts.push(`${plural(c.filesWithErrors, 'file', 'files')} with errors`);
  return parts.join(', ') || 'no failing position';
}
