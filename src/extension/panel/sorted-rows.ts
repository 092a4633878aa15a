// All rows in one order, kept incrementally: a changed file's rows are set aside and merged in lazily, on the next
// read. A change of k rows among n is spliced in: each of the file's old rows is found and each new row placed by a
// binary search (O(k log n) compares), then one pass copies the array (no compares) into the array of the order
// before last (two arrays take turns, so a change allocates no new 100,000-slot array). A change too large for that
// (the first load, many files at once) leaves and merges in one pass (O(n + k log k) compares). Never a full re-sort;
// only a change of sort column sorts all. The merge is a generator that pauses every MERGE_STEP rows: a read drains
// it at once, `advance` runs it up to a deadline (a 20,000-row file among 80,000 rows is ~20 ms of merging, more than
// the host's task budget). Each merge that changed the order records what it removed and added (`lastChange`), so a
// list derived from the previous order (a filtered one) can follow in kind.
import type { Compare } from './sort-keys';
import type { RowEntry } from './row-entry';
import { runUntil, type Steps } from '../steps';

/** Rows merged (or copied) by a sliced merge between two of its pauses: about a millisecond of work. */
export const MERGE_STEP = 4096;

/** `a` and `b` (each sorted by `compare`) merged, pausing every `step` rows; on a tie, `a`'s entry first. */
function* mergeSteps(a: readonly RowEntry[], b: readonly RowEntry[], compare: Compare, step = MERGE_STEP): Steps<RowEntry[]> {
  const out = new Array<RowEntry>(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) {
    out[k++] = compare(a[i]!, b[j]!) <= 0 ? a[i++]! : b[j++]!;
    if (k % step === 0) yield;
  }
  while (i < a.length) out[k++] = a[i++]!;
  while (j < b.length) out[k++] = b[j++]!;
  return out;
}

/** Rows whose column value is read from their text (Compare.prime) between two pauses: about a millisecond. */
export const PRIME_STEP = 256;

/** A stable sort of `list` (a bottom-up merge sort over runs of 32), pausing every `step` rows merged. */
export function* sortSteps(list: readonly RowEntry[], compare: Compare, step = MERGE_STEP): Steps<RowEntry[]> {
  if (compare.prime) {
    for (let i = 0; i < list.length; i++) {
      compare.prime(list[i]!);
      if ((i + 1) % PRIME_STEP === 0) yield;
    }
  }
  const runs: RowEntry[][] = [];
  for (let i = 0; i < list.length; i += 32) {
    runs.push(list.slice(i, i + 32).sort(compare));
    if (runs.length % Math.max(1, step >> 5) === 0) yield;
  }
  return (yield* mergeAllSteps(runs, compare, step)) as RowEntry[];
}

/** Sorted lists merged pairwise (O(n log lists) compares, not O(n · lists)), pausing as mergeSteps does. */
function* mergeAllSteps(lists: readonly (readonly RowEntry[])[], compare: Compare, step = MERGE_STEP): Steps<readonly RowEntry[]> {
  let level = lists;
  while (level.length > 1) {
    const next: (readonly RowEntry[])[] = [];
    for (let i = 0; i < level.length; i += 2) next.push(i + 1 < level.length ? yield* mergeSteps(level[i]!, level[i + 1]!, compare, step) : level[i]!);
    level = next;
  }
  return level[0] ?? [];
}

/** The first index in [lo, hi) whose entry does not sort before `e` (hi when none). */
export function lowerBound(list: readonly RowEntry[], e: RowEntry, compare: Compare, lo = 0, hi = list.length): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compare(list[mid]!, e) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first index in [lo, hi) whose entry sorts after `e` (hi when none). */
function upperBound(list: readonly RowEntry[], e: RowEntry, compare: Compare, lo = 0, hi = list.length): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compare(list[mid]!, e) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The index of the entry `e` (this object) in `list`, sorted by `compare`; -1 when it is not there. */
function locate(list: readonly RowEntry[], e: RowEntry, compare: Compare): number {
  for (let i = lowerBound(list, e, compare); i < list.length; i++) {
    const x = list[i]!;
    if (x === e) return i;
    if (compare(x, e) !== 0) break;
  }
  return -1;
}

/** The splice by binary searches; undefined when a removed entry is not in `list` (the caller filters instead). */
function spliceByPosition(list: readonly RowEntry[], removed: readonly RowEntry[], added: readonly RowEntry[], compare: Compare, into?: RowEntry[]): RowEntry[] | undefined {
  const n = list.length;
  const gone = new Int32Array(removed.length);
  for (let r = 0; r < removed.length; r++) {
    const at = locate(list, removed[r]!, compare);
    if (at < 0) return undefined;
    gone[r] = at;
  }
  gone.sort();
  for (let r = 1; r < gone.length; r++) if (gone[r] === gone[r - 1]) return undefined;
  const size = n - removed.length + added.length;
  let out: RowEntry[];
  if (into) {
    out = into;
    out.length = size;
  } else out = new Array<RowEntry>(size);
  let i = 0;
  let k = 0;
  let g = 0;
  let from = 0;
  for (let j = 0; j <= added.length; j++) {
    // Old entries up to the place of added[j] (after every old entry that does not sort after it), less the removed.
    const to = j < added.length ? (from = upperBound(list, added[j]!, compare, from)) : n;
    while (i < to) {
      const stop = g < gone.length && gone[g]! < to ? gone[g]! : to;
      for (; i < stop; i++) out[k++] = list[i]!;
      if (i < to) { i++; g++; } // list[i] is removed
    }
    if (j < added.length) out[k++] = added[j]!;
  }
  return out;
}

/**
 * `list` (sorted by `compare`) without the entries `removed` (each of them in `list`, any order) and with `added`
 * (sorted by `compare`) merged in, pausing every MERGE_STEP rows when the change is too large to splice by position.
 * `isRemoved` (optional) tells the removed entries apart in one test, for such a change. `into` (optional, not
 * `list`): an array the result may be written to (its content is lost). Returns `list` itself when nothing changes;
 * never modifies it.
 */
export function* spliceSteps(
  list: readonly RowEntry[], removed: readonly RowEntry[], added: readonly RowEntry[], compare: Compare, isRemoved?: (e: RowEntry) => boolean, into?: RowEntry[],
): Steps<readonly RowEntry[]> {
  if (removed.length === 0 && added.length === 0) return list;
  const n = list.length;
  if ((removed.length + added.length) * (Math.log2(n + 1) + 2) < n) {
    const spliced = spliceByPosition(list, removed, added, compare, into);
    if (spliced) return spliced;
  }
  const gone = removed.length === 0 ? null : isRemoved ?? ((set: ReadonlySet<RowEntry>) => (e: RowEntry) => set.has(e))(new Set(removed));
  // The kept rows and the added ones in one pass (on a tie, the kept row first).
  const out = new Array<RowEntry>(Math.max(0, n - removed.length) + added.length);
  let j = 0;
  let k = 0;
  for (let i = 0; i < n; i++) {
    const e = list[i]!;
    if (gone?.(e)) continue;
    while (j < added.length && compare(e, added[j]!) > 0) out[k++] = added[j++]!;
    out[k++] = e;
    if (k % MERGE_STEP === 0) yield;
  }
  while (j < added.length) out[k++] = added[j++]!;
  out.length = k;
  return out;
}

/** What one read changed: the rows of generation `from` became those of `to` by removing `removed` and adding
 * `added` (in order). */
export interface SortedChange {
  from: number;
  to: number;
  removed: readonly RowEntry[];
  added: readonly RowEntry[];
}

export class SortedRows {
  private sorted: readonly RowEntry[] = [];
  /** The array of the order before `sorted`, written over by the next splice. */
  private spare: RowEntry[] = [];
  /** Bumped whenever `sorted` changes (content or order): a list built from generation g is current while it is g. */
  generation = 0;
  /** Each file's rows now in `sorted` (in this view's order when merged, so the very objects of `sorted`). */
  private readonly merged = new Map<string, readonly RowEntry[]>();
  /** Files whose rows changed since the last read: their new rows (empty when removed), maybe already in order. */
  private readonly pending = new Map<string, { entries: RowEntry[]; sorted?: { compare: Compare; list: RowEntry[] } }>();
  /** The last read's change of `sorted` (undefined after a change of order). */
  lastChange: SortedChange | undefined;
  /** Bumped on every change of content or order. */
  version = 0;
  /** The merge in progress (paused), if any. */
  private job: Steps<void> | undefined;

  constructor(private compare: Compare) {}

  /** The order of this view. */
  get comparator(): Compare {
    return this.compare;
  }

  /** `sorted`: the same entries already ordered by `sorted.compare` (used when it is this view's order). */
  setFile(fileKey: string, entries: RowEntry[], sorted?: { compare: Compare; list: RowEntry[] }): void {
    this.pending.set(fileKey, sorted ? { entries, sorted } : { entries });
    this.version++;
  }

  removeFile(fileKey: string): void {
    this.setFile(fileKey, []);
  }

  setCompare(compare: Compare): void {
    if (compare === this.compare) return;
    const rows = this.all();
    this.compare = compare;
    this.sorted = rows.slice().sort(compare);
    this.lastChange = undefined;
    this.generation++;
    this.version++;
  }

  /** Every row in order (merges pending changes first, at once). The array stays as it is until the second change
   * after (when it is reused): read it now, keep `generation` rather than the array. */
  all(): readonly RowEntry[] {
    this.advance(Number.POSITIVE_INFINITY);
    return this.sorted;
  }

  /** True when a change is waiting to be merged in. */
  get unsettled(): boolean {
    return this.job !== undefined || this.pending.size > 0;
  }

  /** Merges pending changes until done or past `deadline` (performance.now() ms); true when nothing is left. */
  advance(deadline: number): boolean {
    for (;;) {
      if (!this.job) {
        if (this.pending.size === 0) return true;
        this.job = this.merging();
      }
      if (!runUntil(this.job, deadline).done) return false;
      this.job = undefined;
    }
  }

  /** The merge of the changes pending now (later ones wait for the next); `sorted` is replaced when it ends. */
  private *merging(): Steps<void> {
    const changed = new Map(this.pending);
    this.pending.clear();
    const removed: RowEntry[] = [];
    const lists: (readonly RowEntry[])[] = [];
    for (const [fileKey, { entries, sorted }] of changed) {
      const old = this.merged.get(fileKey);
      if (old) for (const e of old) removed.push(e);
      if (entries.length === 0) {
        this.merged.delete(fileKey);
        continue;
      }
      const list = sorted && sorted.compare === this.compare ? sorted.list : yield* sortSteps(entries, this.compare);
      this.merged.set(fileKey, list);
      lists.push(list);
    }
    const added = yield* mergeAllSteps(lists, this.compare);
    const from = this.sorted;
    this.sorted = yield* spliceSteps(from, removed, added, this.compare, (e) => changed.has(e.fileKey), this.spare);
    if (this.sorted !== from) {
      this.spare = from as RowEntry[];
      this.lastChange = { from: this.generation, to: ++this.generation, removed, added };
    }
  }
}
