// A row as the main thread keeps it for the global sort (docs/results.md §2 order): its sort keys and where its text waits.
// The sort gives exactly compareRows' order, stable in file and row order, without building a Decimal per compare.
import type { ResultRow } from '../engine/evaluate/report';
import type { Status } from '../engine/core/types';
import { STATUS_ORDER } from '../engine/core/types';
import { Dec } from '../engine/core/decimal';
import type { OutputFormat } from './args';
import { rowResult } from './formats/sarif';

export interface RowRecord {
  status: Status;
  rank: number;
  /** Distance as a float (monotone in the exact value; ties are settled on `distance`); Infinity when null. */
  dist: number;
  distance: string | null;
  file: string;
  line: number;
  column: number;
  fileIndex: number;
  rowIndex: number;
  /** Where the row's text is: spool id, byte offset, byte length (length -1: the row prints nothing, e.g. SARIF safe). */
  spool: number;
  offset: number;
  length: number;
}

/** Depth of a row inside the JSON report (report → positions → row) and of a result in SARIF (log → runs → run → results → result). */
export const JSON_ROW_DEPTH = 2;
export const SARIF_RESULT_DEPTH = 4;

/** JSON.stringify(value, null, 2) as it reads nested `depth` levels deep, with that level's leading indentation. */
export function nestedJson(value: unknown, depth: number): string {
  // `value` wrapped in `depth` one-element arrays prints at exactly that depth: cut the wrappers' brackets (d² + d
  // characters each side: "[\n", "  [\n", …) instead of re-indenting every line with a replace.
  let wrapped = value;
  for (let i = 0; i < depth; i++) wrapped = [wrapped];
  const text = JSON.stringify(wrapped, null, 2);
  const cut = depth * depth + depth;
  return text.slice(cut, text.length - cut);
}

/** The row's text in the output format (what the spool keeps); null when the row prints nothing. */
export function rowText(row: ResultRow, format: OutputFormat): string | null {
  switch (format) {
    case 'json': return nestedJson(row, JSON_ROW_DEPTH);
    case 'sarif': {
      const r = rowResult(row);
      return r === null ? null : nestedJson(r, SARIF_RESULT_DEPTH);
    }
    // The human formats are rendered whole by their own formatters (src/cli/render.ts): the spool keeps the row.
    case 'markdown': case 'table': return JSON.stringify(row);
  }
}

export function recordOf(row: ResultRow, fileIndex: number, rowIndex: number): RowRecord {
  return {
    status: row.status, rank: STATUS_ORDER.indexOf(row.status),
    dist: row.distance === null ? Infinity : Number(row.distance), distance: row.distance,
    file: row.file, line: row.line, column: row.column, fileIndex, rowIndex, spool: -1, offset: 0, length: -1,
  };
}

function byDistance(a: RowRecord, b: RowRecord): number {
  if (a.distance === null || b.distance === null) return a.distance === b.distance ? 0 : a.distance === null ? 1 : -1;
  if (a.dist !== b.dist) return a.dist < b.dist ? -1 : 1;
  return new Dec(a.distance).comparedTo(new Dec(b.distance));
}

export function compareRecords(a: RowRecord, b: RowRecord): number {
  return (
    a.rank - b.rank ||
    byDistance(a, b) ||
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    a.line - b.line ||
    a.column - b.column ||
    a.fileIndex - b.fileIndex ||
    a.rowIndex - b.rowIndex
  );
}
