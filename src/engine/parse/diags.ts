// Collects the reader's diagnostics (docs/format.md §7) with their spans; each is built by the one constructor.
import type { DiagnosticCode } from '../core/diagnostic-codes';
import { diagnostic } from '../core/diagnostics';
import type { Diagnostic, Severity, Span } from '../core/types';

export class Diags {
  readonly list: Diagnostic[] = [];

  add(severity: Severity, code: DiagnosticCode, message: string, span: Span): void {
    this.list.push(diagnostic(severity, code, message, span));
  }
  error(code: DiagnosticCode, message: string, span: Span): void {
    this.add('error', code, message, span);
  }
  warning(code: DiagnosticCode, message: string, span: Span): void {
    this.add('warning', code, message, span);
  }
  info(code: DiagnosticCode, message: string, span: Span): void {
    this.add('info', code, message, span);
  }
  hint(code: DiagnosticCode, message: string, span: Span): void {
    this.add('hint', code, message, span);
  }
}
