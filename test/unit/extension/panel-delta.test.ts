// The panel model's incremental paths (issue 10: a delta costs the host no pass over every row in the default view):
// after any sequence of file updates, removals, view changes and reads, the list, its pages, its counts and every
// row's index equal a list built from scratch; the fast paths are checked by counted compares and identities.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { ResultRow } from '../../../src/engine/evaluate/report';
import { DisplayList } from '../../../src/extension/panel/display-list';
import { PanelModel } from '../../../src/extension/panel/panel-model';
import { filterText, makeEntry, type RowEntry } from '../../../src/extension/panel/row-entry';
import { RowIndex } from '../../../src/extension/panel/row-index';
import { comparatorFor, defaultCompare, type Compare } from '../../../src/extension/panel/sort-keys';
import { SortedRows } from '../../../src/extension/panel/sorted-rows';
import { boundedRef } from '../../../src/extension/rows';
import type { DeltaChanges } from '../../../src/extension/panel/pending-changes';

const NO_CHANGES: DeltaChanges = { added: 0, removed: 0, updated: 0, stale: [] };
import { isAtRisk } from '../../../src/presentation/describe';
import { SORT_COLUMNS, STATUS_ORDER, type PanelView } from '../../../src/protocol/messages';
import { fileReport, row } from './fixtures';

const SYMBOLS = ['BTCUSDT', 'ETHUSDT', 'SOLUSDT', null] as const;
const VENUES = ['binance-usdm', 'bybit-linear'] as const;

/** Row i of a file, its fields from a seed (deterministic). */
function makeRow(file: string, i: number, seed: number): ResultRow {
  const h = Math.abs((i * 7919 + seed * 104729) % 1_000_003);
  return row({
    file, id: `p${i}`, line: i + 1, status: STATUS_ORDER[h % STATUS_ORDER.length]!, distance: h % 11 === 0 ? null : ((h % 1000) / 1000).toFixed(3),
    symbol: SYMBOLS[h % SYMBOLS.length]!, account: `a${(i + seed) % 3}`, venue: VENUES[h % 2]!, size: String(h % 97),
  });
}

const fileRows = (f: number, n: number, seed: number): ResultRow[] => Array.from({ length: n }, (_, i) => makeRow(`book/f${f}.positions.yaml`, i, seed));
const fileKey = (f: number) => `file:///book/f${f}`;
const BASE_FILES = 20;
const BASE_ROWS = 50;

/** The list from scratch: every row sorted, filtered, grouped; headers as `[account key|positions|atRisk|worst]`. */
function reference(files: ReadonlyMap<string, readonly ResultRow[]>, view: PanelView): string[] {
  const entries = [...files].flatMap(([k, rows]) => rows.map((r) => makeEntry(k, r))).sort(comparatorFor(view));
  const terms = view.filter.toLowerCase().split(/\s+/).filter(Boolean);
  const shown = entries.filter((e) => !view.hidden.includes(e.row.status) && terms.every((t) => filterText(e).includes(t)));
  if (!view.group) return shown.map((e) => e.key);
  const groups = new Map<string, RowEntry[]>();
  for (const e of shown) groups.set(e.accountKey, [...(groups.get(e.accountKey) ?? []), e]);
  return [...groups].flatMap(([k, es]) => {
    const worst = STATUS_ORDER[Math.min(...es.map((e) => e.rank))];
    return [`[account:${boundedRef(k)}|${es.length}|${es.filter((e) => isAtRisk(e.row.status)).length}|${worst}]`, ...es.map((e) => e.key)];
  });
}

const ctx = { epoch: 1, now: new Date(0), files: [fileReport()], risk: {} };
const listOf = (model: PanelModel): DisplayList => (model as unknown as { current(): DisplayList }).current();

/** `files` files of 100 rows in an index, and a model over it that sent its first message (the webview holds its window). */
function opened(files: number): { index: RowIndex; model: PanelModel } {
  const index = new RowIndex();
  for (let f = 0; f < files; f++) index.setFile(fileKey(f), fileRows(f, 100, 0));
  const model = new PanelModel(index);
  model.modelMessage(ctx);
  return { index, model };
}

function idsOf(model: PanelModel, start: number, count: number): string[] {
  return model.page(start, count).items.map((i) => (i.type === 'row' ? i.row.key : `[${i.account.key}|${i.account.positions}|${i.account.atRisk}|${i.account.worst}]`));
}

const viewArb = fc.record({
  sort: fc.constantFrom(...SORT_COLUMNS), direction: fc.constantFrom('asc' as const, 'desc' as const), group: fc.boolean(),
  filter: fc.constantFrom('', '', 'eth', 'btc binance', 'bybit', 'zzz'), hidden: fc.subarray([...STATUS_ORDER], { maxLength: 3 }),
});
// Mostly the default view, where the list is the sorted array itself.
const DEFAULT: PanelView = { sort: 'status', direction: 'asc', group: false, filter: '', hidden: [] };
const anyView: fc.Arbitrary<PanelView> = fc.oneof({ weight: 2, arbitrary: fc.constant(DEFAULT) }, { weight: 3, arbitrary: viewArb });

const action = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('update' as const), file: fc.integer({ min: 0, max: BASE_FILES + 1 }), rows: fc.integer({ min: 0, max: 14 }), seed: fc.integer({ min: 1, max: 1e6 }), remove: fc.boolean() }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('read' as const), start: fc.nat({ max: 1200 }), count: fc.integer({ min: 1, max: 300 }), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('view' as const), view: anyView }) },
  // The store reads the default order too (WorkspaceStore.rows): a merge the model does not see.
  { weight: 2, arbitrary: fc.constant({ kind: 'store' as const }) },
);

describe('panel model after deltas', () => {
  it('list, pages, counts and every index equal a list built from scratch, in every view', () => {
    fc.assert(fc.property(anyView, fc.array(action, { minLength: 1, maxLength: 14 }), (first, actions) => {
      const index = new RowIndex();
      const files = new Map<string, ResultRow[]>();
      for (let f = 0; f < BASE_FILES; f++) {
        const rows = fileRows(f, BASE_ROWS, 0);
        index.setFile(fileKey(f), rows, rows.map(() => '0'));
        files.set(fileKey(f), rows);
      }
      const model = new PanelModel(index);
      let view: PanelView = first;
      model.setView(view);
      model.selectedKey = 'book/f3.positions.yaml#p7';
      let changes = { added: [] as string[], removed: [] as string[], updated: [] as string[] };
      for (const a of actions) {
        if (a.kind === 'update') {
          const c = a.remove ? index.removeFile(fileKey(a.file)) : index.setFile(fileKey(a.file), fileRows(a.file, a.rows, a.seed), Array(a.rows).fill(String(a.seed)));
          if (a.remove) files.delete(fileKey(a.file));
          else files.set(fileKey(a.file), fileRows(a.file, a.rows, a.seed));
          model.invalidate();
          changes = { added: [...changes.added, ...c.added], removed: [...changes.removed, ...c.removed], updated: [...changes.updated, ...c.updated] };
        } else if (a.kind === 'view') {
          view = a.view;
          model.setView(view);
        } else if (a.kind === 'store') {
          index.defaultRows.all();
        } else {
          const want = reference(files, view);
          const m = model.deltaMessage(ctx, { added: changes.added.length, removed: changes.removed.length, updated: changes.updated.length, stale: [] });
          changes = { added: [], removed: [], updated: [] };
          expect(m.total).toBe(want.length);
          expect(m.rows).toBe(want.filter((k) => !k.startsWith('[')).length);
          const list = listOf(model);
          expect(list.items.map((i) => (i.type === 'account' ? `[${i.key}|${i.positions}|${i.atRisk}|${i.worst}]` : i.entry.key))).toEqual(want);
          // a page anywhere (pages of the same list agree with it)
          const start = a.start % (want.length + 1);
          expect(idsOf(model, start, a.count)).toEqual(want.slice(start, start + a.count));
          // the selected row, then every listed row's index, and rows not listed
          const rowKeys = want.filter((k) => !k.startsWith('['));
          const selected = rowKeys.length ? rowKeys[a.pick % rowKeys.length]! : 'book/f3.positions.yaml#p7';
          model.selectedKey = selected;
          expect(model.modelMessage(ctx).selectedIndex).toBe(want.indexOf(selected));
          want.forEach((k, i) => { if (!k.startsWith('[')) expect(model.indexOf(k)).toBe(i); });
          const hidden = [...files].flatMap(([, rows]) => rows.map((r) => `${r.file}#${r.id}`)).filter((k) => !want.includes(k));
          for (const k of hidden.slice(0, 20)) expect(model.indexOf(k)).toBe(-1);
          expect(model.indexOf('book/none.positions.yaml#p1')).toBe(-1);
          expect(model.indexOf(want.find((k) => k.startsWith('['))?.slice(1).split('|')[0] ?? 'account:x')).toBe(-1);
          expect(model.indexOf(null)).toBe(-1);
        }
      }
    }), { numRuns: 60 });
  });

  it('a settle in slices (paused, with updates, view changes and reads between) ends in the list built from scratch', async () => {
    const views: PanelView[] = [DEFAULT, { ...DEFAULT, group: true }, { ...DEFAULT, filter: 'eth' }, { ...DEFAULT, hidden: ['safe'], group: true }, { ...DEFAULT, sort: 'symbol', direction: 'desc' }];
    const item = (i: ReturnType<DisplayList['items']['at']>) => (i!.type === 'account' ? `[${i!.key}|${i!.positions}|${i!.atRisk}|${i!.worst}]` : i!.entry.key);
    for (const first of views) {
      const index = new RowIndex();
      const files = new Map<string, ResultRow[]>();
      const set = (f: number, n: number, seed: number) => {
        const rows = fileRows(f, n, seed);
        index.setFile(fileKey(f), rows, rows.map(() => String(seed)));
        files.set(fileKey(f), rows);
      };
      for (let f = 0; f < 12; f++) set(f, 1500, 0);
      const model = new PanelModel(index);
      let view = first;
      model.setView(view);
      listOf(model);
      const step = (model as unknown as { step(deadline: number): boolean }).step.bind(model);
      set(3, 3000, 7); // a large change: merged, then the list updated, in steps
      model.invalidate();
      let pauses = 0;
      while (!step(0)) {
        pauses++;
        if (pauses === 2) { set(5, 2000, 9); model.invalidate(); } // changed again mid-merge
        if (pauses === 4) { view = { ...view, filter: view.filter ? '' : 'btc' }; model.setView(view); } // a new view mid-update
        if (pauses === 6) {
          expect(listOf(model).items.map(item)).toEqual(reference(files, view)); // a read finishes it at once
          set(1, 0, 0); // then a file goes
          files.delete(fileKey(1));
          model.invalidate();
        }
      }
      expect(pauses).toBeGreaterThan(6);
      expect(listOf(model).items.map(item)).toEqual(reference(files, view));
      // settled: the next message reads the list without merging (the sorted view has nothing pending)
      expect(await model.settle(() => Promise.resolve())).toBeGreaterThanOrEqual(0);
      expect(model.deltaMessage(ctx, NO_CHANGES).total).toBe(reference(files, view).length);
    }
  });

  it('a settle stops after its last slice however much is left (files changing without pause): the message merges the rest', async () => {
    const index = new RowIndex();
    const files = new Map<string, ResultRow[]>();
    for (let f = 0; f < 8; f++) {
      const rows = fileRows(f, 2000, f);
      index.setFile(fileKey(f), rows);
      files.set(fileKey(f), rows);
    }
    const model = new PanelModel(index);
    model.deltaMessage(ctx, NO_CHANGES);
    const rows = fileRows(2, 6000, 5);
    index.setFile(fileKey(2), rows);
    files.set(fileKey(2), rows);
    model.invalidate();
    let pauses = 0;
    await model.settle(async () => { pauses++; }, 0, 3);
    expect(pauses).toBe(2);
    expect(index.defaultRows.unsettled).toBe(true);
    expect(listOf(model).items.map((i) => (i.type === 'row' ? i.entry.key : ''))).toEqual(reference(files, DEFAULT));
  });

  it('a file starting or ending a re-evaluation: its held rows are named with the new flag, not sent again', () => {
    const { index, model } = opened(4);
    const shown = index.defaultRows.all().slice(0, 100);
    const flags = () => model.deltaMessage(ctx, NO_CHANGES).window.items.map((i) => (i.type === 'held' ? i.updating ?? 'same' : 'sent'));
    index.setUpdating(fileKey(2), true);
    model.invalidate();
    expect(flags()).toEqual(shown.map((e) => (e.fileKey === fileKey(2) ? true : 'same')));
    expect(flags()).toEqual(shown.map(() => 'same')); // sent once: the webview holds the flag now
    index.setUpdating(fileKey(2), false);
    model.invalidate();
    expect(flags()).toEqual(shown.map((e) => (e.fileKey === fileKey(2) ? false : 'same')));
  });

  it('the default view: the list is the sorted rows\' array itself, and pages wrap only their rows', () => {
    const { index, model } = opened(10);
    const before = index.defaultRows.all().slice(0, 100);
    index.setFile(fileKey(4), fileRows(4, 90, 5));
    model.invalidate();
    const m = model.deltaMessage(ctx, NO_CHANGES);
    const sorted = index.defaultRows.all();
    const list = listOf(model);
    expect(list.length).toBe(990);
    expect(m.total).toBe(990);
    for (let i = 0; i < sorted.length; i += 37) expect(list.get(i)).toBe(sorted[i]); // the entry itself, no wrapper
    // the window again, but only the items the webview does not hold already (wherever they were)
    expect(m.keptFrom).toBe(m.version - 1);
    expect(m.window.items.map((i) => (i.type === 'held' ? `held ${i.key}` : i.type === 'row' ? i.row.key : '?'))).toEqual(sorted.slice(0, 100).map((e) => (before.includes(e) ? `held ${e.key}` : e.key)));
    expect(m.window.items.filter((i) => i.type === 'held').length).toBeGreaterThan(80); // file 4's rows only are sent
    expect(model.page(950, 100).items.length).toBe(40);
    // a page asked for ahead names the window the webview renders: the next delta sends that one again
    model.pageMessage(300, 100, { start: 120, count: 45 });
    expect(model.deltaMessage(ctx, NO_CHANGES).window.start).toBe(120);
    expect(model.deltaMessage(ctx, NO_CHANGES).window.items).toHaveLength(45);
    expect(model.page(2000, 10)).toEqual({ start: 990, items: [] });
  });

  it('indexOf: a binary search in every view (counted compares), with the index past the first page', () => {
    const entries = Array.from({ length: 40 }, (_, f) => fileRows(f, 100, 1).map((r) => makeEntry(fileKey(f), r))).flat().sort(defaultCompare);
    let compares = 0;
    const counting: Compare = (a, b) => { compares++; return defaultCompare(a, b); };
    const views: PanelView[] = [
      { sort: 'status', direction: 'asc', group: false, filter: '', hidden: [] },
      { sort: 'status', direction: 'asc', group: false, filter: 'eth', hidden: ['safe'] },
      { sort: 'status', direction: 'asc', group: true, filter: '', hidden: [] },
      { sort: 'status', direction: 'asc', group: true, filter: 'bybit', hidden: ['critical'] },
    ];
    for (const view of views) {
      const list = DisplayList.build(entries, view, counting);
      const items = list.items;
      let found = 0;
      let most = 0;
      for (let i = 0; i < items.length; i += 7) {
        const it = items[i]!;
        if (it.type !== 'row') continue;
        compares = 0;
        expect(list.indexOf(it.entry)).toBe(i);
        most = Math.max(most, compares);
        found++;
      }
      expect(found).toBeGreaterThan(20);
      expect(items.length).toBeGreaterThan(500); // rows past the first page
      expect(most).toBeLessThanOrEqual(Math.ceil(Math.log2(entries.length)) + 2);
      // a row the view does not list
      const listed = new Set(items.flatMap((i) => (i.type === 'row' ? [i.entry] : [])));
      const out = entries.find((e) => !listed.has(e));
      if (out) expect(list.indexOf(out)).toBe(-1);
    }
  });

  it('SortedRows: a small change is spliced in by binary searches into the array before last (no new array)', () => {
    let compares = 0;
    const rows = new SortedRows((a, b) => { compares++; return defaultCompare(a, b); });
    const entries = (f: number, seed: number) => fileRows(f, 1000, seed).map((r) => makeEntry(fileKey(f), r));
    for (let f = 0; f < 100; f++) rows.setFile(fileKey(f), entries(f, 0));
    const first = rows.all();
    expect(first.length).toBe(100_000);
    const g = rows.generation;
    compares = 0;
    const changed = entries(7, 9);
    rows.setFile(fileKey(7), changed);
    const second = rows.all();
    // Two binary searches per changed row (≈ 2 · 1000 · 17) and the new rows' own sort (≈ 1000 · 10); a merge
    // would compare ≈ 100,000 times.
    expect(compares).toBeLessThan(50_000);
    expect(rows.generation).toBe(g + 1);
    expect(rows.lastChange).toMatchObject({ from: g, to: g + 1 });
    expect(rows.lastChange!.removed.length).toBe(1000);
    expect(rows.lastChange!.added.map((e) => e.key)).toEqual(changed.slice().sort(defaultCompare).map((e) => e.key));
    expect(second).not.toBe(first);
    for (let i = 1; i < second.length; i++) expect(defaultCompare(second[i - 1]!, second[i]!)).toBeLessThan(0);
    rows.setFile(fileKey(8), entries(8, 3).slice(0, 900));
    const third = rows.all();
    expect(third).toBe(first); // written over: the two arrays take turns
    expect(third.length).toBe(99_900);
    for (let i = 1; i < third.length; i++) expect(defaultCompare(third[i - 1]!, third[i]!)).toBeLessThan(0);
    expect(rows.all()).toBe(third); // nothing pending: no change, same generation
    expect(rows.generation).toBe(g + 2);
  });

  it('a merge the model did not see (the store read the rows in between) makes the list build again, in every view', () => {
    const views: PanelView[] = [
      { sort: 'status', direction: 'asc', group: false, filter: '', hidden: [] },
      { sort: 'status', direction: 'asc', group: false, filter: 'eth', hidden: [] },
      { sort: 'status', direction: 'asc', group: true, filter: '', hidden: ['safe'] },
    ];
    for (const view of views) {
      const index = new RowIndex();
      const files = new Map<string, ResultRow[]>();
      const set = (f: number, n: number, seed: number) => {
        files.set(fileKey(f), fileRows(f, n, seed));
        index.setFile(fileKey(f), fileRows(f, n, seed));
      };
      for (let f = 0; f < 20; f++) set(f, 50, 0);
      const model = new PanelModel(index);
      model.setView(view);
      model.modelMessage(ctx);
      set(3, 10, 7);
      model.invalidate();
      index.defaultRows.all(); // WorkspaceStore.rows()
      set(5, 12, 8);
      model.invalidate();
      const want = reference(files, view);
      expect(model.deltaMessage(ctx, NO_CHANGES).total).toBe(want.length);
      expect(idsOf(model, 0, 500).concat(idsOf(model, 500, 500))).toEqual(want);
    }
  });

  it('grouped: an account that spans two files (one path under two keys) is rebuilt, not spliced wrongly', () => {
    const index = new RowIndex();
    const shared = (seed: number, n: number) => fileRows(1, n, seed); // the same row.file under two file keys
    index.setFile('file:///a', shared(1, 6));
    index.setFile('file:///b', shared(2, 6).map((r) => ({ ...r, id: `q${r.id}` })));
    index.setFile(fileKey(2), fileRows(2, 30, 4));
    const model = new PanelModel(index);
    const view: PanelView = { sort: 'status', direction: 'asc', group: true, filter: '', hidden: [] };
    model.setView(view);
    model.modelMessage(ctx);
    index.setFile('file:///b', shared(3, 4).map((r) => ({ ...r, id: `q${r.id}` })));
    model.invalidate();
    const m = model.deltaMessage(ctx, NO_CHANGES);
    const files = new Map([['file:///a', shared(1, 6)], ['file:///b', shared(3, 4).map((r) => ({ ...r, id: `q${r.id}` }))], [fileKey(2), fileRows(2, 30, 4)]]);
    const want = reference(files, view);
    expect(m.total).toBe(want.length);
    expect(idsOf(model, 0, 500)).toEqual(want);
  });
});
