// A row as the host's indexes hold it: the engine row plus what sorting, filtering and grouping read, computed once
// when the row arrives (never per comparison).
import type { ResultRow } from '../../engine/evaluate/report';
import { STATUS_ORDER } from '../../protocol/messages';
import { venueLabel } from '../../presentation/format';
import { accountKeyOf } from '../fixes';
import { rowKey, type HostRow } from '../rows';
import { wholeRow, type RowRest } from '../row-rest';

/** A decimal string with its float: floats order almost every pair; equal floats fall back to the exact compare. */
export interface NumKey {
  f: number;
  s: string;
}

export interface RowEntry {
  key: string;
  /** The store's key of the file (its URI), for incremental updates. */
  fileKey: string;
  row: HostRow;
  /** The row's details and risk inputs (as text until read) and its index in its file: wholeRow(row, rest, at). */
  rest: RowRest | undefined;
  at: number;
  /** Content hash from the worker: equal sigs mean an unchanged row. */
  sig: string;
  /**
   * The row is its file as read (the worker's `list` stage): nothing computed yet, its `unknown` status a placeholder.
   * Ranked after every status, left out of the counts, never hidden by a status chip.
   */
  pending: boolean;
  rank: number;
  distance: NumKey | null;
  /** Rows of one account share it (file, venue, account). */
  accountKey: string;
  /** Lower-case text the filter box searches. */
  haystack: string;
  /** The column value of the last sort that read it (sort-keys.ts comparatorFor), and that sort's token. */
  sortValue: unknown;
  sortOwner: object | null;
}

export function numKey(s: string | null | undefined): NumKey | null {
  return s === null || s === undefined ? null : { f: Number(s), s };
}

export { accountKeyOf };

/** The rank of a pending row: after every status. */
export const PENDING_RANK = STATUS_ORDER.length;

export function makeEntry(fileKey: string, row: HostRow, sig = '', pending = false, rest?: RowRest, at = 0): RowEntry {
  return {
    key: rowKey(row), fileKey, row, rest, at, sig, pending,
    rank: pending ? PENDING_RANK : STATUS_ORDER.indexOf(row.status),
    distance: numKey(row.distance),
    accountKey: accountKeyOf(row),
    haystack: [row.symbol, row.id, row.venue, venueLabel(row.venue), row.account, row.side, row.kind, pending ? 'evaluating' : row.status, row.file, row.settleCurrency]
      .filter(Boolean).join(' ').toLowerCase(),
    sortValue: null, sortOwner: null,
  };
}

/** The entry's row with its details (read from their text). */
export function wholeRowOf(e: RowEntry): ResultRow {
  return wholeRow(e.row, e.rest, e.at);
}

/** Every whitespace-separated term must occur in the row's text fields. */
export function matchesFilter(e: RowEntry, terms: readonly string[]): boolean {
  for (const t of terms) if (!e.haystack.includes(t)) return false;
  return true;
}

export function filterTerms(filter: string): string[] {
  return filter.toLowerCase().split(/\s+/).filter(Boolean);
}
