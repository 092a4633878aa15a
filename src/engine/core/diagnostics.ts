// The one way to build a diagnostic (docs/format.md §7) and the one internal-error path of every stage.
import type { DiagnosticCode } from './diagnostic-codes';
import type { Diagnostic, Severity } from './types';

/** Where a diagnostic points: a Span, or just its line/column range. */
export interface DiagnosticRange {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** The file's first character: where a diagnostic without a place of its own is shown. */
export const FILE_START: DiagnosticRange = { line: 1, column: 1, endLine: 1, endColumn: 1 };

export function diagnostic(severity: Severity, code: DiagnosticCode, message: string, at?: DiagnosticRange | null): Diagnostic {
  const s = at ?? FILE_START;
  return { severity, code, message, line: s.line, column: s.column, endLine: s.endLine, endColumn: s.endColumn };
}

/** The same diagnostic with a machine-applicable correction of its range (a Quick Fix). */
export function withSuggestion(d: Diagnostic, replacement: string, title = `Replace with ${JSON.stringify(replacement)}`): Diagnostic {
  return { ...d, suggestion: { title, replacement } };
}

/** A diagnostic of another file (a history CSV) shown at a place of this one, with a new message. */
export function relocated(d: Diagnostic, at: DiagnosticRange | null | undefined, message: string): Diagnostic {
  const s = at ?? FILE_START;
  return { ...d, message, line: s.line, column: s.column, endLine: s.endLine, endColumn: s.endColumn };
}

/** An exception caught at a stage's boundary (reading, evaluating) → one error diagnostic on line 1. */
export function internalError(stage: 'read' | 'evaluate', e: unknown): Diagnostic {
  const message = e instanceof Error ? e.message : String(e);
  return diagnostic('error', 'internal-error', `Liquidation Lens could not ${stage} this file: ${message} (please report it with the file)`);
}
