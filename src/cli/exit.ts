import type { Report } from '../engine/evaluate/report';
import { STATUS_RANK } from '../engine/core/types';
import type { FailOn } from './args';

/** 1 when a position is at or above --fail-on or any error diagnostic exists; unknown never fails by itself. */
export function exitCode(report: Report, failOn: FailOn): number {
  if (report.summary.errors > 0) return 1;
  if (failOn === 'none') return 0;
  const threshold = STATUS_RANK[failOn];
  return report.positions.some((r) => r.status !== 'unknown' && STATUS_RANK[r.status] >= threshold) ? 1 : 0;
}
