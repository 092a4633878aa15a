// The host's incremental sorted order against a full sort, for every sort column and direction, under random
// per-file updates; the display list (filter, chips, grouping under accounts) and paging.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { ResultRow } from '../../../src/engine/evaluate/report';
import { compareRows } from '../../../src/engine/evaluate/row-order';
import { RowIndex } from '../../../src/extension/panel/row-index';
import { PanelModel } from '../../../src/extension/panel/panel-model';
import { makeEntry } from '../../../src/extension/panel/row-entry';
import { comparatorFor, defaultCompare } from '../../../src/extension/panel/sort-keys';
import { SortedRows } from '../../../src/extension/panel/sorted-rows';
import { buildDisplayList } from '../../../src/extension/panel/display-list';
import * as v from 'valibot';
import { ModelMessageSchema, SORT_COLUMNS, STATUS_ORDER, type PanelView } from '../../../src/protocol/messages';
import { fileReport, row } from './fixtures';

const dec = fc.oneof(fc.constant(null), fc.integer({ min: -5000, max: 5000 }).map((n) => (n / 1000).toFixed(3)), fc.constantFrom('0.1', '0.10', '0.1000000000000000001', '0.0999999999999999999'));

function genRow(file: string, i: number) {
  return fc.record({
    status: fc.constantFrom(...STATUS_ORDER), distance: dec, size: dec, markPrice: dec, liquidationPrice: dec, healthFactor: dec,
    p: fc.option(fc.double({ min: 0, max: 1, noNaN: true })), symbol: fc.option(fc.constantFrom('BTCUSDT', 'ETHUSDT', 'sol', 'ZEC')),
    account: fc.option(fc.constantFrom('a', 'b', 'c')), fix: fc.option(fc.integer({ min: 0, max: 999 })),
  }).map((x): ResultRow => row({
    file, id: `r${i}`, line: i + 1, status: x.status, distance: x.distance, size: x.size, markPrice: x.markPrice, liquidationPrice: x.liquidationPrice,
    healthFactor: x.healthFactor, liquidationProbability: x.p, symbol: x.symbol, account: x.account,
    fix: x.fix === null ? null : { target: 'safe', addMargin: String(x.fix), reduceSize: null, costOptimalMargin: null, reason: null },
  }));
}

const fileRows = (file: string) => fc.integer({ min: 0, max: 12 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => genRow(file, i))));
const update = fc.record({ file: fc.constantFrom('f1.positions.yaml', 'f2.positions.yaml', 'f3.positions.yaml', 'f4.positions.yaml'), remove: fc.boolean() })
  .chain(({ file, remove }) => fileRows(file).map((rows) => ({ file, remove, rows: rows as ResultRow[] })));

describe('incremental sorted order', () => {
  it('the default order is exactly the engine\'s compareRows (docs/results.md §2)', () => {
    fc.assert(fc.property(fc.array(update, { maxLength: 6 }), (updates) => {
      const index = new RowIndex();
      const files = new Map<string, ResultRow[]>();
      for (const u of updates) {
        if (u.remove) { index.removeFile(u.file); files.delete(u.file); } else { index.setFile(u.file, u.rows); files.set(u.file, u.rows); }
      }
      const all = [...files.values()].flat().sort(compareRows);
      const ours = index.defaultRows.all().map((e) => e.row);
      expect(ours.map((r) => `${r.file}#${r.id}`)).toEqual(all.map((r) => `${r.file}#${r.id}`));
      expect(index.size).toBe(all.length);
    }), { numRuns: 200 });
  });

  it('every column and direction: merged updates equal a full sort of the same rows', () => {
    const view = fc.record({ sort: fc.constantFrom(...SORT_COLUMNS), direction: fc.constantFrom('asc' as const, 'desc' as const) });
    fc.assert(fc.property(view, fc.array(update, { minLength: 1, maxLength: 10 }), fc.integer({ min: 0, max: 9 }), (v, updates, readAt) => {
      const compare = comparatorFor(v);
      const sorted = new SortedRows(compare);
      const files = new Map<string, ResultRow[]>();
      updates.forEach((u, i) => {
        const entries = u.rows.map((r) => makeEntry(u.file, r));
        if (u.remove) { sorted.removeFile(u.file); files.delete(u.file); } else { sorted.setFile(u.file, entries); files.set(u.file, u.rows); }
        if (i === readAt) sorted.all(); // merge at some point in the middle too
      });
      const full = [...files.entries()].flatMap(([f, rows]) => rows.map((r) => makeEntry(f, r))).sort(comparatorFor(v));
      expect(sorted.all().map((e) => e.key)).toEqual(full.map((e) => e.key));
      // nulls last in both directions
      if (v.sort === 'distance') {
        const d = sorted.all().map((e) => e.row.distance);
        const firstNull = d.indexOf(null);
        if (firstNull >= 0) expect(d.slice(firstNull).every((x) => x === null)).toBe(true);
      }
    }), { numRuns: 300 });
  });

  it('compares decimals exactly where floats tie', () => {
    const a = makeEntry('f', row({ id: 'a', distance: '0.1000000000000000001' }));
    const b = makeEntry('f', row({ id: 'b', distance: '0.1' }));
    expect(comparatorFor({ sort: 'distance', direction: 'asc' })(b, a)).toBeLessThan(0);
  });

  it('reports rows added, removed and updated by their content hash', () => {
    const index = new RowIndex();
    index.setFile('f', [row({ id: 'a' }), row({ id: 'b' })], ['1', '2']);
    const c = index.setFile('f', [row({ id: 'b' }), row({ id: 'c' })], ['2x', '3']);
    expect(c).toEqual({ added: ['examples/desk.positions.yaml#c'], removed: ['examples/desk.positions.yaml#a'], updated: ['examples/desk.positions.yaml#b'] });
    expect(index.setFile('f', [row({ id: 'b' }), row({ id: 'c' })], ['2x', '3'])).toEqual({ added: [], removed: [], updated: [] });
  });

  it('100,000 rows: a file change merges without a full re-sort (counted compares, not a timer)', () => {
    const index = new RowIndex();
    let compares = 0;
    const view = index.attach(new SortedRows((a, b) => { compares++; return defaultCompare(a, b); }));
    const mk = (f: number, n: number, salt: number) => Array.from({ length: n }, (_, i) => row({ file: `f${f}.positions.json`, id: `p${i}`, line: i + 1, distance: ((i * 7919 + salt) % 1000 / 1000).toFixed(3), status: STATUS_ORDER[(i + salt) % 6]! }));
    for (let f = 0; f < 100; f++) index.setFile(`f${f}`, mk(f, 1000, f));
    view.all();
    compares = 0;
    index.setFile('f7', mk(7, 1000, 99));
    const all = view.all();
    expect(all.length).toBe(100_000);
    for (let i = 1; i < all.length; i += 997) expect(compareRows(all[i - 1]!.row, all[i]!.row)).toBeLessThanOrEqual(0);
    // A merge: ≤ n + k·log2(k) ≈ 110,000 compares; a full re-sort would take n·log2(n) ≈ 1,700,000.
    expect(compares).toBeLessThan(120_000);
  });

  it('a merge run in slices (paused, changed again, read midway) ends in the order of a full sort', () => {
    const mk = (f: number, n: number, salt: number) => Array.from({ length: n }, (_, i) => makeEntry(`f${f}`, row({ file: `f${f}.positions.json`, id: `p${i}`, line: i + 1, distance: ((i * 7919 + salt) % 1000 / 1000).toFixed(3), status: STATUS_ORDER[(i + salt) % 6]! })));
    const sorted = new SortedRows(defaultCompare);
    const files = new Map<number, ReturnType<typeof mk>>();
    const set = (f: number, n: number, salt: number) => { const e = mk(f, n, salt); files.set(f, e); sorted.setFile(`f${f}`, e); };
    const expected = () => [...files.values()].flat().sort(defaultCompare).map((e) => e.key);
    for (let f = 0; f < 4; f++) set(f, 5000, f);
    let pauses = 0;
    while (!sorted.advance(0)) pauses++; // a deadline already past: one step of MERGE_STEP rows per call
    expect(pauses).toBeGreaterThan(2);
    expect(sorted.all().map((e) => e.key)).toEqual(expected());
    const generation = sorted.generation;
    set(2, 8000, 7); // a large change: merged in one pass, in slices
    expect(sorted.advance(0)).toBe(false);
    expect(sorted.unsettled).toBe(true);
    set(3, 0, 0); // changed again while the merge is paused: merged after it
    files.delete(3);
    expect(sorted.advance(0)).toBe(false);
    expect(sorted.all().map((e) => e.key)).toEqual(expected()); // a read finishes both at once
    expect(sorted.unsettled).toBe(false);
    expect(sorted.generation).toBe(generation + 2);
    expect(sorted.lastChange?.from).toBe(generation + 1);
    set(1, 5000, 11);
    while (!sorted.advance(0));
    expect(sorted.all().map((e) => e.key)).toEqual(expected());
  });
});

describe('display list and paging', () => {
  const rows = [
    row({ id: 'x1', account: 'a', status: 'critical', distance: '0.01', symbol: 'SOLUSDT', venue: 'bybit-linear' }),
    row({ id: 'x2', account: 'b', status: 'watch', distance: '0.2' }),
    row({ id: 'x3', account: 'a', status: 'safe', distance: '0.5', venue: 'bybit-linear' }),
    row({ id: 'x4', account: 'b', status: 'safe', distance: '0.6' }),
  ];
  const view = (v: Partial<PanelView>): PanelView => ({ sort: 'status', direction: 'asc', group: false, filter: '', hidden: [], ...v });

  it('filters by hidden statuses and by every search term', () => {
    const index = new RowIndex();
    index.setFile('f', rows);
    const ids = (v: Partial<PanelView>) => buildDisplayList(index.defaultRows.all(), view(v)).items.map((i) => (i.type === 'row' ? i.entry.row.id : `[${i.first.row.account}]`));
    expect(ids({ hidden: ['safe'] })).toEqual(['x1', 'x2']);
    expect(ids({ filter: 'bybit sol' })).toEqual(['x1']);
    expect(ids({ filter: 'BINANCE usd-m' })).toEqual(['x2', 'x4']);
    expect(ids({ group: true })).toEqual(['[a]', 'x1', 'x3', '[b]', 'x2', 'x4']);
    expect(ids({ group: true, hidden: ['critical'] })).toEqual(['[b]', 'x2', 'x4', '[a]', 'x3']);
  });

  it('group headers are items of the paged list with the account\'s counts; pages and the selected index follow the view', () => {
    const index = new RowIndex();
    index.setFile('f', rows);
    const model = new PanelModel(index);
    model.setView(view({ group: true }));
    model.selectedKey = 'examples/desk.positions.yaml#x4';
    const ctx = { epoch: 1, now: new Date(0), files: [fileReport()], risk: {} };
    const m = model.modelMessage(ctx);
    expect(m.total).toBe(6);
    expect(m.rows).toBe(4);
    expect(m.selectedIndex).toBe(5);
    const head = m.window.items[0]!;
    expect(head.type === 'account' && head.account).toMatchObject({ account: 'a', positions: 2, atRisk: 1, worst: 'critical' });
    expect(model.pageMessage(2, 2).window.items.map((i) => i.type)).toEqual(['row', 'account']);
    const v0 = model.version;
    model.setView(view({ sort: 'distance', direction: 'desc' }));
    expect(model.version).toBeGreaterThan(v0);
    const ids = model.page(0, 10).items.map((i) => (i.type === 'row' ? i.row.id : '?'));
    expect(ids).toEqual(['x4', 'x3', 'x2', 'x1']);
    expect(model.modelMessage(ctx).selectedIndex).toBe(0);
  });

  it('an account header and its cross legs carry the account fix, formatted for display (issue 14)', () => {
    const legs = [
      row({ id: 'l1', account: 'hl', venue: 'hyperliquid', marginMode: 'cross', status: 'critical', distance: '0.01', settleCurrency: 'USDC' }),
      row({ id: 'l2', account: 'hl', venue: 'hyperliquid', marginMode: 'cross', status: 'warning', distance: '0.05', settleCurrency: 'USDC' }),
      row({ id: 'i1', account: 'hl', venue: 'hyperliquid', marginMode: 'isolated', status: 'safe', distance: '0.5', settleCurrency: 'USDC' }),
      row({ id: 'z', account: 'other', status: 'safe', distance: '0.9' }),
    ];
    const index = new RowIndex();
    index.setFile('f', legs);
    const model = new PanelModel(index);
    model.setView(view({ group: true }));
    const file = legs[0]!.file;
    const accounts = [{ file, venue: 'hyperliquid' as const, account: 'hl', marginMode: 'cross' as const, status: 'critical' as const, fix: { target: 'safe' as const, addMargin: '61576.731', reason: null }, legs: ['l1', 'l2'] }];
    const m = model.modelMessage({ epoch: 1, now: new Date(0), files: [fileReport()], risk: {}, accounts });
    const items = m.window.items;
    const heads = items.flatMap((i) => (i.type === 'account' ? [i.account] : []));
    expect(heads[0]).toMatchObject({ account: 'hl', fix: { target: 'safe', amount: '61,576.74', currency: 'USDC', legs: 2, reason: null, readOnlyReason: null } });
    expect(heads[1]!.fix).toBeNull();
    const byId = Object.fromEntries(items.flatMap((it, k) => (it.type === 'row' ? [[it.row.id, model.selectedRow(k)!]] : [])));
    expect(byId['l1']!.accountFix?.amount).toBe('61,576.74');
    expect(byId['l2']!.accountFix?.legs).toBe(2);
    expect(byId['i1']!.accountFix).toBeUndefined();
    expect(byId['z']!.accountFix).toBeUndefined();
    // A foreign dump is read-only: the fix is shown, Apply says why it cannot edit.
    const dump = model.modelMessage({ epoch: 1, now: new Date(0), files: [fileReport({ path: file, dialect: 'ccxt' } as never)], risk: {}, accounts });
    const head = dump.window.items[0]!;
    expect(head.type === 'account' && head.account.fix?.readOnlyReason).toMatch(/read-only/);
  });

  it('summary cards come from per-file aggregates over every row (not the filtered ones)', () => {
    const index = new RowIndex();
    index.setFile('f', rows);
    index.setFile('g', [row({ file: 'g.positions.yaml', id: 'y', status: 'liquidatable', distance: '-0.01', stale: true, markAge: 900 })]);
    const model = new PanelModel(index);
    model.setView(view({ hidden: ['liquidatable', 'critical'] }));
    const s = model.modelMessage({ epoch: 1, now: new Date(0), files: [fileReport()], risk: {} }).summary;
    expect(s.total).toBe(5);
    expect(s.atRisk).toBe(3);
    expect(s.riskyAccounts).toBe(3);
    expect(s.counts).toMatchObject({ liquidatable: 1, critical: 1, watch: 1, safe: 2 });
    expect(s.worst?.id).toBe('y');
    expect(s.stale).toBe(1);
    expect(s.oldestStaleAge).toBe(900);
  });

  it('a listed file\'s rows are pending: in the total, not in the status counts, last in either status order, never hidden by a chip', () => {
    const index = new RowIndex();
    index.setFile('f', rows);
    const listed = [row({ file: 'g.positions.yaml', id: 'p1', status: 'unknown', distance: null }), row({ file: 'g.positions.yaml', id: 'p2', status: 'unknown', distance: null })];
    index.setFile('g', listed, ['s1', 's2'], listed.map((r, i) => makeEntry('g', r, `s${i + 1}`, true)));
    const t = index.totals();
    expect([t.total, t.pending, t.counts.unknown, t.worst?.row.id]).toEqual([6, 2, 0, 'x1']);
    const model = new PanelModel(index);
    const ids = () => model.page(0, 100).items.map((i) => (i.type === 'row' ? `${i.row.id}${i.row.pending ? '…' : ''}` : ''));
    expect(ids()).toEqual(['x1', 'x2', 'x3', 'x4', 'p1…', 'p2…']);
    model.setView(view({ direction: 'desc' }));
    expect(ids().slice(-2)).toEqual(['p1…', 'p2…']);
    model.setView(view({ hidden: ['unknown', 'safe'] }));
    expect(ids()).toEqual(['x1', 'x2', 'p1…', 'p2…']);
    const m = model.modelMessage({ epoch: 1, now: new Date(0), files: [fileReport()], risk: {} });
    expect(v.safeParse(ModelMessageSchema, m).success).toBe(true);
    expect(m.summary.pending).toBe(2);
    expect(m.summary.counts.unknown).toBe(0);
    expect(model.selectedRow(2)?.pending).toBe(true);
    expect(model.selectedRow(0)?.pending).toBeUndefined();
    // grouped: the listed file's account header is pending too (no placeholder status shown for it)
    model.setView(view({ group: true }));
    const heads = model.page(0, 100).items.filter((i) => i.type === 'account').map((i) => i.type === 'account' && [i.account.file, i.account.pending === true]);
    expect(heads).toContainEqual(['g.positions.yaml', true]);
    expect(heads.filter((h) => h && !h[1]).length).toBeGreaterThan(0);
    // the evaluated rows replace them (same keys): nothing pending is left
    index.setFile('g', listed.map((r) => ({ ...r, status: 'safe', distance: '0.4' })), ['t1', 't2']);
    expect(index.totals().pending).toBe(0);
  });

  it('rows of a file being re-evaluated are marked updating', () => {
    const index = new RowIndex();
    index.setFile('f', rows);
    const model = new PanelModel(index);
    index.setUpdating('f', true);
    const m = model.modelMessage({ epoch: 1, now: new Date(0), files: [fileReport()], risk: {} });
    expect(m.window.items.every((i) => i.type === 'row' && i.row.updating)).toBe(true);
    expect(m.summary.updating).toBe(1);
  });
});
