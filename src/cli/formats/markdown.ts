import type { Report } from '../../engine/evaluate/report';
import { fileTimesOf } from '../../engine/evaluate/evaluate-file';
import { markdownReport } from '../../presentation/markdown-report';

export function formatMarkdown(report: Report): string {
  return markdownReport(report, fileTimesOf(report));
}
