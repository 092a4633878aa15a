// The report written from its frame (files, summary, stress) and the sorted row records, each row's text read back
// from the spool: byte for byte what render() prints for the whole report. JSON and SARIF are streamed (never the
// output, or every row, as one string); the human formats (table, markdown) are handed whole to their formatters.
import type { OutputFormat } from './args';
import type { RowRecord } from './row-record';
import { JSON_ROW_DEPTH, SARIF_RESULT_DEPTH, nestedJson } from './row-record';
import type { Spool } from './spool';
import type { OutputSink } from './output-sink';
import { diagnosticResults, sarifLog, sarifRuleIds } from './formats/sarif';
import { render } from './render';
import { setFileTimes } from '../engine/evaluate/evaluate-file';
import type { Report, ResultRow } from '../engine/evaluate/report';

/** The report without its rows: what the output knows before and after the rows. */
/** The report without its rows; `times`: each file's evaluation time (ISO), printed by the table and markdown. */
export type ReportFrame = Omit<Report, 'positions'> & { times?: Record<string, string> };

const MARKER = '@@liquidation-lens-rows@@';

/** Splits `JSON.stringify(template, null, 2)` around the one-element array holding MARKER, `depth` levels deep. */
export function splitTemplate(text: string, depth: number): { head: string; tail: string } {
  const at = text.indexOf(`"${MARKER}"`);
  const lineStart = text.lastIndexOf('\n', at) + 1;
  if (at < 0 || text.slice(lineStart, at) !== '  '.repeat(depth)) throw new Error('output template: marker not found at the expected depth');
  return { head: text.slice(0, lineStart), tail: text.slice(at + MARKER.length + 2) };
}

export interface StreamInput {
  format: OutputFormat;
  frame: ReportFrame;
  records: RowRecord[];
  spools: Spool[];
  version: string;
}

async function put(sink: OutputSink, s: string | Uint8Array): Promise<void> {
  const p = sink.write(s);
  if (p) await p;
}

/** Writes the rows that print, in order, separated by `sep` (their bytes as the spool keeps them). */
async function rows(sink: OutputSink, input: StreamInput, first: boolean, sep: string): Promise<boolean> {
  for (const r of input.records) {
    if (r.length < 0) continue;
    if (!first) {
      const p = sink.write(sep);
      if (p) await p;
    }
    const p = sink.write(input.spools[r.spool]!.bytes(r.offset, r.length));
    if (p) await p;
    first = false;
  }
  return first;
}

export async function writeReport(sink: OutputSink, input: StreamInput): Promise<void> {
  const { frame, records, format } = input;
  if (format === 'json') {
    const whole = (positions: unknown[]) => JSON.stringify({ version: frame.version, now: frame.now, files: frame.files, positions, accounts: frame.accounts, summary: frame.summary, ...(frame.stress ? { stress: frame.stress } : {}) }, null, 2) + '\n';
    if (!records.length) return put(sink, whole([])).then(() => sink.flush());
    const { head, tail } = splitTemplate(whole([MARKER]), JSON_ROW_DEPTH);
    await put(sink, head);
    await rows(sink, input, true, ',\n');
    await put(sink, tail);
  } else if (format === 'sarif') {
    const byStatus = frame.summary.byStatus;
    const ruleIds = sarifRuleIds(frame.files, (s) => byStatus[s] > 0);
    const diagnostics = frame.files.flatMap(diagnosticResults);
    const rowsPrint = records.some((r) => r.length >= 0);
    if (!diagnostics.length && !rowsPrint) return put(sink, JSON.stringify(sarifLog(input.version, ruleIds, []), null, 2) + '\n').then(() => sink.flush());
    const { head, tail } = splitTemplate(JSON.stringify(sarifLog(input.version, ruleIds, [MARKER]), null, 2) + '\n', SARIF_RESULT_DEPTH);
    await put(sink, head);
    let first = true;
    for (const d of diagnostics) {
      await put(sink, (first ? '' : ',\n') + nestedJson(d, SARIF_RESULT_DEPTH));
      first = false;
    }
    await rows(sink, input, first, ',\n');
    await put(sink, tail);
  } else {
    const positions: ResultRow[] = records.map((r) => JSON.parse(input.spools[r.spool]!.read(r.offset, r.length)) as ResultRow);
    const report: Report = { version: frame.version, now: frame.now, files: frame.files, positions, accounts: frame.accounts, summary: frame.summary, ...(frame.stress ? { stress: frame.stress } : {}) };
    if (frame.times) setFileTimes(report, frame.times);
    await put(sink, render(report, format, input.version));
  }
  await sink.flush();
}
