// The host keeps a file's rows as the worker's chunk texts and parses one row when it is read (row-heads.ts); its index
// entries hold no row object (row-entry.ts), and what reads every row (a column sort, the filter) reads each once.
import { describe, expect, it } from 'vitest';
import { findRow, RowHeads, type RowList } from '../../../src/extension/row-heads';
import { decodeIngested, encodeChunks, rowText } from '../../../src/extension/worker/row-chunks';
import { filterText, makeEntry, matchesFilter, type RowEntry } from '../../../src/extension/panel/row-entry';
import { comparatorFor, defaultCompare } from '../../../src/extension/panel/sort-keys';
import { SortedRows, sortSteps } from '../../../src/extension/panel/sorted-rows';
import { drain } from '../../../src/extension/steps';
import { ROW_CHUNK } from '../../../src/extension/row-rest';
import type { HostRow } from '../../../src/extension/rows';
import { row, watchRow } from './fixtures';

// Names with characters outside ASCII and the BMP: the offsets are in UTF-16 code units, as String.slice counts.
const NAMES = ['BTCUSDT', 'ÉTH-PERP', '🐸FROG', 'X"\\Y', '\u202ePEPE', ''];

function rowsOf(n: number) {
  return Array.from({ length: n }, (_, i) => (i % 4 === 3 ? watchRow : row)({ file: 'a.positions.json', id: `r${i}`, line: i + 1, symbol: NAMES[i % NAMES.length]!, distance: i % 7 ? `0.0${i}` : null }));
}

function headsOf(rows: ReturnType<typeof rowsOf>): RowHeads {
  const heads = new RowHeads();
  for (const c of encodeChunks(rows, rows.map(rowText))) heads.push(c);
  return heads;
}

const headOf = (r: ReturnType<typeof rowsOf>[number]): HostRow => {
  const { details: _details, ...head } = r;
  return head;
};

/** A row list that counts its reads. */
function counted(list: RowList): RowList & { reads: number } {
  const out = {
    reads: 0,
    get length() { return list.length; },
    at(i: number) { out.reads++; return list.at(i); },
    [Symbol.iterator]: () => list[Symbol.iterator](),
  };
  return out;
}

describe('rows kept as text (row-heads.ts)', () => {
  it('reads any row alone, across chunks, equal to the row without its details (key order too)', () => {
    const rows = rowsOf(2 * ROW_CHUNK + 17);
    const heads = headsOf(rows);
    expect(heads.length).toBe(rows.length);
    for (const i of [0, 1, ROW_CHUNK - 1, ROW_CHUNK, ROW_CHUNK + 1, 2 * ROW_CHUNK, rows.length - 1]) {
      expect(JSON.stringify(heads.at(i))).toBe(JSON.stringify(headOf(rows[i]!)));
    }
    expect([...heads].map((r) => JSON.stringify(r))).toEqual(rows.map((r) => JSON.stringify(headOf(r))));
    expect([-1, rows.length, 0.5, Number.NaN].map((i) => heads.at(i))).toEqual([undefined, undefined, undefined, undefined]);
    expect(new RowHeads().at(0)).toBeUndefined();
    expect([...new RowHeads()]).toEqual([]);
  });

  it('rows of the chunk\'s shape cross as their values; a row of another shape, or with an undefined value, as its object', () => {
    const rows = rowsOf(5);
    const odd = [
      { ...rows[1]!, extra: 'x' },
      (({ tier: _t, ...r }) => r)(rows[2]!),
      { ...rows[3]!, reason: undefined },
    ] as unknown as typeof rows;
    const mixed = [rows[0]!, ...odd, rows[4]!];
    const [chunk] = encodeChunks(mixed, mixed.map(rowText));
    expect(chunk!.keys).toEqual(Object.keys(headOf(rows[0]!)));
    const parsed = JSON.parse(chunk!.rows) as unknown[];
    expect(parsed.map((v) => Array.isArray(v))).toEqual([true, false, false, false, true]);
    const heads = headsOf(mixed);
    mixed.forEach((r, i) => expect(JSON.stringify(heads.at(i))).toBe(JSON.stringify(headOf(r))));
    expect([...heads].map((r) => JSON.stringify(r))).toEqual(mixed.map((r) => JSON.stringify(headOf(r))));
    // what the index reads as the rows arrive: those fields and the fix's target, whatever the row's shape
    const fields = ['file', 'id', 'line', 'column', 'status', 'distance', 'venue', 'account', 'stale', 'markAge'] as const;
    const pick = (r: object) => ({
      ...Object.fromEntries(fields.map((f) => [f, (r as Record<string, unknown>)[f]])),
      target: (r as { fix: { target: string } | null }).fix?.target ?? null,
    });
    expect(decodeIngested(chunk!).map(pick)).toEqual(mixed.map((r) => pick(headOf(r))));
    expect(mixed.some((r) => r.fix !== null)).toBe(true);
    // the key names are not repeated a row
    expect(chunk!.rows.length).toBeLessThan(mixed.map((r) => JSON.stringify(headOf(r)).length).reduce((a, b) => a + b, 0) * 0.8);
  });

  it('findRow gives the first row a test accepts and its index, or undefined', () => {
    const heads = headsOf(rowsOf(450));
    expect(findRow(heads, (r) => r.id === 'r401')).toMatchObject({ index: 401, row: { id: 'r401', line: 402 } });
    expect(findRow(heads, (r) => r.symbol === '🐸FROG')?.index).toBe(2);
    expect(findRow(heads, (r) => r.id === 'nope')).toBeUndefined();
  });

  it('an index entry holds its row\'s place, not the row; the row and its filter text are read when asked for', () => {
    const rows = rowsOf(300);
    const heads = counted(headsOf(rows));
    const entries = rows.map((r, i) => makeEntry('k', r, `s${i}`, false, { rows: heads, at: i }));
    for (const e of entries) expect(Object.values(e).some((v) => typeof v === 'object' && v !== null && v !== heads && 'status' in v)).toBe(false);
    expect(heads.reads).toBe(0);
    const e = entries[2]!;
    expect(e.row.symbol).toBe('🐸FROG');
    expect(heads.reads).toBe(1);
    expect(e.haystack).toBeNull();
    expect(matchesFilter(e, ['frog'])).toBe(true);
    expect(matchesFilter(e, ['frog', 'r2'])).toBe(true);
    expect(matchesFilter(e, ['btc'])).toBe(false);
    expect(filterText(e)).toContain('🐸frog');
    expect(heads.reads).toBe(2); // the filter text is built once
    expect(matchesFilter(entries[3]!, [])).toBe(true);
    expect(heads.reads).toBe(2); // no terms: nothing read
  });

  it('a column sort reads each row once, ahead of its compares (a pause between reads); the default order reads none', () => {
    const rows = rowsOf(1000);
    const heads = counted(headsOf(rows));
    const entries = rows.map((r, i) => makeEntry('k', r, '', false, { rows: heads, at: i }));
    const byDefault = drain(sortSteps(entries, defaultCompare, 64));
    expect(heads.reads).toBe(0);
    const symbol = comparatorFor({ sort: 'symbol', direction: 'asc' });
    const steps = sortSteps(entries, symbol, 64);
    let pauses = 0;
    for (let r = steps.next(); !r.done; r = steps.next()) if (heads.reads < entries.length) pauses++;
    expect(heads.reads).toBe(entries.length);
    expect(pauses).toBeGreaterThanOrEqual(3); // 1,000 reads in steps of 256
    // distance is the entry's own: no row read
    const view = new SortedRows(comparatorFor({ sort: 'distance', direction: 'desc' }));
    view.setFile('k', entries);
    expect(view.all()).toHaveLength(1000);
    expect(heads.reads).toBe(entries.length);
    expect(byDefault.map((e: RowEntry) => e.key)).toEqual(entries.slice().sort(defaultCompare).map((e) => e.key));
  });
});
