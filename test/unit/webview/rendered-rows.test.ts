import { beforeAll, describe, expect, it } from 'vitest';
import { FakeElement, installFakeDom } from './fake-dom';
import { placeholderRow, tableRow } from '../../../src/webview/view';
import { RenderedRows, placeRows, type BuildRow } from '../../../src/webview/rendered-rows';
import type { DisplayItem } from '../../../src/protocol/messages';
import { panelReport, row, watchRow } from '../extension/fixtures';

beforeAll(installFakeDom);

/** Display items as a delta sends them: new objects every time (a structured clone of the host's page). */
function items(): DisplayItem[] {
  const rows = panelReport([watchRow({ id: 'a', symbol: 'AUSDT' }), row({ id: 'b', symbol: 'BUSDT' }), row({ id: 'c', symbol: 'CUSDT' })]).rows;
  return rows.map((r) => ({ type: 'row', row: r }));
}

function counting(): { build: BuildRow; built: () => number } {
  let n = 0;
  return {
    build: (item, i, selected) => {
      n++;
      return item?.type === 'row' ? tableRow(item.row, i, selected) : placeholderRow(i, selected);
    },
    built: () => n,
  };
}

const attr = (el: HTMLTableRowElement, name: string) => (el as unknown as FakeElement).getAttribute(name);

describe('rendered rows (the table window reused across renders)', () => {
  it('keeps the element of an unchanged row when a delta re-sends it as a new object, even at another index', () => {
    const cache = new RenderedRows();
    const { build, built } = counting();
    const first = items();
    const before = cache.render(0, 3, (i) => first[i], 0, build);
    expect(built()).toBe(3);
    // the next delta: same content, new objects, one new row sorted in at the top (the selection follows its row)
    const next: DisplayItem[] = [{ type: 'row', row: { ...asRow(first[0]!), key: 'new#x', id: 'x' } }, ...items()];
    const after = cache.render(0, 4, (i) => next[i], 1, build);
    expect(built()).toBe(4); // only the new row was built
    expect(after.slice(1)).toEqual(before);
    expect(after.slice(1).map((el) => attr(el, 'data-index'))).toEqual(['1', '2', '3']);
    expect(after.slice(1).map((el) => attr(el, 'aria-rowindex'))).toEqual(['3', '4', '5']);
  });

  it('builds a row again when its content or its selection changed', () => {
    const cache = new RenderedRows();
    const { build, built } = counting();
    const first = items();
    const before = cache.render(0, 3, (i) => first[i], 0, build);
    const changed = items();
    changed[1] = { type: 'row', row: { ...asRow(changed[1]!), updating: true } };
    const after = cache.render(0, 3, (i) => changed[i], 2, build);
    expect(built()).toBe(3 + 3); // row 0 lost the selection, row 1 changed, row 2 gained the selection
    expect(after.every((el, i) => el !== before[i])).toBe(true);
    expect(attr(after[2]!, 'aria-selected')).toBe('true');
  });

  it('reuses the same objects while scrolling and gives each missing item its own placeholder', () => {
    const cache = new RenderedRows();
    const { build, built } = counting();
    const list = items();
    const at = (i: number) => list[i]; // items 3 and 4 not loaded yet
    const one = cache.render(0, 5, at, -1, build);
    const two = cache.render(1, 5, at, -1, build);
    expect(built()).toBe(5);
    expect(two).toEqual(one.slice(1));
    expect(new Set(two).size).toBe(4);
    expect(attr(two[3]!, 'data-index')).toBe('4');
  });
});

function asRow(it: DisplayItem): Extract<DisplayItem, { type: 'row' }>['row'] {
  if (it.type !== 'row') throw new Error('not a row');
  return it.row;
}

describe('placing the window between its spacers', () => {
  const tr = (name: string) => Object.assign(new FakeElement('tr'), { name });
  const names = (parent: FakeElement) => parent.children.map((c) => (c as FakeElement & { name?: string }).name);

  function table(...rows: FakeElement[]) {
    const tbody = new FakeElement('tbody');
    const top = tr('top');
    const bottom = tr('bottom');
    tbody.append(top, ...rows, bottom);
    return { tbody, top };
  }

  it('inserts the rows that came into view and removes those that left, leaving the others in place', () => {
    const [a, b, c, d] = [tr('a'), tr('b'), tr('c'), tr('d')];
    const { tbody, top } = table(a, b, c);
    const moves: string[] = [];
    const insert = tbody.insertBefore.bind(tbody);
    tbody.insertBefore = (n, ref) => { moves.push((n as FakeElement & { name: string }).name); insert(n, ref); };
    placeRows(top as unknown as Element, [b, c, d] as unknown as Element[], [a, b, c] as unknown as Element[]);
    expect(names(tbody)).toEqual(['top', 'b', 'c', 'd', 'bottom']);
    expect(moves).toEqual(['d']);
    expect(a.parentNode).toBeNull();
  });

  it('puts a reordered or wholly new window in order', () => {
    const [a, b, c, x] = [tr('a'), tr('b'), tr('c'), tr('x')];
    const { tbody, top } = table(a, b, c);
    placeRows(top as unknown as Element, [x, c, a] as unknown as Element[], [a, b, c] as unknown as Element[]);
    expect(names(tbody)).toEqual(['top', 'x', 'c', 'a', 'bottom']);
    placeRows(top as unknown as Element, [] as unknown as Element[], [x, c, a] as unknown as Element[]);
    expect(names(tbody)).toEqual(['top', 'bottom']);
  });
});
