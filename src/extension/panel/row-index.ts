// Every row of the workspace, by file, with per-file aggregates (counts, worst row, stale marks) so the summary
// cards and the status bar cost O(files), not O(rows). Sorted views (SortedRows) attached to it receive each file's
// new rows; the default one (docs/results.md §2 order) is always kept. A file's update reports which rows were added,
// removed and updated (by the worker's content hash).
import type { HostRow } from '../rows';
import type { RowList } from '../row-heads';
import { STATUS_ORDER, type PanelStatus } from '../../protocol/messages';
import { isAtRisk } from '../../presentation/describe';
import { makeEntry, type RowEntry } from './row-entry';
import { defaultCompare } from './sort-keys';
import { SortedRows } from './sorted-rows';
import { drain, type Steps } from '../steps';

export interface FileAggregate {
  /** Evaluated rows by status (pending rows are not counted here). */
  counts: Record<PanelStatus, number>;
  /** Rows listed but not yet evaluated (row-entry.ts `pending`). */
  pending: number;
  atRisk: number;
  riskyAccounts: number;
  stale: number;
  oldestStaleAge: number | null;
  worst: RowEntry | null;
  target: PanelStatus | null;
}

export interface RowChanges {
  added: string[];
  removed: string[];
  updated: string[];
}

/** A file's entries by key and its aggregate: what setFile builds, or takes built in slices (prepared-result.ts). */
export interface FileLookup {
  byKey: Map<string, RowEntry>;
  agg: FileAggregate;
  /** The change list, computed ahead against the key map the file had then (`from`; null: not in the index). */
  changes?: { from: ReadonlyMap<string, RowEntry> | null; rows: RowChanges };
}

/** Rows compared between two pauses of changeSteps (about a millisecond of look-ups). */
export const CHANGE_STEP = 2000;

/** The keys added, removed and updated (by content hash) from the rows `old` to `entries` (keyed by `byKey`),
 * pausing every CHANGE_STEP rows: a 20,000-row file's change list is ~15 ms of look-ups. */
export function* changeSteps(old: ReadonlyMap<string, RowEntry> | null | undefined, entries: readonly RowEntry[], byKey: ReadonlyMap<string, RowEntry>): Steps<RowChanges> {
  const changes: RowChanges = { added: [], removed: [], updated: [] };
  let n = 0;
  for (const e of entries) {
    const before = old?.get(e.key);
    if (!before) changes.added.push(e.key);
    else if (!e.sig || before.sig !== e.sig) changes.updated.push(e.key);
    if (++n % CHANGE_STEP === 0) yield;
  }
  if (old) {
    for (const k of old.keys()) {
      if (!byKey.has(k)) changes.removed.push(k);
      if (++n % CHANGE_STEP === 0) yield;
    }
  }
  return changes;
}

interface FileRows extends FileLookup {
  entries: RowEntry[];
}

function emptyCounts(): Record<PanelStatus, number> {
  return Object.fromEntries(STATUS_ORDER.map((s) => [s, 0])) as Record<PanelStatus, number>;
}

/** A file's aggregate, one row at a time (`parsed`: the entry's row when the caller has it; else it is read). */
export class Aggregator {
  private readonly counts = emptyCounts();
  private readonly risky = new Set<string>();
  private atRisk = 0;
  private stale = 0;
  private oldest: number | null = null;
  private worst: RowEntry | null = null;
  private target: PanelStatus | null = null;
  private pending = 0;

  add(e: RowEntry, parsed: Pick<HostRow, 'status' | 'stale' | 'markAge'> & { fix: { target: PanelStatus } | null } | null = null): void {
    if (e.pending) {
      this.pending++;
      return;
    }
    const r = parsed ?? e.row;
    this.counts[r.status]++;
    if (isAtRisk(r.status)) {
      this.atRisk++;
      this.risky.add(e.accountKey);
    }
    if (r.stale) {
      this.stale++;
      this.oldest = Math.max(this.oldest ?? 0, r.markAge ?? 0);
    }
    if (!this.worst || defaultCompare(e, this.worst) < 0) this.worst = e;
    if (this.target === null && r.fix) this.target = r.fix.target;
  }

  result(): FileAggregate {
    return {
      counts: this.counts, pending: this.pending, atRisk: this.atRisk, riskyAccounts: this.risky.size, stale: this.stale,
      oldestStaleAge: this.oldest, worst: this.worst, target: this.target,
    };
  }
}

/** `rows[i]`: entry i's row when the caller has them parsed (else each is read from its file's text). */
export function aggregate(entries: readonly RowEntry[], rows?: readonly HostRow[]): FileAggregate {
  const agg = new Aggregator();
  entries.forEach((e, i) => agg.add(e, rows?.[i] ?? null));
  return agg.result();
}

export class RowIndex {
  private readonly files = new Map<string, FileRows>();
  private readonly views = new Set<SortedRows>();
  private readonly updating = new Set<string>();
  /** Rows of every file in the docs/results.md §2 order. */
  readonly defaultRows = new SortedRows(defaultCompare);
  private rowCount = 0;

  constructor() {
    this.views.add(this.defaultRows);
  }

  get size(): number {
    return this.rowCount;
  }

  /** Replaces a file's rows (`sigs[i]` is the content hash of `rows[i]`; `prebuilt`: their entries, built in slices;
   * `presorted`: those entries in the default order; `lookup`: their key map and aggregate, built in slices too). */
  setFile(fileKey: string, rows: RowList, sigs: readonly string[] = [], prebuilt?: RowEntry[], presorted?: RowEntry[], lookup?: FileLookup): RowChanges {
    const old = this.files.get(fileKey);
    const parsed = prebuilt ? undefined : Array.from(rows);
    const entries = prebuilt ?? parsed!.map((r, i) => makeEntry(fileKey, r, sigs[i] ?? '', false, { rows, at: i }));
    const byKey = (prebuilt && lookup?.byKey) || new Map(entries.map((e) => [e.key, e]));
    const ahead = prebuilt && lookup?.changes;
    const changes = ahead && ahead.from === (old?.byKey ?? null) ? ahead.rows : drain(changeSteps(old?.byKey, entries, byKey));
    this.rowCount += entries.length - (old?.entries.length ?? 0);
    this.files.set(fileKey, { entries, byKey, agg: (prebuilt && lookup?.agg) || aggregate(entries, parsed) });
    const sorted = prebuilt && presorted ? { compare: defaultCompare, list: presorted } : undefined;
    for (const v of this.views) v.setFile(fileKey, entries, sorted);
    return changes;
  }

  removeFile(fileKey: string): RowChanges {
    const old = this.files.get(fileKey);
    this.updating.delete(fileKey);
    if (!old) return { added: [], removed: [], updated: [] };
    this.files.delete(fileKey);
    this.rowCount -= old.entries.length;
    for (const v of this.views) v.removeFile(fileKey);
    return { added: [], removed: [...old.byKey.keys()], updated: [] };
  }

  /** A file's rows by key now (null: none): what a change list computed ahead of setFile is against. */
  keysOf(fileKey: string): ReadonlyMap<string, RowEntry> | null {
    return this.files.get(fileKey)?.byKey ?? null;
  }

  entriesOf(fileKey: string): readonly RowEntry[] {
    return this.files.get(fileKey)?.entries ?? [];
  }

  /** A row by its key (`file#id`): looked up in its file only. */
  find(key: string): RowEntry | undefined {
    for (const f of this.files.values()) {
      const e = f.byKey.get(key);
      if (e) return e;
    }
    return undefined;
  }

  setUpdating(fileKey: string, updating: boolean): void {
    if (updating) this.updating.add(fileKey);
    else this.updating.delete(fileKey);
  }

  isUpdating(fileKey: string): boolean {
    return this.updating.has(fileKey);
  }

  get updatingCount(): number {
    return this.updating.size;
  }

  /** A sorted view kept up to date with every file (built from all rows now: one full sort). */
  attach(view: SortedRows): SortedRows {
    for (const [k, f] of this.files) view.setFile(k, f.entries);
    this.views.add(view);
    return view;
  }

  detach(view: SortedRows): void {
    if (view !== this.defaultRows) this.views.delete(view);
  }

  /** The per-file aggregates combined. */
  totals(): FileAggregate & { total: number } {
    const counts = emptyCounts();
    let pending = 0;
    let atRisk = 0;
    let riskyAccounts = 0;
    let stale = 0;
    let oldest: number | null = null;
    let worst: RowEntry | null = null;
    let target: PanelStatus | null = null;
    for (const { agg } of this.files.values()) {
      for (const s of STATUS_ORDER) counts[s] += agg.counts[s];
      pending += agg.pending;
      atRisk += agg.atRisk;
      riskyAccounts += agg.riskyAccounts; // an account belongs to one file
      stale += agg.stale;
      if (agg.oldestStaleAge !== null) oldest = Math.max(oldest ?? 0, agg.oldestStaleAge);
      if (agg.worst && (!worst || defaultCompare(agg.worst, worst) < 0)) worst = agg.worst;
      target ??= agg.target;
    }
    return { counts, pending, atRisk, riskyAccounts, stale, oldestStaleAge: oldest, worst, target, total: this.rowCount };
  }
}
