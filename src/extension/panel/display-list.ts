// The panel's list: the sorted rows that pass the filter box and the status chips, optionally grouped under their
// account (a header item before each account's rows; accounts ordered by their first row in the current sort, rows
// in the sort order within). Built lazily (only when the panel reads it) and without an object per row: with nothing
// filtered and no grouping the list is the sorted array itself; filtered, it is the passing entries (and follows a
// change of the sorted rows by splicing, not by filtering them all again); grouped, the entries with one header per
// account (after a change, the changed accounts' blocks are replaced). A filtered or grouped list after a change is
// written into the array of the list before last (no new array of every row). A row's index is found by binary
// search with the order's comparator, not by a scan.
import type { PanelStatus, PanelView } from '../../protocol/messages';
import { STATUS_ORDER } from '../../protocol/messages';
import { isAtRisk } from '../../presentation/describe';
import { boundedRef } from '../rows';
import { filterTerms, matchesFilter, PENDING_RANK, type RowEntry } from './row-entry';
import type { Compare } from './sort-keys';
import { lowerBound, spliceSteps, type SortedChange } from './sorted-rows';
import { drain, type Steps } from '../steps';

export interface AccountItem {
  type: 'account';
  key: string;
  fileKey: string;
  first: RowEntry;
  positions: number;
  atRisk: number;
  worst: PanelStatus;
  /** Every row of the account is pending (its file only listed so far): `worst` is a placeholder. */
  pending: boolean;
}

export type ListItem = { type: 'row'; entry: RowEntry } | AccountItem;

/** An item of the list as stored: a row's entry itself, or an account header. */
export type StoredItem = RowEntry | AccountItem;

export const isAccountItem = (x: StoredItem): x is AccountItem => (x as Partial<AccountItem>).type === 'account';

type ListView = Pick<PanelView, 'filter' | 'hidden' | 'group'>;

/** The test a row must pass to be listed; null when every row passes. */
function rowFilter(view: ListView): ((e: RowEntry) => boolean) | null {
  const hidden = new Set(view.hidden);
  const terms = filterTerms(view.filter);
  if (hidden.size === 0 && terms.length === 0) return null;
  // a pending row's status is a placeholder: the chips do not hide it
  const shown = (e: RowEntry): boolean => e.pending || !hidden.has(e.status);
  if (terms.length === 0) return shown;
  return (e) => shown(e) && matchesFilter(e, terms);
}

interface Group { first: RowEntry; entries: RowEntry[]; worst: number; atRisk: number }

/** Items handled between two pauses of a list's stepped build or update (about a millisecond). */
const LIST_STEP = 4096;

/** A row's cost in a step: a look-up, or its first filter's read of the row from its text (row-entry.ts filterText). */
const costOf = (e: RowEntry): number => (e.haystack === null ? 16 : 1);

/** The entries of `list` that pass. */
function* filterSteps(list: readonly RowEntry[], pass: (e: RowEntry) => boolean): Steps<RowEntry[]> {
  const out: RowEntry[] = [];
  let work = 0;
  for (let i = 0; i < list.length; i++) {
    work += costOf(list[i]!);
    if (pass(list[i]!)) out.push(list[i]!);
    if (work >= LIST_STEP) {
      work = 0;
      yield;
    }
  }
  return out;
}

/** The passing entries of `sorted` by account, in the order of each account's first row. */
function* groupSteps(sorted: readonly RowEntry[], pass: ((e: RowEntry) => boolean) | null): Steps<Map<string, Group>> {
  const groups = new Map<string, Group>();
  let work = 0;
  for (let i = 0; i < sorted.length; i++) {
    const e = sorted[i]!;
    work += costOf(e);
    if (work >= LIST_STEP) {
      work = 0;
      yield;
    }
    if (pass && !pass(e)) continue;
    let g = groups.get(e.accountKey);
    if (!g) groups.set(e.accountKey, (g = { first: e, entries: [], worst: STATUS_ORDER.length, atRisk: 0 }));
    g.entries.push(e);
    if (e.rank < g.worst) g.worst = e.rank;
    if (isAtRisk(e.status)) g.atRisk++;
  }
  return groups;
}

function header(key: string, g: Group): AccountItem {
  return {
    type: 'account', key: `account:${boundedRef(key)}`, fileKey: g.first.fileKey, first: g.first, positions: g.entries.length, atRisk: g.atRisk,
    worst: (STATUS_ORDER[g.worst] as PanelStatus | undefined) ?? 'unknown', pending: g.worst === PENDING_RANK,
  };
}

export class DisplayList {
  private constructor(
    /** The generation of the sorted rows the list was built from (SortedRows.generation; -1: unknown). */
    readonly generation: number,
    readonly view: ListView,
    /** The order of the sorted rows (undefined: unknown, so indexOf scans). */
    readonly compare: Compare | undefined,
    private readonly pass: ((e: RowEntry) => boolean) | null,
    /** The items in order: the sorted rows' array itself when every row passes and nothing is grouped. */
    private readonly seq: readonly StoredItem[],
    /** How many of the items are rows (not account headers). */
    readonly rows: number,
    /** Grouped: each account's header index. */
    private readonly headers?: ReadonlyMap<string, number>,
    /** The items array of the list before this one (filtered or grouped only: never the sorted rows' own array),
     * written over by the next list: the two take turns, so a change allocates no new array of every row. */
    private readonly spare?: StoredItem[],
  ) {}

  static build(sorted: readonly RowEntry[], view: ListView, compare?: Compare, generation = -1): DisplayList {
    return drain(DisplayList.buildSteps(sorted, view, compare, generation));
  }

  /** build, pausing every LIST_STEP items. */
  static *buildSteps(sorted: readonly RowEntry[], view: ListView, compare?: Compare, generation = -1): Steps<DisplayList> {
    const pass = rowFilter(view);
    if (!view.group) {
      const rows = pass ? yield* filterSteps(sorted, pass) : sorted;
      return new DisplayList(generation, view, compare, pass, rows, rows.length);
    }
    const groups = yield* groupSteps(sorted, pass);
    let rows = 0;
    for (const g of groups.values()) rows += g.entries.length;
    const items = new Array<StoredItem>(rows + groups.size);
    const headers = new Map<string, number>();
    let k = 0;
    let pauseAt = LIST_STEP;
    for (const [key, g] of groups) {
      headers.set(key, k);
      items[k++] = header(key, g);
      for (const e of g.entries) items[k++] = e;
      if (k >= pauseAt) {
        pauseAt = k + LIST_STEP;
        yield;
      }
    }
    return new DisplayList(generation, view, compare, pass, items, rows, headers);
  }

  /**
   * This list after its sorted rows changed by `change` (from this list's generation) into `sorted`: the sorted rows
   * themselves when nothing is filtered or grouped; spliced when filtered; grouped, the changed accounts' blocks
   * replaced (rebuilt when the change is not whole accounts). Pauses every LIST_STEP items.
   */
  *nextSteps(change: SortedChange, sorted: readonly RowEntry[]): Steps<DisplayList> {
    const compare = this.compare;
    if (change.from !== this.generation || this.generation < 0 || !compare) return yield* DisplayList.buildSteps(sorted, this.view, compare, change.to);
    const pass = this.pass;
    if (this.headers) return (yield* this.nextGrouped(change, compare)) ?? (yield* DisplayList.buildSteps(sorted, this.view, compare, change.to));
    if (!pass) return new DisplayList(change.to, this.view, compare, null, sorted, sorted.length);
    const seq = this.seq as RowEntry[];
    const removed = yield* filterSteps(change.removed, pass);
    const added = yield* filterSteps(change.added, pass);
    const rows = yield* spliceSteps(seq, removed, added, compare, undefined, this.spare as RowEntry[] | undefined);
    return new DisplayList(change.to, this.view, compare, pass, rows, rows.length, undefined, rows === seq ? this.spare : seq);
  }

  /** The grouped list after `change`: the accounts it removed leave, those it added come in at their first row's
   * place; every other account's block is copied as it is. Undefined when an account only partly changed. */
  private *nextGrouped(change: SortedChange, compare: Compare): Steps<DisplayList | undefined> {
    const headers = this.headers!;
    const seq = this.seq;
    const pass = this.pass;
    const gone = new Map<string, number>();
    let goneRows = 0;
    for (let i = 0; i < change.removed.length; i++) {
      if ((i + 1) % LIST_STEP === 0) yield;
      const e = change.removed[i]!;
      if (pass && !pass(e)) continue;
      gone.set(e.accountKey, (gone.get(e.accountKey) ?? 0) + 1);
      goneRows++;
    }
    for (const [key, n] of gone) {
      const h = headers.get(key);
      if (h === undefined || (seq[h] as AccountItem).positions !== n) return undefined;
    }
    const fresh = yield* groupSteps(change.added, pass);
    let freshRows = 0;
    for (const [key, g] of fresh) {
      if (headers.has(key) && !gone.has(key)) return undefined;
      freshRows += g.entries.length;
    }
    const rows = this.rows - goneRows + freshRows;
    const size = rows + headers.size - gone.size + fresh.size;
    const items = this.spare ?? new Array<StoredItem>(size);
    items.length = size;
    const at = new Map<string, number>();
    const incoming = [...fresh].map(([key, g]) => ({ item: header(key, g), entries: g.entries }));
    let k = 0;
    let f = 0;
    const addFresh = (until: RowEntry | null): void => {
      for (; f < incoming.length && (until === null || compare(incoming[f]!.item.first, until) < 0); f++) {
        const { item, entries } = incoming[f]!;
        at.set(item.first.accountKey, k);
        items[k++] = item;
        for (const e of entries) items[k++] = e;
      }
    };
    let pauseAt = LIST_STEP;
    for (const [key, h] of headers) {
      if (gone.has(key)) continue;
      const head = seq[h] as AccountItem;
      addFresh(head.first);
      at.set(key, k);
      for (let i = h, end = h + 1 + head.positions; i < end; i++) items[k++] = seq[i]!;
      if (k >= pauseAt) {
        pauseAt = k + LIST_STEP;
        yield;
      }
    }
    addFresh(null);
    return new DisplayList(change.to, this.view, compare, pass, items, rows, at, seq as StoredItem[]);
  }

  /** The number of items (rows and account headers). */
  get length(): number {
    return this.seq.length;
  }

  /** Item `i` as stored (a row's entry or an account header). */
  get(i: number): StoredItem | undefined {
    return this.seq[i];
  }

  /** Every item, each row wrapped (allocates one object per row: for tests, not for the panel's paths). */
  get items(): ListItem[] {
    return this.seq.map((x) => (isAccountItem(x) ? x : { type: 'row', entry: x }));
  }

  /** The index of the row with the key of `e` (an entry of the sorted rows); -1 when it is not listed. */
  indexOf(e: RowEntry): number {
    if (this.pass && !this.pass(e)) return -1;
    let lo = 0;
    let hi = this.seq.length;
    if (this.headers) {
      const h = this.headers.get(e.accountKey);
      if (h === undefined) return -1;
      lo = h + 1;
      hi = lo + (this.seq[h] as AccountItem).positions;
    }
    const compare = this.compare;
    if (!compare) {
      for (let i = lo; i < hi; i++) if ((this.seq[i] as RowEntry).key === e.key) return i;
      return -1;
    }
    const rows = this.seq as readonly RowEntry[];
    for (let i = lowerBound(rows, e, compare, lo, hi); i < hi; i++) {
      const x = rows[i]!;
      if (x.key === e.key) return i;
      if (compare(x, e) !== 0) break;
    }
    return -1;
  }
}

/** The list of `sorted` in `view` (`compare`: the order of `sorted`, for a binary-searched indexOf). */
export function buildDisplayList(sorted: readonly RowEntry[], view: ListView, compare?: Compare): DisplayList {
  return DisplayList.build(sorted, view, compare);
}
