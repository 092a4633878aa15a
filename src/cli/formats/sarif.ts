// SARIF 2.1.0 for code-scanning UIs: every diagnostic, plus every position at watch or worse, plus every unknown
// position as a warning with its reason (issue 14: a row that could not be evaluated is never silent).
import type { Report, ResultRow } from '../../engine/evaluate/report';
import type { Severity } from '../../engine/core/types';
import { messageText, nameText } from '../../presentation/inert-text';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };
const ROW_LEVEL: Record<string, 'error' | 'warning' | 'note'> = { liquidatable: 'error', critical: 'error', warning: 'warning', watch: 'note', unknown: 'warning' };

function location(uri: string, line: number, column: number, endLine?: number, endColumn?: number) {
  return {
    physicalLocation: {
      artifactLocation: { uri },
      region: { startLine: line, startColumn: column, ...(endLine ? { endLine, endColumn } : {}) },
    },
  };
}

/** Message texts are inert (inert-text.ts): code-scanning UIs and tools that print SARIF to a CI log show them. */
function rowMessage(r: ResultRow): string {
  const who = `${nameText(r.id)} (${nameText(r.symbol ?? '?')})`;
  if (r.status === 'unknown') return `${who} could not be evaluated (unknown, not safe): ${messageText(r.reason ?? 'not enough input')}`;
  return `${who} is ${r.status}: ${messageText(r.reason)}`;
}

export function formatSarif(report: Report, version: string): string {
  const results = [
    ...report.files.flatMap((f) =>
      f.diagnostics.map((d) => ({
        ruleId: d.code,
        level: LEVEL[d.severity],
        message: { text: messageText(d.message) },
        locations: [location(f.path, d.line, d.column, d.endLine, d.endColumn)],
      })),
    ),
    ...report.positions
      .filter((r) => r.status in ROW_LEVEL)
      .map((r) => ({
        ruleId: `position-${r.status}`,
        level: ROW_LEVEL[r.status],
        message: { text: rowMessage(r) },
        locations: [location(r.file, r.line, r.column)],
        properties: { liquidationPrice: r.liquidationPrice, distance: r.distance, liquidationProbability: r.liquidationProbability },
      })),
  ];
  const rules = [...new Set(results.map((r) => r.ruleId))].map((id) => ({ id }));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{ tool: { driver: { name: 'liquidation-lens', version, informationUri: 'https://github.com/liquidation-lens/liquidation-lens', rules } }, results }],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}
