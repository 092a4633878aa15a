// The webview's windowed table over a 100,000-row list served by the real host model: only the window is held and
// rendered, pages are asked for as it scrolls, stale pages are dropped, selection and keys move across pages.
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { RowIndex } from '../../../src/extension/panel/row-index';
import { PanelModel } from '../../../src/extension/panel/panel-model';
import { OVERSCAN, PAGE_SIZE, WindowModel } from '../../../src/webview/window-model';
import { tableRow } from '../../../src/webview/view';
import { STATUS_ORDER, TABLE_ROW_FIELDS, tableRowOf } from '../../../src/protocol/messages';
import { fileReport, row } from '../extension/fixtures';
import { FakeElement, installFakeDom } from './fake-dom';

const ctx = { epoch: 1, now: new Date(0), files: [fileReport()], risk: {} };
let model: PanelModel;

beforeAll(() => {
  installFakeDom();
  const index = new RowIndex();
  for (let f = 0; f < 100; f++) {
    index.setFile(`f${f}`, Array.from({ length: 1000 }, (_, i) => row({ file: `f${String(f).padStart(3, '0')}.positions.json`, id: `p${i}`, line: i + 1, distance: ((i * 31 + f) % 997 / 1000).toFixed(3), status: STATUS_ORDER[(i + f) % 6]! })));
  }
  model = new PanelModel(index);
});

/** A host round trip: the webview's page requests answered by the model. */
function serve(w: WindowModel): number {
  let n = 0;
  for (const p of w.missingPages()) {
    w.applyPage(model.pageMessage(p.start, p.count));
    n++;
  }
  return n;
}

/** A webview window `viewportHeight` px high opened on the list, the host's window its first `count` items. */
function opened(viewportHeight: number, count: number): WindowModel {
  const w = new WindowModel();
  w.viewportHeight = viewportHeight;
  model.window = { start: 0, count };
  w.applyList(model.modelMessage(ctx));
  return w;
}

function rendered(w: WindowModel): number {
  const r = w.range();
  return r.last - r.first;
}

/** A fresh webview window on the first 60 items, with the row at list index `at` selected on both sides. */
function selectedAt(at: number): { w: WindowModel; key: string } {
  const w = new WindowModel();
  model.window = { start: 0, count: 60 };
  const key = (model.page(at, 1).items[0] as { row: { key: string } }).row.key;
  model.selectedKey = key;
  w.selectedKey = key;
  return { w, key };
}

describe('windowed table', () => {
  it('holds and renders only the window of a 100,000-row list; scrolling asks for the pages it lacks', () => {
    const w = opened(900, 60);
    expect(w.total).toBe(100_000);
    expect(rendered(w)).toBeLessThanOrEqual(Math.ceil(900 / w.rowHeight) + 2 * OVERSCAN);
    serve(w);
    for (let i = 0; i < w.range().last; i++) expect(w.item(i)).toBeDefined();
    const t0 = performance.now();
    for (let top = 0; top < 100_000 * w.rowHeight; top += 37_000) { // scroll through the whole list
      w.scrollTop = top;
      serve(w);
      const r = w.range();
      for (let i = r.first; i < r.last; i++) expect(w.item(i)).toBeDefined();
      expect(rendered(w)).toBeLessThan(1000);
      expect(w.cached).toBeLessThanOrEqual(PAGE_SIZE * 12);
    }
    expect(performance.now() - t0).toBeLessThan(5000);
    // Rendering one window into the (fake) DOM: far below 1,000 rows.
    const r = w.range();
    const els = [];
    for (let i = r.first; i < r.last; i++) { const it = w.item(i)!; if (it.type === 'row') els.push(tableRow(it.row, i, false) as unknown as FakeElement); }
    expect(els.length).toBeLessThan(1000);
    expect(els[0]!.getAttribute('aria-rowindex')).toBe(String(r.first + 2));
  });

  it('drops a page of an older list version; a newer one resets the cache', () => {
    const w = new WindowModel();
    w.applyList(model.modelMessage(ctx));
    const old = model.pageMessage(500, 100);
    model.window = { start: 0, count: 60 };
    model.invalidate();
    w.applyList(model.modelMessage(ctx));
    expect(w.applyPage(old)).toBe(false);
    expect(w.item(500)).toBeUndefined();
    model.invalidate();
    expect(w.applyPage(model.pageMessage(500, 100))).toBe(true);
    model.window = { start: 0, count: 60 };
    expect(w.version).toBe(model.version);
    expect(w.item(0)).toBeUndefined();
    expect(w.item(550)).toBeDefined();
  });

  it('keyboard: arrows, PageDown/PageUp, End and Home move over the whole list, across pages', () => {
    const w = opened(600, 60);
    w.select(0);
    const first = w.selectedKey;
    expect(first).toBe((w.item(0) as { row: { key: string } }).row.key);
    const press = (k: string) => {
      const next = w.navigate(k)!;
      w.select(next);
      w.scrollTop = w.scrollFor(next);
      serve(w);
      // the selected row is always rendered and known after its page arrived
      const r = w.range();
      expect(next).toBeGreaterThanOrEqual(r.first);
      expect(next).toBeLessThan(r.last);
      w.select(next);
      return next;
    };
    expect(press('ArrowDown')).toBe(1);
    let i = 1;
    for (let k = 0; k < 10; k++) i = press('PageDown');
    expect(i).toBe(1 + 10 * w.pageRows);
    expect(w.selectedKey).toBe((w.item(i) as { row: { key: string } }).row.key);
    expect(press('End')).toBe(99_999);
    expect(w.selectedKey).toBe(model.page(99_999, 1).items[0]!.type === 'row' ? (model.page(99_999, 1).items[0] as { row: { key: string } }).row.key : null);
    expect(press('ArrowDown')).toBe(99_999);
    expect(press('PageUp')).toBe(99_999 - w.pageRows);
    expect(press('Home')).toBe(0);
    expect(w.selectedKey).toBe(first);
  });

  it('a selection far away is selected by index first and gets its key when the page arrives', () => {
    const w = new WindowModel();
    w.applyList(model.modelMessage(ctx));
    w.select(77_777);
    expect(w.selectedIndex).toBe(77_777);
    w.applyPage(model.pageMessage(77_700, 100));
    expect(w.selectedKey).toBe((model.page(77_777, 1).items[0] as { row: { key: string } }).row.key);
  });

  it('after a change the host tells where the selected row went', () => {
    const w = new WindowModel();
    model.selectedKey = null;
    w.applyList(model.modelMessage(ctx));
    const key = (model.page(40_000, 1).items[0] as { row: { key: string } }).row.key;
    w.selectedKey = key;
    model.selectedKey = key;
    model.setView({ sort: 'distance', direction: 'desc', group: false, filter: '', hidden: [] });
    const m = model.modelMessage(ctx);
    w.applyList(m);
    expect(w.selectedIndex).toBe(model.indexOf(key));
    expect(w.selectedIndex).not.toBe(40_000);
    model.setView({ sort: 'status', direction: 'asc', group: false, filter: '', hidden: [] });
  });
  it('keeps the selected row, scrolled out of the window, across a new list version (the details pane shows it)', () => {
    const { w, key } = selectedAt(55_555);
    model.setView({ sort: 'distance', direction: 'desc', group: false, filter: '', hidden: [] });
    w.applyList(model.modelMessage(ctx));
    const at = model.indexOf(key);
    expect(at).toBeGreaterThan(60);
    expect(w.selectedIndex).toBe(at);
    expect(w.item(at)).toEqual({ type: 'row', row: expect.objectContaining({ key }) });
    expect(w.item(at - 1)).toBeUndefined();
    model.setView({ sort: 'status', direction: 'asc', group: false, filter: '', hidden: [] });
    model.selectedKey = null;
  });
});

describe('the selected row whole', () => {
  it('pages carry table rows; the list message and the answer to `selected` carry the selected row whole', () => {
    const { w, key } = selectedAt(10);
    const m = model.modelMessage(ctx);
    m.window.items.forEach((it, i) => {
      if (it.type !== 'row') return;
      expect(Object.keys(it.row).every((k) => (TABLE_ROW_FIELDS as readonly string[]).includes(k))).toBe(true);
      expect(it.row).toEqual(tableRowOf(model.selectedRow(m.window.start + i)!)); // the whole row's own fields
    });
    expect(m.selected).toMatchObject({ key, file: expect.any(String), line: expect.any(Number), horizon: expect.any(String) });
    w.applyList(m);
    expect(w.selectedRow()).toEqual(m.selected);
    // another row, selected by the keyboard: on its way until the host answers, then whole
    w.select(20);
    const other = (w.item(20) as { row: { key: string } }).row.key;
    expect(w.selectedRow()).toBeUndefined();
    expect(w.applySelection(model.selectionMessage(key))).toBe(false); // an answer for the row left behind
    expect(w.applySelection(model.selectionMessage(other))).toBe(true);
    expect(w.selectedRow()).toMatchObject({ key: other, file: expect.any(String) });
    expect(model.selectedKey).toBe(other);
    // a row far away, its page not here: nothing to show yet
    w.select(90_000);
    expect(w.selectedRow()).toBeUndefined();
    model.selectedKey = null;
  });
});

describe('a click while the list changes', () => {
  /** `n` rows of file `name` from id `first` on, in that order by distance. */
  const rowsOf = (name: string, n: number, first: number) => Array.from({ length: n }, (_, i) => row({
    file: `${name}.positions.json`, id: `p${first + i}`, line: first + i + 1, status: 'watch', distance: ((first + i) / 1000).toFixed(3),
  }));

  /** A list of `n` rows (ids from `first`), the host's window its first `window` items, and item `at` clicked. */
  function clicked(name: string, n: number, first: number, window: number, at: number) {
    const index = new RowIndex();
    index.setFile(name, rowsOf(name, n, first));
    const host = new PanelModel(index);
    host.window = { start: 0, count: window };
    const w = new WindowModel();
    w.viewportHeight = 600;
    w.applyList(host.modelMessage(ctx));
    w.pick(at);
    /** The scan brings `above` rows that sort above the others; the list changes on the host. */
    const arrive = (above: number): void => {
      index.setFile(name, [...rowsOf(name, above, 0), ...rowsOf(name, n, first)]);
      host.invalidate();
    };
    return { host, w, key: w.selectedKey!, arrive };
  }
  const delta = (added: number) => ({ added, removed: 0, updated: 0, stale: [] });

  it('keeps the clicked row: a list sent before the host heard of it re-finds the row by key, never re-keys by index', () => {
    const { host, w, key, arrive } = clicked('h', 40, 10, 60, 5);
    expect(key).toBe('h.positions.json#p15');
    arrive(5); // the delta left before the host got `selected`
    w.applyList(host.deltaMessage(ctx, delta(5)));
    expect(w.selectedKey).toBe(key); // it was re-keyed to the row that moved to index 5 (p10)
    expect(w.selectedIndex).toBe(10);
    expect(w.selectedRow()).toBeUndefined(); // on its way from the host
    // the host's answer says where the row is and brings it whole
    const answer = host.selectionMessage(key);
    expect(answer).toMatchObject({ key, index: 10, version: host.version });
    expect(w.applySelection(answer)).toBe(true);
    expect(w.selectedRow()).toMatchObject({ key });
  });

  it('a page of a newer list (its delta still on the way) does not re-key the selection either', () => {
    const { host, w, key, arrive } = clicked('m', 200, 10, 60, 3);
    arrive(10);
    host.deltaMessage(ctx, delta(10)); // not yet arrived
    expect(w.applyPage(host.pageMessage(0, 50))).toBe(true);
    expect(w.selectedKey).toBe(key);
    expect(w.selectedIndex).toBe(13);
  });

  it('a row the new list does not hold in its window waits for the host\'s answer, which places it', () => {
    const { host, w, key, arrive } = clicked('k', 30, 100, 30, 25);
    arrive(100); // the clicked row leaves the host's window
    w.applyList(host.deltaMessage(ctx, delta(100)));
    expect(w.selectedKey).toBe(key);
    expect(w.selectedIndex).toBe(-1);
    w.applySelection(host.selectionMessage(key));
    expect(w.selectedIndex).toBe(125);
    expect(w.item(125)).toEqual({ type: 'row', row: expect.objectContaining({ key }) });
  });
});

describe('deltas send only what the webview does not hold', () => {
  it('after any updates, page requests, scrolls and view changes, every item the webview holds equals the host\'s', () => {
    const total = { sent: 0, held: 0 };
    const mk = (f: number, n: number, seed: number) => Array.from({ length: n }, (_, i) => row({
      file: `g${f}.positions.json`, id: `p${i}`, line: i + 1, account: `a${i % 4}`, status: STATUS_ORDER[(i * 7 + seed) % 6]!, distance: (((i * 31 + seed) % 997) / 1000).toFixed(3),
    }));
    fc.assert(fc.property(fc.array(fc.oneof(
      fc.record({ kind: fc.constant('update' as const), file: fc.integer({ min: 0, max: 7 }), n: fc.integer({ min: 0, max: 300 }), seed: fc.nat(99) }),
      fc.record({ kind: fc.constant('updating' as const), file: fc.integer({ min: 0, max: 7 }), on: fc.boolean() }),
      fc.record({ kind: fc.constant('scroll' as const), top: fc.nat(2400) }),
      fc.record({ kind: fc.constant('view' as const), group: fc.boolean() }),
      fc.record({ kind: fc.constant('drop' as const) }), // a message the webview never got (a post refused)
    ), { maxLength: 25 }), (actions) => {
      const index = new RowIndex();
      for (let f = 0; f < 8; f++) index.setFile(`g${f}`, mk(f, 200, 0));
      const host = new PanelModel(index);
      const w = new WindowModel();
      w.viewportHeight = 600;
      w.applyList(host.modelMessage(ctx));
      let sent = 0;
      let held = 0;
      const serve = () => { for (const p of w.missingPages()) w.applyPage(host.pageMessage(p.start, p.count)); };
      serve();
      for (const a of actions) {
        if (a.kind === 'update') { index.setFile(`g${a.file}`, mk(a.file, a.n, a.seed)); host.invalidate(); }
        else if (a.kind === 'updating') { index.setUpdating(`g${a.file}`, a.on); host.invalidate(); }
        else if (a.kind === 'scroll') w.scrollTop = a.top * w.rowHeight;
        else if (a.kind === 'view') { host.setView({ ...host.view, group: a.group }); w.applyList(host.modelMessage(ctx)); }
        else host.deltaMessage(ctx, { added: 0, removed: 0, updated: 0, stale: [] });
        if (a.kind === 'update' || a.kind === 'updating') {
          const m = host.deltaMessage(ctx, { added: 0, removed: 0, updated: 0, stale: [] });
          sent += m.window.items.filter((it) => it.type !== 'held').length;
          held += m.window.items.length - m.window.items.filter((it) => it.type !== 'held').length;
          w.applyList(m);
        }
        serve();
        const r = w.range();
        const want = host.page(r.first, r.last - r.first).items;
        for (let i = r.first; i < r.last; i++) expect(w.item(i)).toEqual(want[i - r.first]);
      }
      total.sent += sent;
      total.held += held;
    }), { numRuns: 150 });
    expect(total.held).toBeGreaterThan(total.sent); // most of a delta's window is held
  });
});

describe('pages asked for ahead', () => {
  it('a steady scroll (either way) never reaches a row whose page has not arrived: the next page is asked for PREFETCH rows early', () => {
    const w = opened(900, 100);
    serve(w);
    let missing = 0;
    let asked = 0;
    const step = (dy: number) => {
      w.scrollTop = Math.max(0, w.scrollTop + dy);
      const r = w.range();
      for (let i = r.first; i < r.last; i++) if (!w.item(i)) missing++;
      asked += serve(w); // the pages asked for this frame arrive before the next
    };
    for (let i = 0; i < 3000; i++) step(100); // ~10,000 rows down in wheel steps of 100 px
    for (let i = 0; i < 1500; i++) step(-100);
    expect(missing).toBe(0);
    expect(asked).toBeGreaterThan(100); // one page at a time, ahead of the view
    // a jump asks only for the pages it renders (those ahead may never be needed)
    w.scrollTop = 60_000 * w.rowHeight;
    const r = w.range();
    expect(w.missingPages().map((p) => p.start)).toEqual([...new Set([Math.floor(r.first / PAGE_SIZE), Math.floor((r.last - 1) / PAGE_SIZE)])].map((p) => p * PAGE_SIZE));
    expect(w.cached).toBeLessThanOrEqual(PAGE_SIZE * 8 + PAGE_SIZE * 3);
    expect(w.missingPages()).toEqual([]);
  });
});

describe('a first window smaller than a page', () => {
  it('still asks for the rest of that page', () => {
    const w = opened(10, 1);
    w.viewportHeight = 900;
    expect(w.missingPages()).toEqual([{ start: 0, count: PAGE_SIZE }]);
    model.window = { start: 0, count: 100 };
  });
});

describe('the selection made on first open', () => {
  /** A host over files read one by one, the webview told each list, the host told the webview's selection. */
  function scan() {
    const index = new RowIndex();
    const host = new PanelModel(index);
    const w = new WindowModel();
    w.viewportHeight = 600;
    const read = (file: string, status: (typeof STATUS_ORDER)[number], distance: string): void => {
      index.setFile(file, [row({ file, id: 'p', status, distance })]);
      host.invalidate();
      const hadSelection = w.selectedKey !== null;
      w.applyList(host.modelMessage(ctx));
      w.followFirst(true, hadSelection);
      host.selectedKey = w.selectedKey;
    };
    return { w, read, host };
  }

  it('follows the first row while the scan brings worse ones, until the user picks a row', () => {
    const { w, read, host } = scan();
    read('a.positions.json', 'watch', '0.2');
    expect(w.selectedKey).toBe('a.positions.json#p');
    read('b.positions.json', 'critical', '0.03');
    expect([w.selectedIndex, w.selectedKey]).toEqual([0, 'b.positions.json#p']);
    read('c.positions.json', 'safe', '0.5');
    expect(w.selectedKey).toBe('b.positions.json#p');
    w.pick(2);
    const picked = w.selectedKey;
    host.selectedKey = picked; // the webview tells the host (main.ts moveTo)
    read('d.positions.json', 'liquidatable', '0');
    expect(w.selectedKey).toBe(picked);
  });

  it('leaves a restored or revealed selection where it is', () => {
    const { w, read } = scan();
    w.pickKey('a.positions.json#p');
    read('a.positions.json', 'watch', '0.2');
    read('b.positions.json', 'critical', '0.03');
    expect(w.selectedKey).toBe('a.positions.json#p');
  });
});
