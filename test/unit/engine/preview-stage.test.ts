// The extension's preview (EvaluateOptions.preview): the first stage's rows, completed in place by complete(), equal
// a one-pass evaluation exactly — rows, accounts, diagnostics and work steps — on every example file.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { evaluateFile } from '../../../src/engine/evaluate/evaluate-file';
import { positionFiles, ROOT } from './example-files';

const NOW = Date.parse('2026-11-24T07:00:00Z');


describe('two-stage evaluation (preview, then complete)', () => {
  const files = positionFiles();

  it('finds the example files', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it.each(files.map((f) => [f.slice(ROOT.length + 1), f]))('%s: complete() gives the one-pass evaluation', (name, absPath) => {
    const source = { path: name, absPath, text: readFileSync(absPath, 'utf8') };
    const one = evaluateFile(source, { now: NOW });
    const first = evaluateFile(source, { now: NOW, preview: true });
    expect(first.rows.map((r) => [r.id, r.status, r.liquidationPrice])).toEqual(one.rows.map((r) => [r.id, r.status, r.liquidationPrice]));
    expect(first.rows.every((r) => r.fix === null)).toBe(true);
    if (!first.complete) {
      expect(first).toEqual(one); // not read or failed: no second stage
      return;
    }
    const done = first.complete();
    expect(JSON.stringify(done.rows)).toBe(JSON.stringify(one.rows));
    expect(done.accounts).toEqual(one.accounts);
    expect(done.file).toEqual(one.file);
    expect(done.steps).toEqual(one.steps);
  });
});
