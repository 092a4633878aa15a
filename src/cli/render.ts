import type { Report } from '../engine/evaluate/report';
import type { OutputFormat } from './args';
import { formatTable } from './formats/table';
import { formatMarkdown } from './formats/markdown';
import { formatSarif } from './formats/sarif';

export function render(report: Report, format: OutputFormat, version: string): string {
  switch (format) {
    case 'json': return JSON.stringify(report, null, 2) + '\n';
    case 'markdown': return formatMarkdown(report);
    case 'sarif': return formatSarif(report, version);
    case 'table': return formatTable(report);
  }
}
