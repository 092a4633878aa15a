// Comparators of the panel's sort columns over RowEntry. The default ("status", ascending) is exactly the docs/results.md §2
// order of the engine's compareRows (status, distance, file, line, column); every other column sorts by its value
// (nulls last in both directions) and breaks ties by that default order, then by key: a total order, so incremental
// merges and full sorts agree row for row.
import { Dec } from '../../engine/core/decimal';
import type { PanelView, SortColumn } from '../../protocol/messages';
import { venueLabel } from '../../presentation/format';
import { numKey, type NumKey, type RowEntry } from './row-entry';
import type { HostRow } from '../rows';

/** An order of entries; `prime` (a column read from the rows) reads an entry's value ahead, so a sort can pause between reads. */
export type Compare = ((a: RowEntry, b: RowEntry) => number) & { prime?: (e: RowEntry) => void };

/** Two decimals by their floats, exactly when those do not tell them apart (equal floats, NaN). */
function compareDecimal(af: number, as: string, bf: number, bs: string): number {
  if (af !== bf && !Number.isNaN(af) && !Number.isNaN(bf)) return af < bf ? -1 : 1;
  if (as === bs) return 0;
  return new Dec(as).comparedTo(new Dec(bs));
}

export function compareNum(a: NumKey, b: NumKey): number {
  return compareDecimal(a.f, a.s, b.f, b.s);
}

function nullsLast<T>(a: T | null, b: T | null, cmp: (x: T, y: T) => number, sign: number): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return sign * cmp(a, b);
}

/** Distances ascending, none last (on the entries' own fields: no key object a row). */
function compareDistance(a: RowEntry, b: RowEntry): number {
  if (a.distS === null || b.distS === null) return a.distS === b.distS ? 0 : a.distS === null ? 1 : -1;
  return compareDecimal(a.distF, a.distS, b.distF, b.distS);
}

/** The docs/results.md §2 order (compareRows), on precomputed keys; the key last makes it total. */
export function defaultCompare(a: RowEntry, b: RowEntry): number {
  return (
    a.rank - b.rank ||
    compareDistance(a, b) ||
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    a.line - b.line ||
    a.column - b.column ||
    (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)
  );
}

const text = (x: string | null): string | null => (x === null ? null : x.toLowerCase());
const cmpText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const cmpFloat = (a: number, b: number): number => a - b;

function fixAmount(r: HostRow): NumKey | null {
  const fix = r.fix;
  if (!fix) return null;
  if ('addMargin' in fix) return numKey(fix.addMargin ?? fix.reduceSize);
  const first = [...Object.values(fix.addCollateral), ...Object.values(fix.repayDebt)].find((x) => x !== null);
  return numKey(first ?? null);
}

type Key = { kind: 'num'; get: (e: RowEntry) => NumKey | null } | { kind: 'text'; get: (e: RowEntry) => string | null } | { kind: 'float'; get: (e: RowEntry) => number | null };

/** A column read from the row itself (parsed from its file's text once per entry per comparator: row-heads.ts). */
const onRow = <T>(get: (r: HostRow) => T) => (e: RowEntry): T => get(e.row);

/** The one column the entry holds itself. */
const distanceKey = (e: RowEntry): NumKey | null => numKey(e.distS);

const KEYS: Record<Exclude<SortColumn, 'status'>, Key> = {
  symbol: { kind: 'text', get: onRow((r) => text(r.symbol ?? r.id)) },
  venue: { kind: 'text', get: onRow((r) => text(`${venueLabel(r.venue)} ${r.account ?? ''}`)) },
  side: { kind: 'text', get: onRow((r) => (r.kind === 'loan' ? 'loan' : r.side)) },
  size: { kind: 'num', get: onRow((r) => numKey(r.size)) },
  mark: { kind: 'num', get: onRow((r) => numKey(r.markPrice)) },
  liquidationPrice: { kind: 'num', get: onRow((r) => numKey(r.liquidationPrice)) },
  distance: { kind: 'num', get: distanceKey },
  probability: { kind: 'float', get: onRow((r) => r.liquidationProbability) },
  ratio: { kind: 'num', get: onRow((r) => numKey(r.healthFactor ?? r.marginRatio)) },
  fix: { kind: 'num', get: onRow(fixAmount) },
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
  const compare: Compare = (a, b) => nullsLast(get(a), get(b), cmp, sign) || defaultCompare(a, b);
  if (key.get !== distanceKey) compare.prime = (e) => void get(e);
  return compare;
}
