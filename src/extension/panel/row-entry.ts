// A row as the host's indexes hold it: where the row is, and what the default order, the counts and the change lists
// read, computed once when the row arrives (never per comparison).
import type { ResultRow } from '../../engine/evaluate/report';
import { STATUS_ORDER, type PanelStatus } from '../../protocol/messages';
import { venueLabel } from '../../presentation/format';
import { accountKeyOf } from '../fixes';
import { rowKey, type HostRow } from '../rows';
import { wholeRow, type RowRest } from '../row-rest';
import type { RowList } from '../row-heads';

/** A decimal string with its float: floats order almost every pair; equal floats fall back to the exact compare. */
export interface NumKey {
  f: number;
  s: string;
}

/**
 * A row's place in the host's indexes. Slim on purpose: the row itself stays its file's text (row-heads.ts) and is
 * parsed when read (`row`); the entry keeps only what the default order, the change lists and the counts read on
 * every pass, so a large file's arrival leaves few objects for the extension host's scavenges to copy.
 */
export class RowEntry {
  /** Lower-case text the filter box searches (filterText: built at the first filter that reads it). */
  haystack: string | null = null;
  /** The column value of the last sort that read it (sort-keys.ts comparatorFor), and that sort's token. */
  sortValue: unknown = null;
  sortOwner: object | null = null;

  constructor(
    readonly key: string,
    /** The store's key of the file (its URI), for incremental updates. */
    readonly fileKey: string,
    /** The row's file, line and column (the default order's last keys). */
    readonly file: string,
    readonly line: number,
    readonly column: number,
    /** The file's rows: this one is `rows.at(at)`; its details and risk inputs are `rest`'s (wholeRow(row, rest, at)). */
    readonly rows: RowList,
    readonly at: number,
    readonly rest: RowRest | undefined,
    /** Content hash from the worker: equal sigs mean an unchanged row. */
    readonly sig: string,
    /**
     * The row is its file as read (the worker's `list` stage): nothing computed yet, its `unknown` status a
     * placeholder. Ranked after every status, left out of the counts, never hidden by a status chip.
     */
    readonly pending: boolean,
    /** STATUS_ORDER's index of the row's status (PENDING_RANK when pending). */
    readonly rank: number,
    /** The row's distance: its float (NaN when none) and its decimal text (null when none). */
    readonly distF: number,
    readonly distS: string | null,
    /** Rows of one account share it (file, venue, account). */
    public accountKey: string,
  ) {}

  /** The row without its details, parsed from its file's text: read what you need, do not keep it. */
  get row(): HostRow {
    return this.rows.at(this.at)!;
  }

  /** The row's status (a pending row's is its `unknown` placeholder). */
  get status(): PanelStatus {
    return this.pending ? 'unknown' : STATUS_ORDER[this.rank]!;
  }
}

export function numKey(s: string | null | undefined): NumKey | null {
  return s === null || s === undefined ? null : { f: Number(s), s };
}

export { accountKeyOf };

/** The rank of a pending row: after every status. */
export const PENDING_RANK = STATUS_ORDER.length;

/** Where an entry's row is: row `at` of its file's rows, with its details in `rest`. */
export interface RowPlace {
  rows: RowList;
  at: number;
  rest?: RowRest;
}

/** What an entry reads of its row when it is made. */
export type EntryFields = Pick<HostRow, 'file' | 'id' | 'line' | 'column' | 'status' | 'distance' | 'venue' | 'account'>;

/**
 * The entry of `row` (already parsed, or the fields an entry reads of it); `place`: where the row is kept (default:
 * a list of `row` alone, then a whole row).
 */
export function makeEntry(fileKey: string, row: EntryFields, sig = '', pending = false, place: RowPlace = { rows: [row as HostRow], at: 0 }): RowEntry {
  return new RowEntry(
    rowKey(row), fileKey, row.file, row.line, row.column, place.rows, place.at, place.rest, sig, pending,
    pending ? PENDING_RANK : STATUS_ORDER.indexOf(row.status),
    row.distance === null ? Number.NaN : Number(row.distance), row.distance, accountKeyOf(row),
  );
}

/** The entry's row with its details (read from their text). */
export function wholeRowOf(e: RowEntry): ResultRow {
  return wholeRow(e.row, e.rest, e.at);
}

/** The lower-case text of the row's fields the filter box searches (parsed once, at the first filter). */
export function filterText(e: RowEntry): string {
  if (e.haystack !== null) return e.haystack;
  const row = e.row;
  e.haystack = [row.symbol, row.id, row.venue, venueLabel(row.venue), row.account, row.side, row.kind, e.pending ? 'evaluating' : row.status, row.file, row.settleCurrency]
    .filter(Boolean).join(' ').toLowerCase();
  return e.haystack;
}

/** Every whitespace-separated term must occur in the row's text fields. */
export function matchesFilter(e: RowEntry, terms: readonly string[]): boolean {
  if (terms.length === 0) return true;
  const text = filterText(e);
  for (const t of terms) if (!text.includes(t)) return false;
  return true;
}

export function filterTerms(filter: string): string[] {
  return filter.toLowerCase().split(/\s+/).filter(Boolean);
}
