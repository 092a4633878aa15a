// The listing stage (listed-rows.ts): on every example file (and the bench's generated books) the rows as read have
// the evaluated rows' keys, places and order, and the file's own fields (symbol, side, size, entry, mark) as the
// evaluation prints them; every computed figure is null.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error: a plain ES module of the bench (no types)
import { writeBook } from '../../../bench/generate-book.mjs';
import { evaluateFile } from '../../../src/engine/evaluate/evaluate-file';
import { positionFiles, ROOT } from './example-files';
import { LISTED_REASON, listedRows } from '../../../src/engine/evaluate/listed-rows';
import { parseFile } from '../../../src/engine/parse';
import { resolveSettings } from '../../../src/engine/core/settings';

const NOW = Date.parse('2026-11-24T07:00:00Z');
const place = (r: { file: string; line: number; column: number; id: string; kind: string; account: string | null; venue: string | null }) =>
  [r.file, r.line, r.column, r.id, r.kind, r.account, r.venue];

describe('listed rows (the file as read, before evaluation)', () => {
  const books = mkdtempSync(join(tmpdir(), 'll-listed-'));
  afterAll(() => rmSync(books, { recursive: true, force: true }));
  for (const shape of ['isolated', 'thin-cross', 'fat-cross']) {
    for (const format of ['json', 'yaml', 'csv']) writeBook(join(books, `${shape}-${format}`), { shape, positions: 60, perFile: 30, format });
  }
  const files = [...positionFiles(), ...positionFiles(books)];

  it.each(files.map((f) => [f.startsWith(ROOT) ? f.slice(ROOT.length + 1) : f.slice(books.length + 1), f]))('%s: same rows, keys and places as the evaluation', (name, absPath) => {
    const text = readFileSync(absPath, 'utf8');
    const evaluated = evaluateFile({ path: name, absPath, text }, { now: NOW });
    const parsed = parseFile(name, text);
    const listed = listedRows(name, parsed, resolveSettings(undefined, parsed.risk, undefined).horizon);
    expect(listed.map(place)).toEqual(evaluated.rows.map(place));
    for (const [i, row] of listed.entries()) {
      const full = evaluated.rows[i]!;
      expect(row.status).toBe('unknown');
      expect(row.reason).toBe(LISTED_REASON);
      expect(row.horizon).toBe(full.horizon);
      expect([row.liquidationPrice, row.distance, row.liquidationProbability, row.fix, row.marginRatio, row.healthFactor]).toEqual([null, null, null, null, null, null]);
      if (row.kind === 'perp' && full.status !== 'unknown') {
        expect([row.symbol, row.side, row.size, row.entryPrice, row.marginMode]).toEqual([full.symbol, full.side, full.size, full.entryPrice, full.marginMode]);
        if (full.liquidationPriceSource !== 'reported') expect(row.markPrice).toBe(full.markPrice);
      }
    }
  });
});
