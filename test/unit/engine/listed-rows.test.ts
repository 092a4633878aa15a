// The listing stage (listed-rows.ts): on every example file (and the bench's generated books) the rows as read have
// the evaluated rows' keys, places and order, and the file's own fields (symbol, side, size, entry, mark) as the
// evaluation prints them; every computed figure is null.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { evaluateFile } from '../../../src/engine/evaluate/evaluate-file';
import { LISTED_REASON, listedRows } from '../../../src/engine/evaluate/listed-rows';
import { parseFile } from '../../../src/engine/parse';
import { resolveSettings } from '../../../src/engine/core/settings';

const ROOT = resolve(__dirname, '../../..');
const NOW = Date.parse('2026-11-24T07:00:00Z');

function positionFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return positionFiles(p);
    return /\.positions\.(json|ya?ml|csv)$/.test(name) ? [p] : [];
  });
}

const place = (r: { file: string; line: number; column: number; id: string; kind: string; account: string | null; venue: string | null }) =>
  [r.file, r.line, r.column, r.id, r.kind, r.account, r.venue];

describe('listed rows (the file as read, before evaluation)', () => {
  const files = positionFiles(join(ROOT, 'examples'));

  it.each(files.map((f) => [f.slice(ROOT.length + 1), f]))('%s: same rows, keys and places as the evaluation', (name, absPath) => {
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
