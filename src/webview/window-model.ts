// The paged table's state in the webview (pure: no DOM, unit-tested). The host owns the list; this keeps the items
// of the current list version that arrived (the window sent with each model/delta, and pages asked for while
// scrolling), says which pages to ask for, which items to render (the visible ones plus a small overscan), and moves
// the selection over the whole list with the keyboard — an item not loaded yet is selected by index and resolved
// when its page arrives. Fixed row height: item i is at i × rowHeight.
import { tableRowOf, type DeltaMessage, type DisplayItem, type ModelMessage, type PageMessage, type PanelRow, type SelectionMessage } from '../protocol/messages';

export const PAGE_SIZE = 100;
export const OVERSCAN = 6;
/** Rows past the rendered ones, in a scroll's direction, whose pages are asked for ahead: a scroll that reached a
 * page before it arrived rendered its rows as placeholders, then all again when it came (a burst of layout in one
 * frame). Not after a jump: those pages may never be needed. */
export const PREFETCH = 50;

export interface Range {
  first: number;
  last: number;
}

export class WindowModel {
  version = -1;
  total = 0;
  rows = 0;
  rowHeight = 30;
  viewportHeight = 600;
  scrollTop = 0;
  selectedIndex = -1;
  selectedKey: string | null = null;
  /** The selected row whole (the details pane's), as the host last sent it; its key says which row it is. */
  private whole: { key: string; row: PanelRow | null } | null = null;
  private readonly items = new Map<number, DisplayItem>();
  private readonly requested = new Set<number>();
  /** The first rendered item when pages were last looked for (the scroll's direction and step). */
  private lastFirst = 0;

  /** A `model` or `delta`: the list's size, its version, and the window the host re-sent. */
  applyList(msg: ModelMessage | DeltaMessage): void {
    const kept = msg.type === 'delta' ? this.resolveHeld(msg) : msg.window.items;
    const newList = msg.version !== this.version;
    if (newList) this.startList(msg.version);
    this.total = msg.total;
    this.rows = msg.rows;
    this.store(msg.window.start, kept);
    // The host knows where the selected row went (sorted elsewhere, filtered out), and sends it even when it is
    // outside the window, so the details pane keeps showing it.
    if (this.selectedKey !== null && msg.selectedKey === this.selectedKey) this.selectedIndex = msg.selectedIndex;
    else if (this.selectedKey === null && msg.selectedKey !== null) {
      this.selectedKey = msg.selectedKey;
      this.selectedIndex = msg.selectedIndex;
    } else if (this.selectedKey !== null && newList) {
      // A list sent before the host heard of this selection (a click while a scan streams in): the old index points
      // at whatever row moved there. The row is found by its key; the host's answer to `selected` says where it is.
      this.selectedIndex = this.heldIndexOf(this.selectedKey);
    }
    if (msg.selectedKey !== null && msg.selectedKey === this.selectedKey) {
      this.whole = { key: msg.selectedKey, row: msg.selected };
      this.holdSelected(msg.selectedIndex, msg.selected);
    }
    if (this.selectedIndex >= this.total) this.selectedIndex = this.total - 1;
    this.resolveSelection();
  }

  /** A delta's window with its `held` items (unchanged since list version `keptFrom`) taken from the items held;
   * null where they are not held (their page is asked for). */
  private resolveHeld(msg: DeltaMessage): (DisplayItem | null)[] {
    const items = msg.window.items;
    if (!items.some((it) => it.type === 'held')) return items as DisplayItem[];
    const byKey = new Map<string, DisplayItem>();
    if (msg.keptFrom === this.version) for (const it of this.items.values()) byKey.set(it.type === 'row' ? it.row.key : it.account.key, it);
    return items.map((it) => (it.type === 'held' ? withUpdating(byKey.get(it.key), it.updating) : it));
  }

  /** The host's answer to `selected`; true when it is the selected row's (the details pane shows it). */
  applySelection(msg: SelectionMessage): boolean {
    if (msg.key !== this.selectedKey) return false;
    this.whole = { key: msg.key, row: msg.row };
    if (msg.version === this.version && msg.index >= 0) {
      this.selectedIndex = msg.index;
      this.holdSelected(msg.index, msg.row);
    }
    return true;
  }

  /** The items of list `version` start empty: what was held or asked for belongs to the old one. */
  private startList(version: number): void {
    this.items.clear();
    this.requested.clear();
    this.version = version;
  }

  /** The selected row, sent whole wherever it is, held as its table row at its index. */
  private holdSelected(index: number, row: PanelRow | null): void {
    if (row && index >= 0) this.items.set(index, { type: 'row', row: tableRowOf(row) });
  }

  /** Where the row `key` is among the items held; -1 when it is not held. */
  private heldIndexOf(key: string): number {
    for (const [i, it] of this.items) if (it.type === 'row' && it.row.key === key) return i;
    return -1;
  }

  /**
   * The selected row whole: undefined while the host's answer is on its way (the pane keeps what it shows), null
   * when no row is selected or the host has none by that key.
   */
  selectedRow(): PanelRow | null | undefined {
    if (this.selectedKey === null || this.selectedIndex < 0) return null;
    const it = this.items.get(this.selectedIndex);
    if (!it) return undefined;
    if (it.type !== 'row' || it.row.key !== this.selectedKey) return null;
    return this.whole?.key === this.selectedKey ? this.whole.row : undefined;
  }

  /** A page; dropped when it belongs to an older list. */
  applyPage(msg: PageMessage): boolean {
    if (msg.version < this.version) return false;
    const newList = msg.version > this.version;
    if (newList) this.startList(msg.version);
    this.total = msg.total;
    this.store(msg.window.start, msg.window.items);
    // A page of a newer list (its delta still on its way): the selected row is found by its key, as in applyList.
    if (newList && this.selectedKey !== null) this.selectedIndex = this.heldIndexOf(this.selectedKey);
    this.resolveSelection();
    return true;
  }

  /** Items from index `start` (a null: not here, its page is asked for). */
  private store(start: number, items: readonly (DisplayItem | null)[]): void {
    items.forEach((it, i) => { if (it) this.items.set(start + i, it); });
    // A page counts as here only when the items cover all of it (a small window may cover part of one).
    const end = start + items.length;
    for (let p = Math.floor(start / PAGE_SIZE); p * PAGE_SIZE < end; p++) {
      const from = p * PAGE_SIZE;
      const to = Math.min((p + 1) * PAGE_SIZE, this.total);
      if (from >= start && to <= end && items.slice(from - start, to - start).every((it) => it !== null)) this.requested.add(p);
    }
  }

  item(i: number): DisplayItem | undefined {
    return this.items.get(i);
  }

  /** Items held (never more than the pages near the view: far ones are dropped). */
  get cached(): number {
    return this.items.size;
  }

  /** The items to render: the visible ones plus the overscan, clamped to the list. */
  range(): Range {
    const first = Math.max(0, Math.floor(this.scrollTop / this.rowHeight) - OVERSCAN);
    const visible = Math.ceil(this.viewportHeight / this.rowHeight);
    const last = Math.min(this.total, Math.floor(this.scrollTop / this.rowHeight) + visible + OVERSCAN);
    return { first, last: Math.max(first, last) };
  }

  /** Rows in one screen (PageUp/PageDown). */
  get pageRows(): number {
    return Math.max(1, Math.floor(this.viewportHeight / this.rowHeight) - 1);
  }

  /** Pages the range needs, then those within PREFETCH rows ahead of a scroll, that are neither here nor asked for;
   * marks them asked for. Drops far pages. */
  missingPages(range: Range = this.range()): Array<{ start: number; count: number }> {
    const out: Array<{ start: number; count: number }> = [];
    if (range.last <= range.first) return out;
    const ask = (first: number, last: number): void => {
      for (let p = Math.floor(first / PAGE_SIZE); p * PAGE_SIZE < last; p++) {
        if (this.requested.has(p)) continue;
        this.requested.add(p);
        out.push({ start: p * PAGE_SIZE, count: PAGE_SIZE });
      }
    };
    ask(range.first, range.last);
    // Ahead in the direction of a scroll; not after a jump (the view did not come from nearby).
    const moved = range.first - this.lastFirst;
    if (moved > 0 && moved <= PREFETCH) ask(range.last, Math.min(this.total, range.last + PREFETCH));
    else if (moved < 0 && -moved <= PREFETCH) ask(Math.max(0, range.first - PREFETCH), range.first);
    this.lastFirst = range.first;
    this.evict(range);
    return out;
  }

  private evict(range: Range): void {
    const keepFrom = Math.floor(range.first / PAGE_SIZE) - 2;
    const keepTo = Math.floor(range.last / PAGE_SIZE) + 2;
    if (this.items.size <= PAGE_SIZE * 8) return;
    for (const i of this.items.keys()) {
      const p = Math.floor(i / PAGE_SIZE);
      if ((p < keepFrom || p > keepTo) && i !== this.selectedIndex) {
        this.items.delete(i);
        this.requested.delete(p);
      }
    }
  }

  /** After a list: on first open (nothing selected), and while the selection is still the one made for the user, the
   *  first item once it is more than listed (`firstReady`); the scan's first file need not hold the worst position. */
  followFirst(firstReady: boolean, hadSelection: boolean): void {
    if (!firstReady || this.total === 0) return;
    if ((!hadSelection && this.selectedIndex < 0) || (this.following && this.selectedIndex !== 0)) {
      this.select(0);
      this.following = true;
    }
  }

  /** A selection the user made (click, keys, reveal): it stays where they put it. */
  pick(i: number): void {
    this.following = false;
    this.select(i);
  }

  /** The user's selection by key alone (filtered out, or in a newer list: the next list tells its index). */
  pickKey(key: string): void {
    this.following = false;
    this.selectedKey = key;
    this.selectedIndex = -1;
  }

  /** The selection is the first item, made for the user, not yet replaced by theirs. */
  private following = false;

  /** Selects item `i` (clamped); its key is known once its page is here. */
  select(i: number): void {
    if (this.total === 0) return;
    this.selectedIndex = Math.max(0, Math.min(this.total - 1, i));
    const it = this.items.get(this.selectedIndex);
    this.selectedKey = it?.type === 'row' ? it.row.key : it ? null : this.selectedKey;
  }

  private resolveSelection(): void {
    if (this.selectedIndex < 0) return;
    const it = this.items.get(this.selectedIndex);
    if (it?.type === 'row') this.selectedKey = it.row.key;
  }

  /** The index a navigation key moves the selection to, or null for other keys. */
  navigate(key: string): number | null {
    if (this.total === 0) return null;
    const i = Math.max(0, this.selectedIndex);
    const clamp = (n: number) => Math.max(0, Math.min(this.total - 1, n));
    switch (key) {
      case 'ArrowDown': return clamp(this.selectedIndex < 0 ? 0 : i + 1);
      case 'ArrowUp': return clamp(i - 1);
      case 'Home': return 0;
      case 'End': return this.total - 1;
      case 'PageDown': return clamp(i + this.pageRows);
      case 'PageUp': return clamp(i - this.pageRows);
      default: return null;
    }
  }

  /** The scrollTop that brings item `i` into view (unchanged when it is visible). */
  scrollFor(i: number): number {
    const top = i * this.rowHeight;
    if (top < this.scrollTop) return top;
    const bottom = top + this.rowHeight;
    if (bottom > this.scrollTop + this.viewportHeight) return Math.max(0, bottom - this.viewportHeight);
    return this.scrollTop;
  }
}

/** A held item with the `updating` flag a delta gives it (the item itself when none is given); null when not held. */
function withUpdating(item: DisplayItem | undefined, updating: boolean | undefined): DisplayItem | null {
  if (!item || updating === undefined || (item.type === 'row' ? item.row.updating : item.account.updating) === updating) return item ?? null;
  return item.type === 'row' ? { type: 'row', row: { ...item.row, updating } } : { type: 'account', account: { ...item.account, updating } };
}
