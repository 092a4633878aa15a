import { expect } from 'vitest';
import { parseFile } from '../../../src/engine/parse/index';
import type { Diagnostic, LendingAccount, ParsedFile, PerpAccount } from '../../../src/engine/core/types';

export function parse(path: string, text: string, opts?: Parameters<typeof parseFile>[2]): ParsedFile {
  return parseFile(path, text, opts);
}

export function diag(r: ParsedFile, code: string): Diagnostic {
  const d = r.diagnostics.find((x) => x.code === code);
  expect(d, `diagnostic ${code} in ${JSON.stringify(r.diagnostics.map((x) => x.code))}`).toBeDefined();
  return d!;
}

export function codes(r: ParsedFile): string[] {
  return r.diagnostics.map((d) => d.code);
}

/** line:column-endColumn of a diagnostic. */
export function where(d: { line: number; column: number; endLine: number; endColumn: number }): string {
  return d.endLine === d.line ? `${d.line}:${d.column}-${d.endColumn}` : `${d.line}:${d.column}-${d.endLine}:${d.endColumn}`;
}

export function perp(r: ParsedFile, i = 0): PerpAccount {
  const a = r.accounts[i];
  expect(a?.kind).toBe('perp');
  return a as PerpAccount;
}

export function lending(r: ParsedFile, i = 0): LendingAccount {
  const a = r.accounts[i];
  expect(a?.kind).toBe('lending');
  return a as LendingAccount;
}

/** Position (1-based line, column) of the first occurrence of `needle` in `text` (after `after`, if given). */
export function locate(text: string, needle: string, after = ''): { line: number; column: number; endColumn: number } {
  const start = after ? text.indexOf(after) : 0;
  const at = text.indexOf(needle, start);
  expect(at, `"${needle}" in text`).toBeGreaterThanOrEqual(0);
  const before = text.slice(0, at).replace(/^\uFEFF/, '');
  const lines = before.split(/\r\n|\n|\r/);
  const column = lines[lines.length - 1]!.length + 1;
  return { line: lines.length, column, endColumn: column + needle.length };
}

export function at(text: string, needle: string, after = ''): string {
  const p = locate(text, needle, after);
  return `${p.line}:${p.column}-${p.endColumn}`;
}
