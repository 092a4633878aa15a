// Quick Fixes from the engine's machine-applicable suggestions ("did you mean entryPrice?", a number split by a
// comma): a diagnostic with `suggestion` offers "replace its range with `replacement`". Pure: finds the engine
// diagnostic behind a Problem (same code, message and start) and gives the 0-based range to replace.
import type { Diagnostic as EngineDiagnostic } from '../engine/core/types';
import { plainText } from '../presentation/inert-text';
import { fileDiagnosticSpec } from './problems';

export interface SuggestionFix {
  /** "Replace with "entryPrice"", inert. */
  title: string;
  replacement: string;
  /** 0-based, end exclusive: the engine diagnostic's own range (may be empty: an insertion). */
  startLine: number;
  startCharacter: number;
  endLine: number;
  endCharacter: number;
}

/** What the Problem shows (after toDiagnostic): its code, message and start. */
export interface ProblemKey {
  code: string;
  message: string;
  startLine: number;
  startCharacter: number;
}

function rangeOk(d: EngineDiagnostic): boolean {
  const ok = (n: number) => Number.isInteger(n) && n >= 1;
  return ok(d.line) && ok(d.column) && ok(d.endLine) && ok(d.endColumn) && (d.endLine > d.line || (d.endLine === d.line && d.endColumn >= d.column));
}

/** The file as the evaluation reports it: its dialect (dumps of other tools are never edited) and diagnostics. */
export interface SuggestionSource {
  dialect: string | null;
  diagnostics: readonly EngineDiagnostic[];
}

/** The suggestion of the engine diagnostic shown as `problem`, or null when it has none or the file is a dump. */
export function suggestionFor(file: SuggestionSource, problem: ProblemKey): SuggestionFix | null {
  if (file.dialect !== null && file.dialect !== 'native') return null;
  for (const d of file.diagnostics) {
    if (!d.suggestion || d.code !== problem.code || !rangeOk(d)) continue;
    const spec = fileDiagnosticSpec(d);
    if (spec.message !== problem.message || spec.startLine !== problem.startLine || spec.startCharacter !== problem.startCharacter) continue;
    return {
      title: plainText(d.suggestion.title, 120),
      replacement: d.suggestion.replacement,
      startLine: d.line - 1, startCharacter: d.column - 1, endLine: d.endLine - 1, endCharacter: d.endColumn - 1,
    };
  }
  return null;
}
