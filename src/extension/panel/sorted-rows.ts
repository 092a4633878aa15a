// All rows in one order, kept incrementally: a changed file's rows are set aside and merged in lazily, on the next
// read — its old rows leave in one pass, its new rows (sorted among themselves) are merged in another. A change of
// k rows among n costs O(n + k log k) cheap compares, never a full re-sort; only a change of sort column sorts all.
import type { Compare } from './sort-keys';
import type { RowEntry } from './row-entry';

export function mergeSorted(a: readonly RowEntry[], b: readonly RowEntry[], compare: Compare): RowEntry[] {
  const out = new Array<RowEntry>(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = compare(a[i]!, b[j]!) <= 0 ? a[i++]! : b[j++]!;
  while (i < a.length) out[k++] = a[i++]!;
  while (j < b.length) out[k++] = b[j++]!;
  return out;
}

export class SortedRows {
  private sorted: RowEntry[] = [];
  /** Files whose rows changed since the last read: their new rows (empty when removed), maybe already in order. */
  private readonly pending = new Map<string, { entries: RowEntry[]; sorted?: { compare: Compare; list: RowEntry[] } }>();
  /** Bumped on every change of content or order. */
  version = 0;

  constructor(private compare: Compare) {}

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
    this.compare = compare;
    this.sorted = this.all().slice().sort(compare);
    this.version++;
  }

  /** Every row in order (merges pending changes first). */
  all(): readonly RowEntry[] {
    if (this.pending.size === 0) return this.sorted;
    const changed = this.pending;
    const kept = this.sorted.filter((e) => !changed.has(e.fileKey));
    let added: RowEntry[] = [];
    for (const { entries, sorted } of changed.values()) {
      const list = sorted && sorted.compare === this.compare ? sorted.list : entries.slice().sort(this.compare);
      added = added.length ? mergeSorted(added, list, this.compare) : list;
    }
    this.sorted = mergeSorted(kept, added, this.compare);
    this.pending.clear();
    return this.sorted;
  }
}
