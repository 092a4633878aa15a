// History files (docs/format.md §3.1): CSV `time,open,high,low,close[,volume]`, oldest first, regular bars.
// Pure: takes the file text, returns bars + diagnostics on exact cells (1-based, UTF-16 columns, end exclusive).
// The messages never quote the file's content: they are shown on the position file that refers to it (issue 13).

import type { Diagnostic } from '../core/types';
import type { DiagnosticCode } from '../core/diagnostic-codes';
import { diagnostic } from '../core/diagnostics';
import { parseTime } from '../core/time';

export interface Bar {
  /** Unix milliseconds. */
  time: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number | null;
  /** 1-based source line. */
  line: number;
}

/** A history problem, located in the history file (the engine's Diagnostic shape). */
export type HistoryDiagnostic = Diagnostic;

export interface ParsedHistory {
  bars: Bar[];
  /** Inferred bar length (the most frequent spacing); null with fewer than two bars. */
  barSeconds: number | null;
  diagnostics: HistoryDiagnostic[];
}

interface Cell {
  text: string;
  column: number; // 1-based start
  endColumn: number; // exclusive
}

const COLUMNS = ['time', 'open', 'high', 'low', 'close'] as const;
const NUMBER_RE = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

function splitCells(line: string): Cell[] {
  const cells: Cell[] = [];
  let start = 0;
  for (let i = 0; i <= line.length; i++) {
    if (i === line.length || line[i] === ',') {
      const raw = line.slice(start, i);
      const lead = raw.length - raw.trimStart().length;
      let text = raw.trim();
      let col = start + lead + 1;
      const end = col + text.length;
      if (text.length >= 2 && text.startsWith('"') && text.endsWith('"')) {
        text = text.slice(1, -1).trim();
        col += 1;
      }
      cells.push({ text, column: col, endColumn: Math.max(end, col) });
      start = i + 1;
    }
  }
  return cells;
}

function diag(severity: HistoryDiagnostic['severity'], code: DiagnosticCode, message: string, line: number, c: { column: number; endColumn: number }): HistoryDiagnostic {
  return diagnostic(severity, code, message, { line, column: c.column, endLine: line, endColumn: c.endColumn });
}

function parseHeader(cells: Cell[], line: number, diagnostics: HistoryDiagnostic[]): boolean {
  const names = cells.map((c) => c.text.toLowerCase());
  const ok = (names.length === 5 || names.length === 6) && COLUMNS.every((n, i) => names[i] === n) &&
    (names.length === 5 || names[5] === 'volume');
  if (!ok) {
    const first = cells[0] ?? { column: 1, endColumn: 1 };
    const last = cells[cells.length - 1] ?? first;
    diagnostics.push(diag('error', 'history-header', `History header does not have the expected columns: it must be time,open,high,low,close[,volume] (found ${names.length} column(s)).`, line, { column: first.column, endColumn: last.endColumn }));
  }
  return ok;
}

function parseRow(cells: Cell[], width: number, line: number, diagnostics: HistoryDiagnostic[]): Bar | null {
  if (cells.length !== width) {
    const first = cells[0] ?? { column: 1, endColumn: 1 };
    const last = cells[cells.length - 1] ?? first;
    diagnostics.push(diag('error', 'history-column-count', `Row has ${cells.length} columns, the header has ${width}.`, line, { column: first.column, endColumn: last.endColumn }));
    return null;
  }
  const timeCell = cells[0] as Cell;
  const time = parseTime(timeCell.text, 'history');
  if (time === null) {
    diagnostics.push(diag('error', 'history-bad-time', 'The time is not an ISO-8601 time or Unix seconds/milliseconds.', line, timeCell));
    return null;
  }
  const values: number[] = [];
  for (let i = 1; i < width; i++) {
    const cell = cells[i] as Cell;
    const isVolume = i === 5;
    if (isVolume && cell.text === '') {
      values.push(Number.NaN);
      continue;
    }
    const v = NUMBER_RE.test(cell.text) ? Number(cell.text) : Number.NaN;
    if (!Number.isFinite(v) || (isVolume ? v < 0 : !(v > 0))) {
      diagnostics.push(diag('error', 'history-bad-number', `${isVolume ? 'volume' : COLUMNS[i]} is not a ${isVolume ? 'non-negative' : 'positive'} finite number.`, line, cell));
      return null;
    }
    values.push(v);
  }
  const [open, high, low, close, vol] = values as [number, number, number, number, number | undefined];
  if (high < Math.max(open, close, low) || low > Math.min(open, close)) {
    const from = cells[1] as Cell;
    const to = cells[4] as Cell;
    diagnostics.push(diag('error', 'history-ohlc-inconsistent', 'high and low do not bracket open and close.', line, { column: from.column, endColumn: to.endColumn }));
    return null;
  }
  return { time, open, high, low, close, volume: vol === undefined || Number.isNaN(vol) ? null : vol, line };
}

function modeSpacing(bars: Bar[]): number | null {
  const counts = new Map<number, number>();
  for (let i = 1; i < bars.length; i++) {
    const d = (bars[i] as Bar).time - (bars[i - 1] as Bar).time;
    if (d > 0) counts.set(d, (counts.get(d) ?? 0) + 1);
  }
  let best: number | null = null;
  let bestCount = 0;
  for (const [d, c] of counts) {
    if (c > bestCount || (c === bestCount && best !== null && d < best)) {
      best = d;
      bestCount = c;
    }
  }
  return best;
}

function checkSpacing(bars: Bar[], barMs: number, lines: Map<number, Cell[]>, diagnostics: HistoryDiagnostic[]): void {
  for (let i = 1; i < bars.length; i++) {
    const bar = bars[i] as Bar;
    const d = bar.time - (bars[i - 1] as Bar).time;
    if (d === barMs) continue;
    const cell = (lines.get(bar.line) as Cell[])[0] as Cell;
    const multiple = d % barMs === 0;
    diagnostics.push(diag('warning', multiple ? 'history-gap' : 'history-irregular',
      multiple ? `${d / barMs - 1} missing bar(s) before this one (bar length ${barMs / 1000} s).`
        : `Spacing ${d / 1000} s is not a multiple of the bar length ${barMs / 1000} s.`, bar.line, cell));
  }
}

/** Parses a history CSV. Never throws; every problem is a diagnostic on its cell. */
export function parseHistory(text: string): ParsedHistory {
  const diagnostics: HistoryDiagnostic[] = [];
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rawLines = src.split(/\r\n|\n|\r/);
  const bars: Bar[] = [];
  const cellsByLine = new Map<number, Cell[]>();
  let width = 0;
  for (let i = 0; i < rawLines.length; i++) {
    const raw = rawLines[i] as string;
    const line = i + 1;
    if (raw.trim() === '' || raw.trimStart().startsWith('#')) continue;
    const cells = splitCells(raw);
    // the BOM is not a UTF-16 column of the visible text; shift only the first line
    if (i === 0 && src !== text) for (const c of cells) { c.column += 1; c.endColumn += 1; }
    if (width === 0) {
      if (!parseHeader(cells, line, diagnostics)) return { bars: [], barSeconds: null, diagnostics };
      width = cells.length;
      continue;
    }
    const bar = parseRow(cells, width, line, diagnostics);
    if (bar === null) continue;
    const prev = bars[bars.length - 1];
    if (prev !== undefined && bar.time <= prev.time) {
      diagnostics.push(diag('error', 'history-order', 'Bar time is not after the previous bar (bars must be oldest first).', line, cells[0] as Cell));
      continue;
    }
    cellsByLine.set(line, cells);
    bars.push(bar);
  }
  if (width === 0) {
    diagnostics.push(diagnostic('error', 'history-header', 'History file is empty: header time,open,high,low,close[,volume] expected.'));
    return { bars, barSeconds: null, diagnostics };
  }
  if (bars.length === 0) {
    diagnostics.push(diagnostic('error', 'history-empty', 'History file has no valid bars.'));
  }
  const barMs = modeSpacing(bars);
  if (barMs !== null) checkSpacing(bars, barMs, cellsByLine, diagnostics);
  return { bars, barSeconds: barMs === null ? null : barMs / 1000, diagnostics };
}
