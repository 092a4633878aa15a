import type { Report } from '../../engine/evaluate/report';

/** `path:line:col: severity code: message`, the form editors and CI logs link. */
export function diagnosticLines(report: Report): string[] {
  return report.files.flatMap((f) =>
    f.diagnostics.map((d) => `${f.path}:${d.line}:${d.column}: ${d.severity} ${d.code}: ${d.message}`),
  );
}
