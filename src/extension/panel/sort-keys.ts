// Comparators of the panel's sort columns over RowEntry. The default ("status", ascending) is exactly the docs/results.md §2
// order of the engine's compareRows (status, distance, file, line, column); every other column sorts by its value
// (nulls last in both directions) and breaks ties by that default order, then by key: a total order, so incremental
// merges and full sorts agree row for row.
import { Dec } from '../../engine/core/decimal';
import type { PanelView, SortColumn } from '../../protocol/messages';
import { venueLabel } from '../../presentation/format';
import { numKey, type NumKey, type RowEntry } from './row-entry';

export type Compare = (a: RowEntry, b: RowEntry) => number;

export function compareNum(a: NumKey, b: NumKey): number {
  if (a.f !== b.f && !Number.isNaN(a.f) && !Number.isNaN(b.f)) return a.f < b.f ? -1 : 1;
  if (a.s === b.s) return 0;
  return new Dec(a.s).comparedTo(new Dec(b.s));
}

function nullsLast<T>(a: T | null, b: T | null, cmp: (x: T, y: T) => number, sign: number): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return sign * cmp(a, b);
}

/** The docs/results.md §2 order (compareRows), on precomputed keys; the key last makes it total. */
export function defaultCompare(a: RowEntry, b: RowEntry): number {
  return (
    a.rank - b.rank ||
    nullsLast(a.distance, b.distance, compareNum, 1) ||
    (a.row.file < b.row.file ? -1 : a.row.file > b.row.file ? 1 : 0) ||
    a.row.line - b.row.line ||
    a.row.column - b.row.column ||
    (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)
  );
}

const text = (x: string | null): string | null => (x === null ? null : x.toLowerCase());
const cmpText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const cmpFloat = (a: number, b: number): number => a - b;

function fixAmount(e: RowEntry): NumKey | null {
  const fix = e.row.fix;
  if (!fix) return null;
  if ('addMargin' in fix) return numKey(fix.addMargin ?? fix.reduceSize);
  const first = [...Object.values(fix.addCollateral), ...Object.values(fix.repayDebt)].find((x) => x !== null);
  return numKey(first ?? null);
}

type Key = { kind: 'num'; get: (e: RowEntry) => NumKey | null } | { kind: 'text'; get: (e: RowEntry) => string | null } | { kind: 'float'; get: (e: RowEntry) => number | null };

const KEYS: Record<Exclude<SortColumn, 'status'>, Key> = {
  symbol: { kind: 'text', get: (e) => text(e.row.symbol ?? e.row.id) },
  venue: { kind: 'text', get: (e) => text(`${venueLabel(e.row.venue)} ${e.row.account ?? ''}`) },
  side: { kind: 'text', get: (e) => (e.row.kind === 'loan' ? 'loan' : e.row.side) },
  size: { kind: 'num', get: (e) => numKey(e.row.size) },
  mark: { kind: 'num', get: (e) => numKey(e.row.markPrice) },
  liquidationPrice: { kind: 'num', get: (e) => numKey(e.row.liquidationPrice) },
  distance: { kind: 'num', get: (e) => e.distance },
  probability: { kind: 'float', get: (e) => e.row.liquidationProbability },
  ratio: { kind: 'num', get: (e) => numKey(e.row.healthFactor ?? e.row.marginRatio) },
  fix: { kind: 'num', get: (e) => fixAmount(e) },
};

/**
 * The comparator of a view. Column values are read once per entry per comparator (cached on the entry, with a token
 * of the comparator: one slot, so another comparator of the same entries reads them again), so a sort or a merge
 * compares precomputed keys only.
 */
export function comparatorFor(view: Pick<PanelView, 'sort' | 'direction'>): Compare {
  const sign = view.direction === 'desc' ? -1 : 1;
  if (view.sort === 'status') {
    if (sign === 1) return defaultCompare;
    // descending statuses, pending rows still last (nothing to order them by yet)
    return (a, b) => Number(a.pending) - Number(b.pending) || b.rank - a.rank || defaultCompare(a, b);
  }
  const key = KEYS[view.sort];
  const token = {};
  const get = (e: RowEntry): unknown => {
    if (e.sortOwner === token) return e.sortValue;
    const v = key.get(e);
    e.sortValue = v;
    e.sortOwner = token;
    return v;
  };
  const cmp = (key.kind === 'num' ? compareNum : key.kind === 'text' ? cmpText : cmpFloat) as (x: unknown, y: unknown) => number;
  return (a, b) => nullsLast(get(a), get(b), cmp, sign) || defaultCompare(a, b);
}
