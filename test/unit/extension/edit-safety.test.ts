// The pure parts of safe edits: the stale check, Apply's confirmation text, Quick Fixes from engine suggestions.
import { describe, expect, it } from 'vitest';
import { basisOf, isStale, STALE_FIX_MESSAGE } from '../../../src/extension/edit-safety';
import { confirmationMessage, valueChanges } from '../../../src/extension/fix-confirmation';
import { suggestionFor } from '../../../src/extension/suggestion-fixes';
import { fileDiagnosticSpec } from '../../../src/extension/problems';
import type { Diagnostic } from '../../../src/engine/core/types';
import type { TextEdit } from '../../../src/engine/fix/fix-edits';

describe('a fix applies only to the text it was computed on', () => {
  const text = 'walletBalance: "25000"\n';
  it('same text and version: fresh', () => {
    expect(isStale(basisOf(text, 3), { text, version: 3 })).toBe(false);
    expect(isStale(basisOf(text), { text, version: 7 })).toBe(false); // file not open when computed: the hash decides
  });
  it('a new version or any changed byte: stale', () => {
    expect(isStale(basisOf(text, 3), { text, version: 4 })).toBe(true);
    expect(isStale(basisOf(text), { text: text.replace('\n', '\r\n'), version: null })).toBe(true);
    expect(isStale(basisOf(text), { text: text + ' ', version: null })).toBe(true);
  });
  it('says why and what happens', () => {
    expect(STALE_FIX_MESSAGE).toContain('the file changed since this fix was computed; it is being re-evaluated — try again');
  });
});

describe("Apply's confirmation names the file, the value and the new value", () => {
  it('one value', () => {
    const text = 'account: desk\nwalletBalance: "25000"   # wallet\n';
    const offset = text.indexOf('"25000"');
    const edits = [{ offset, length: 7, newText: '"28908.53"', field: 'walletBalance' }] as TextEdit[];
    expect(confirmationMessage('Add 3,908.53 USDT margin', valueChanges(text, edits), 'examples/desk.positions.yaml'))
      .toBe('Add 3,908.53 USDT margin: walletBalance "25000" → "28908.53" in desk.positions.yaml?');
  });
  it('two values in file order, plain and single-quoted', () => {
    const text = "size: '2'\nwalletBalance: 100\n";
    const edits = [
      { offset: text.indexOf('100'), length: 3, newText: '90.5', field: 'walletBalance' },
      { offset: 6, length: 3, newText: "'1.5'", field: 'size' },
    ] as TextEdit[];
    expect(confirmationMessage('Reduce size by 0.5 BTCUSDT', valueChanges(text, edits), 'C:\\desk\\a.positions.yaml'))
      .toBe('Reduce size by 0.5 BTCUSDT: size "2" → "1.5", walletBalance "100" → "90.5" in a.positions.yaml?');
  });
  it('file strings in it are inert and short', () => {
    const msg = confirmationMessage('Add 1 X', [{ field: `\u001b[31m${'W'.repeat(500)}`, from: '1', to: '2' }], `evil\r\n::error::x.positions.yaml`);
    expect(msg).not.toMatch(/[\u0000-\u001f]/);
    expect(msg.length).toBeLessThan(300);
  });
});

describe('Quick Fixes from engine suggestions', () => {
  const typo: Diagnostic = {
    severity: 'warning', code: 'unknown-key', message: 'unknown key "entryPrise"; did you mean entryPrice?',
    line: 5, column: 5, endLine: 5, endColumn: 15, suggestion: { title: 'Replace with "entryPrice"', replacement: 'entryPrice' },
  };
  const problemOf = (d: Diagnostic) => {
    const s = fileDiagnosticSpec(d);
    return { code: s.code, message: s.message, startLine: s.startLine, startCharacter: s.startCharacter };
  };

  it('finds the suggestion behind a Problem and replaces exactly its range', () => {
    const other: Diagnostic = { ...typo, message: 'something else', suggestion: undefined };
    const fix = suggestionFor({ dialect: 'native', diagnostics: [other, typo] }, problemOf(typo));
    expect(fix).toEqual({ title: 'Replace with "entryPrice"', replacement: 'entryPrice', startLine: 4, startCharacter: 4, endLine: 4, endCharacter: 14 });
  });

  it('none for a diagnostic without a suggestion, another Problem, or a dump of another tool', () => {
    expect(suggestionFor({ dialect: 'native', diagnostics: [{ ...typo, suggestion: undefined }] }, problemOf(typo))).toBeNull();
    expect(suggestionFor({ dialect: 'native', diagnostics: [typo] }, { ...problemOf(typo), startLine: 9 })).toBeNull();
    expect(suggestionFor({ dialect: 'ccxt', diagnostics: [typo] }, problemOf(typo))).toBeNull();
  });

  it('a comma-split number: the replacement spans the whole written value', () => {
    const split: Diagnostic = { severity: 'error', code: 'invalid-number', message: 'a number split by a comma', line: 2, column: 28, endLine: 2, endColumn: 34, suggestion: { title: 'Replace with "94500"', replacement: '"94500"' } };
    expect(suggestionFor({ dialect: null, diagnostics: [split] }, problemOf(split))).toMatchObject({ replacement: '"94500"', startLine: 1, startCharacter: 27, endCharacter: 33 });
  });

  it('titles from file text are inert', () => {
    const evil = { ...typo, suggestion: { title: 'Replace with "\u001b]8;;javascript:alert(1)\u0007x"', replacement: 'x' } };
    expect(suggestionFor({ dialect: 'native', diagnostics: [evil] }, problemOf(evil))!.title).not.toMatch(/[\u0000-\u001f]/);
  });
});
