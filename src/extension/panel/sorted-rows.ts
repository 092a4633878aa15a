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
  /** Files whose rows changed since the last read: their new rows (empty when removed). */
  private readonly pending = new Map<string, RowEntry[]>();
  /** Bumped on every change of content or order. */
  version = 0;

  constructor(private compare: Compare) {}

  setFile(fileKey: string, entries: RowEntry[]): void {
    this.pending.set(fileKey, entries);
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
    const added: RowEntry[] = [];
    for (const list of changed.values()) for (const e of list) added.push(e);
    added.sort(this.compare);
    this.sorted = mergeSorted(kept, added, this.compare);
    this.pending.clear();
    return this.sorted;
  }
}
