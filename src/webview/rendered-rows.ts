// The table rows in the DOM, by list index, reused across renders (pure DOM work, unit-tested with the fake DOM).
// A delta re-sends the window as new objects and often shifts it (a new file's critical rows sort in at the top):
// a row whose content and selection are unchanged keeps its element, moved to its new index, so the webview builds
// only the rows that changed instead of the whole window on every delta.
import type { DisplayItem } from '../protocol/messages';

interface RenderedRow {
  item: DisplayItem | undefined;
  el: HTMLTableRowElement;
  selected: boolean;
  index: number;
  /** The item's content and selection: equal signatures render the same row (up to its index). */
  sig: string;
}

export type BuildRow = (item: DisplayItem | undefined, index: number, selected: boolean) => HTMLTableRowElement;

export class RenderedRows {
  private byIndex = new Map<number, RenderedRow>();

  /** The element of item `i` as last rendered. */
  element(i: number): HTMLTableRowElement | undefined {
    return this.byIndex.get(i)?.el;
  }

  /** The elements of items [first, last): reused for unchanged content (even at another index), else built. */
  render(first: number, last: number, itemAt: (i: number) => DisplayItem | undefined, selectedIndex: number, build: BuildRow): HTMLTableRowElement[] {
    const bySig = new Map<string, RenderedRow>();
    for (const r of this.byIndex.values()) bySig.set(r.sig, r);
    const next = new Map<number, RenderedRow>();
    for (let i = first; i < last; i++) next.set(i, this.rowAt(i, itemAt(i), i === selectedIndex, bySig, build));
    this.byIndex = next;
    return [...next.values()].map((r) => r.el);
  }

  private rowAt(i: number, item: DisplayItem | undefined, selected: boolean, bySig: Map<string, RenderedRow>, build: BuildRow): RenderedRow {
    const old = this.byIndex.get(i);
    // Scrolling: the same item object at the same index.
    if (old && old.item === item && old.selected === selected && old.index === i && item) {
      bySig.delete(old.sig);
      return old;
    }
    const sig = rowSig(item, selected, i);
    const same = bySig.get(sig);
    if (same) {
      bySig.delete(sig); // one element per row
      if (same.index !== i) setIndex(same.el, i);
      return { ...same, item, index: i };
    }
    return { item, el: build(item, i, selected), selected, index: i, sig };
  }
}

/**
 * Puts `rows` between the spacers `top` and `bottom` (siblings), moving only what is not in place already: a scroll
 * step inserts the rows that came into view and removes those that left. Re-inserting the whole window made the
 * browser style and lay out every row again on each step.
 */
export function placeRows(top: Element, rows: readonly Element[], previous: readonly Element[]): void {
  const keep = new Set(rows);
  for (const el of previous) if (!keep.has(el)) el.remove();
  const parent = top.parentNode!;
  let cursor = top.nextSibling;
  for (const el of rows) {
    if (el === cursor) cursor = el.nextSibling;
    else parent.insertBefore(el, cursor);
  }
}

/** A placeholder has no content of its own: its index is in the signature (one element per missing item). */
function rowSig(item: DisplayItem | undefined, selected: boolean, index: number): string {
  return `${selected ? 1 : 0}${item ? JSON.stringify(item) : `pending ${index}`}`;
}

/** A reused row moved to list index `i` (the attributes view.ts derives from the index). */
function setIndex(el: HTMLTableRowElement, i: number): void {
  el.setAttribute('aria-rowindex', String(i + 2));
  el.setAttribute('data-index', String(i));
}
