// Collects the reader's diagnostics (docs/format.md §7) with their spans; each is built by the one constructor.
import type { DiagnosticCode } from '../core/diagnostic-codes';
import { diagnostic, withSuggestion } from '../core/diagnostics';
import type { Diagnostic, Severity, Span } from '../core/types';

/** A machine-applicable correction: `replacement` replaces the diagnostic's span (a Quick Fix). */
export interface Fix {
  replacement: string;
  title?: string;
}

export class Diags {
  readonly list: Diagnostic[] = [];

  add(severity: Severity, code: DiagnosticCode, message: string, span: Span, fix?: Fix | null): void {
    const d = diagnostic(severity, code, message, span);
    this.list.push(fix ? withSuggestion(d, fix.replacement, fix.title) : d);
  }
  error(code: DiagnosticCode, message: string, span: Span, fix?: Fix | null): void {
    this.add('error', code, message, span, fix);
  }
  warning(code: DiagnosticCode, message: string, span: Span, fix?: Fix | null): void {
    this.add('warning', code, message, span, fix);
  }
  info(code: DiagnosticCode, message: string, span: Span): void {
    this.add('info', code, message, span);
  }
  hint(code: DiagnosticCode, message: string, span: Span): void {
    this.add('hint', code, message, span);
  }
}
