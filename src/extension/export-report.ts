// The workspace report "Export" writes (exporter.ts): the CLI's report (`--format json`, docs/results.md §1.1) built
// from what the store keeps, each row made whole again with its details (row-rest.ts), and its Markdown or JSON text.
// The time printed is the time the numbers were computed at (each file's evaluation time), never the wall clock.
import { buildReport, type FileEvaluation } from '../engine/evaluate/evaluate-file';
import type { Report } from '../engine/evaluate/report';
import { markdownReport } from '../presentation/markdown-report';
import type { FileTimes } from '../presentation/row-shape';
import { wholeRow } from './row-rest';
import type { StoredEvaluation } from './workspace-store';

export type ExportFormat = 'markdown' | 'json';

export function exportText(report: Report, format: ExportFormat, times?: FileTimes): string {
  return format === 'markdown' ? markdownReport(report, times) : JSON.stringify(report, null, 2) + '\n';
}

/** Each file's evaluation time, ISO. */
export function fileTimes(parts: ReadonlyArray<Pick<FileEvaluation, 'file' | 'now'>>): Record<string, string> {
  return Object.fromEntries(parts.map((p) => [p.file.path, new Date(p.now).toISOString()]));
}

/** The report's `now`: the earliest time a file was evaluated at (all the same unless files pin their own). */
export function reportNow(parts: ReadonlyArray<Pick<FileEvaluation, 'now'>>, fallback: number): number {
  return parts.length ? Math.min(...parts.map((p) => p.now)) : fallback;
}

/** The report of the stored evaluations, rows whole; `fallbackNow` when there are none. */
export function storedReport(evaluations: readonly StoredEvaluation[], fallbackNow: number): { report: Report; times: FileTimes } {
  const parts = evaluations.map((e) => ({ ...e, rows: Array.from(e.rows, (r, i) => wholeRow(r, e.rest, i)) }));
  return { report: buildReport(parts, reportNow(parts, fallbackNow)), times: fileTimes(parts) };
}
