// Issue 13 item 3: limits that are stated (README "Limits") and tested; odd numbers and duplicate keys located.
import { describe, expect, it } from 'vitest';
import { parseFile } from '../../../src/engine/parse/index';
import { MAX_FILE_BYTES, MAX_POSITIONS, MAX_YAML_BYTES } from '../../../src/engine/core/limits';
import type { ParsedFile } from '../../../src/engine/core/types';

const where = (d: { line: number; column: number; endColumn: number }) => `${d.line}:${d.column}-${d.endColumn}`;
function at(text: string, needle: string, from = 0): string {
  const i = text.indexOf(needle, from);
  expect(i).toBeGreaterThanOrEqual(0);
  const before = text.slice(0, i).split('\n');
  const col = before[before.length - 1]!.length + 1;
  return `${before.length}:${col}-${col + needle.length}`;
}
const errorsAt = (r: ParsedFile, span: string) => r.diagnostics.filter((d) => where(d) === span && d.severity !== 'info');

describe('size and row limits', () => {
  it('a file above the limit (20 MB JSON/CSV, 4 MB YAML) gets one diagnostic at once, unread', () => {
    for (const [file, limit] of [['big.yaml', MAX_YAML_BYTES], ['big.json', MAX_FILE_BYTES], ['big.csv', MAX_FILE_BYTES]] as const) {
      const text = (file.endsWith('json') ? '{' : 'version: 1\n') + 'x'.repeat(limit);
      const t0 = performance.now();
      const r = parseFile(file, text);
      expect(performance.now() - t0).toBeLessThan(500);
      expect(r.diagnostics.map((d) => d.code)).toEqual(['file-too-large']);
      expect(r.accounts).toEqual([]);
    }
  });

  it('a 1,000,000-row CSV is refused after counting its lines, not parsed', () => {
    // 1,000,000 short rows stay under the 20 MB size limit, so the row limit is what refuses them.
    const text = 'symbol,size,entry_price\n' + 'B,1,9\n'.repeat(1_000_000);
    const t0 = performance.now();
    const r = parseFile('many.csv', text);
    expect(performance.now() - t0).toBeLessThan(1500);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['too-many-positions']);
    expect(r.diagnostics[0]!.message).toContain('1,000,000');
  });

  it(`a JSON file with more than ${MAX_POSITIONS} positions is refused with one diagnostic; at the limit it is read`, () => {
    const file = (n: number) => `{"version":1,"venue":"binance-usdm","walletBalance":"1","positions":[${Array(n).fill('{}').join(',')}]}`;
    const over = parseFile('a.json', file(MAX_POSITIONS + 1));
    expect(over.diagnostics.map((d) => d.code)).toEqual(['too-many-positions']);
    expect(parseFile('a.json', file(3)).diagnostics.map((d) => d.code)).not.toContain('too-many-positions');
  });
});

const POS = (size: string, entry: string) => ({ size, entry });
const yaml = (p: { size: string; entry: string }) => `version: 1\nvenue: binance-usdm\nwalletBalance: "10000"\nmarkets: { BTCUSDT: { markPrice: "94500" } }\npositions:\n  - { symbol: BTCUSDT, side: long, size: ${p.size}, entryPrice: ${p.entry} }\n`;
const json = (p: { size: string; entry: string }) => `{"version": 1, "venue": "binance-usdm", "walletBalance": "10000", "markets": {"BTCUSDT": {"markPrice": "94500"}},\n"positions": [{"symbol": "BTCUSDT", "side": "long", "size": ${p.size}, "entryPrice": ${p.entry}}]}\n`;
const csv = (p: { size: string; entry: string }) => `venue,symbol,side,size,entry_price,mark_price,wallet_balance\nbinance-usdm,BTCUSDT,long,${p.size},${p.entry},94500,10000\n`;
const FORMATS: Array<[string, (p: { size: string; entry: string }) => string]> = [['a.yaml', yaml], ['a.json', json], ['a.csv', csv]];

describe('odd numbers get a diagnostic on the value in JSON, YAML and CSV', () => {
  for (const [file, make] of FORMATS) {
    describe(file, () => {
      it.each(['1e400000', '0x1F', 'Infinity', '-Infinity', 'NaN', '.inf', '.nan', '1,5'])('entryPrice %s is an error on the value; the position is unknown', (v) => {
        const t = make(POS('"1"'.replace(/"/g, file === 'a.csv' ? '' : '"'), v));
        const r = parseFile(file, t);
        // An unquoted 1,5 in CSV is two cells: the error is the row's (which covers the value).
        const ds = file === 'a.csv' && v === '1,5' ? r.diagnostics.filter((d) => d.code === 'csv-column-count') : errorsAt(r, at(t, v, t.indexOf('long')));
        expect(ds.length, JSON.stringify(r.diagnostics)).toBeGreaterThan(0);
        expect(ds.every((d) => d.severity === 'error')).toBe(true);
        expect(r.accounts.flatMap((a) => (a.kind === 'perp' ? a.positions : []))).toEqual([]);
      });

      it('size -0 warns on the value and is read as 0 (no position)', () => {
        const t = make(POS('-0', file === 'a.csv' ? '95000' : '"95000"'));
        const r = parseFile(file, t);
        const d = r.diagnostics.find((x) => x.code === 'negative-zero')!;
        expect(where(d)).toBe(at(t, '-0'));
        expect(d.severity).toBe('warning');
        expect(d.suggestion?.replacement).toBe(file === 'a.csv' ? '0' : '"0"');
        expect(r.diagnostics.map((x) => x.code)).not.toContain('negative-size-with-side');
      });

      it('.5 is the decimal 0.5 (docs/format.md §1); a bare .5 in JSON is also an invalid-JSON error with the fix', () => {
        const t = make(POS('.5', file === 'a.csv' ? '95000' : '"95000"'));
        const r = parseFile(file, t);
        const p = r.accounts[0]?.kind === 'perp' ? r.accounts[0].positions[0] : undefined;
        expect(p?.size.toFixed()).toBe('0.5');
        const ds = errorsAt(r, at(t, '.5'));
        if (file === 'a.json') {
          expect(ds.map((d) => [d.code, d.suggestion?.replacement])).toEqual([['invalid-json', '"0.5"']]);
        } else expect(ds).toEqual([]);
      });
    });
  }
});

describe('duplicate keys: an error on the later key, the last value used (JSON and YAML alike)', () => {
  it.each([
    ['a.json', '{"version": 1, "venue": "binance-usdm", "walletBalance": "1", "walletBalance": "2", "positions": []}'],
    ['a.yaml', 'version: 1\nvenue: binance-usdm\nwalletBalance: "1"\nwalletBalance: "2"\npositions: []\n'],
    ['b.yaml', 'version: 1\nvenue: binance-usdm\nwalletBalance: "1"\nmarkets: { X: { markPrice: "1", markPrice: "2" } }\npositions: []\n'],
  ])('%s', (file, t) => {
    const r = parseFile(file.replace('b.', 'a.'), t);
    const d = r.diagnostics.filter((x) => x.code === 'duplicate-key');
    expect(d).toHaveLength(1);
    expect(d[0]!.severity).toBe('error');
    const key = file === 'b.yaml' ? 'markPrice' : file === 'a.json' ? '"walletBalance"' : 'walletBalance';
    expect(where(d[0]!)).toBe(at(t, key, t.indexOf(key) + 1));
    expect(r.diagnostics.map((x) => x.code)).not.toContain('invalid-yaml');
    if (file !== 'b.yaml') expect((r.accounts[0] as { walletBalance: { toFixed(): string } }).walletBalance.toFixed()).toBe('2');
  });
});
