// Orchestration: file text → parse → evaluate every account → result rows (cli.md §2–§5).
import type { RiskSettings, VenueId } from './types';
import type { FileReport, Report, ResultRow } from './report';

export interface SourceFile {
  /** Path as printed in results (relative to the CLI's cwd or the workspace folder, with `/`). */
  path: string;
  /** Absolute path, used to resolve `history:` files relative to this file. */
  absPath: string;
  /** Decoded text; ignored when `bytes` is given (then decoded here, invalid UTF-8 becoming a diagnostic). */
  text: string;
  bytes?: Uint8Array;
}

export interface EvaluateOptions {
  /** Evaluation time in Unix ms; default: the file's `evaluationTime`, else the clock. CLI --now wins over files. */
  now?: number;
  /** Highest-precedence overrides (CLI flags). */
  overrides?: RiskSettings;
  /** Defaults from the extension settings (lower than a file's `risk:`). */
  settings?: RiskSettings;
  defaultVenue?: VenueId;
  stress?: boolean;
  /** Synchronous reader for history files; returns undefined when unreadable. */
  readFile?: (absPath: string) => string | undefined;
}

export interface FileEvaluation {
  file: FileReport;
  rows: ResultRow[];
}

export function evaluateFile(source: SourceFile, options: EvaluateOptions = {}): FileEvaluation {
  void options;
  return { file: { path: source.path, dialect: null, format: null, venue: null, diagnostics: [] }, rows: [] };
}

export function evaluate(sources: SourceFile[], options: EvaluateOptions = {}): Report {
  const parts = sources.map((s) => evaluateFile(s, options));
  return buildReport(parts, options.now ?? Date.now());
}

export function buildReport(parts: FileEvaluation[], now: number): Report {
  const positions = parts.flatMap((p) => p.rows);
  const byStatus = { liquidatable: 0, critical: 0, warning: 0, watch: 0, safe: 0, unknown: 0 };
  for (const r of positions) byStatus[r.status]++;
  const errors = parts.reduce((n, p) => n + p.file.diagnostics.filter((d) => d.severity === 'error').length, 0);
  return {
    version: 1,
    now: new Date(now).toISOString(),
    files: parts.map((p) => p.file),
    positions,
    summary: { files: parts.length, positions: positions.length, errors, byStatus },
  };
}
