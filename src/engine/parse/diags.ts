// Collects the reader's diagnostics (docs/format.md §7) with their spans.
import type { Diagnostic, Severity, Span } from '../core/types';

export class Diags {
  readonly list: Diagnostic[] = [];

  add(severity: Severity, code: string, message: string, span: Span): void {
    this.list.push({
      severity,
      code,
      message,
      line: span.line,
      column: span.column,
      endLine: span.endLine,
      endColumn: span.endColumn,
    });
  }
  error(code: string, message: string, span: Span): void {
    this.add('error', code, message, span);
  }
  warning(code: string, message: string, span: Span): void {
    this.add('warning', code, message, span);
  }
  info(code: string, message: string, span: Span): void {
    this.add('info', code, message, span);
  }
  hint(code: string, message: string, span: Span): void {
    this.add('hint', code, message, span);
  }
}
