// Row order of docs/results.md §2: status, then distance ascending (null last), then file, line, column.
import type { ResultRow } from './report';
import { STATUS_ORDER } from '../core/types';
import { Dec } from '../core/decimal';

/** Distances as doubles order them wherever the doubles differ (rounding is monotonic); equal doubles ask Decimal. */
function byDistance(a: string | null, b: string | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  if (a === b) return 0;
  const x = Number(a), y = Number(b);
  if (x !== y) return x < y ? -1 : 1;
  return new Dec(a).comparedTo(new Dec(b));
}

/** The fields the order reads (the extension's rows lack their details). */
type Ordered = Pick<ResultRow, 'status' | 'distance' | 'file' | 'line' | 'column'>;

export function compareRows(a: Ordered, b: Ordered): number {
  return (
    STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status) ||
    byDistance(a.distance, b.distance) ||
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    a.line - b.line ||
    a.column - b.column
  );
}
