// SARIF 2.1.0 for code-scanning UIs: every diagnostic, plus every position at watch or worse, plus every unknown
// position as a warning with its reason (issue 14: a row that could not be evaluated is never silent).
import type { FileReport, Report, ResultRow } from '../../engine/evaluate/report';
import type { Severity, Status } from '../../engine/core/types';
import { STATUS_ORDER } from '../../engine/core/types';
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

export interface SarifResult {
  ruleId: string;
  [key: string]: unknown;
}

export function diagnosticResults(f: FileReport): SarifResult[] {
  return f.diagnostics.map((d) => ({
    ruleId: d.code,
    level: LEVEL[d.severity],
    message: { text: messageText(d.message) },
    locations: [location(f.path, d.line, d.column, d.endLine, d.endColumn)],
  }));
}

/** The result of a position at watch or worse; null for the others. */
export function rowResult(r: ResultRow): SarifResult | null {
  if (!(r.status in ROW_LEVEL)) return null;
  return {
    ruleId: `position-${r.status}`,
    level: ROW_LEVEL[r.status],
    message: { text: rowMessage(r) },
    locations: [location(r.file, r.line, r.column)],
    properties: { liquidationPrice: r.liquidationPrice, distance: r.distance, liquidationProbability: r.liquidationProbability },
  };
}

/** Rule ids in first-use order: the diagnostics' codes (file order), then the row statuses present, in row order. */
export function sarifRuleIds(files: FileReport[], statusesPresent: (s: Status) => boolean): string[] {
  const ids = files.flatMap((f) => f.diagnostics.map((d) => d.code));
  for (const s of STATUS_ORDER) if (s in ROW_LEVEL && statusesPresent(s)) ids.push(`position-${s}`);
  return [...new Set(ids)];
}

export function sarifLog(version: string, ruleIds: string[], results: unknown[]) {
  const rules = ruleIds.map((id) => ({ id }));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{ tool: { driver: { name: 'liquidation-lens', version, informationUri: 'https://github.com/liquidation-lens/liquidation-lens', rules } }, results }],
  };
}

export function formatSarif(report: Report, version: string): string {
  const results = [
    ...report.files.flatMap(diagnosticResults),
    ...report.positions.map(rowResult).filter((r): r is SarifResult => r !== null),
  ];
  return JSON.stringify(sarifLog(version, [...new Set(results.map((r) => r.ruleId))], results), null, 2) + '\n';
}
