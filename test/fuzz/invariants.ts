// What must hold for any input: no exception escapes (an `internal-error` diagnostic is a caught one), every
// diagnostic and row points inside the file it is on, and the file's counted steps stay within the stated work budget
// (README "Limits": characters + 2·rows + the fix budget, plus characters + 2,000,000 for YAML).
import { evaluate, evaluateFile, type FileEvaluation } from '../../src/engine/evaluate/evaluate-file';
import { workBudget } from '../../src/engine/evaluate/file-context';

export const NOW = Date.parse('2026-11-24T07:00:00Z');

export function evaluateText(path: string, text: string, stress = false): FileEvaluation {
  const source = { path, absPath: `/fuzz/${path}`, text };
  if (stress) evaluate([source], { now: NOW, stress: true, readFile: () => undefined });
  return evaluateFile(source, { now: NOW, readFile: () => undefined });
}

interface Located {
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

function lineLengths(text: string): number[] {
  return text.split(/\r\n|\r|\n/).map((l) => l.length);
}

function checkRange(where: string, r: Located, lengths: number[]): string | null {
  const ok = (line: number, col: number): boolean => Number.isInteger(line) && Number.isInteger(col) && line >= 1 && line <= lengths.length && col >= 1 && col <= lengths[line - 1]! + 2;
  if (!ok(r.line, r.column)) return `${where} starts outside the file at ${r.line}:${r.column}`;
  if (r.endLine === undefined || r.endColumn === undefined) return null;
  if (!ok(r.endLine, r.endColumn)) return `${where} ends outside the file at ${r.endLine}:${r.endColumn}`;
  if (r.endLine < r.line || (r.endLine === r.line && r.endColumn < r.column)) return `${where} ends before it starts`;
  return null;
}

/** The problems of one evaluation, empty when every invariant holds. */
export function violations(text: string, e: FileEvaluation): string[] {
  const lengths = lineLengths(text.startsWith('\uFEFF') ? text.slice(1) : text);
  const out: string[] = [];
  for (const d of e.file.diagnostics) {
    if (d.code === 'internal-error') out.push(`internal error: ${d.message}`);
    const bad = checkRange(`diagnostic ${d.code}`, d, lengths);
    if (bad) out.push(bad);
    if (typeof d.message !== 'string' || d.message.length === 0) out.push(`diagnostic ${d.code} has no message`);
  }
  for (const r of e.rows) {
    const bad = checkRange(`row ${r.id}`, r, lengths);
    if (bad) out.push(bad);
  }
  const bad = overBudget(text, e);
  if (bad) out.push(bad);
  return out;
}

/** Null when the evaluation counted its steps and they are within workBudget (README "Limits"). */
export function overBudget(text: string, e: FileEvaluation): string | null {
  if (!e.steps) return e.file.diagnostics.some((d) => d.code === 'internal-error') ? null : 'the evaluation counted no steps';
  const { read, evaluate } = e.steps;
  if (!Number.isInteger(read) || !Number.isInteger(evaluate) || read < 0 || evaluate < 0) return `steps are not counts: ${read} + ${evaluate}`;
  const budget = workBudget({ characters: text.length, rows: e.rows.length, yaml: e.file.format === 'yaml' });
  return read + evaluate <= budget ? null : `${read} read + ${evaluate} evaluation steps exceed the budget of ${budget} (${text.length} characters, ${e.rows.length} rows)`;
}
