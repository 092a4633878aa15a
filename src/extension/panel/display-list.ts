// The panel's list: the sorted rows that pass the filter box and the status chips, optionally grouped under their
// account (a header item before each account's rows; accounts ordered by their first row in the current sort, rows
// in the sort order within). Built in one pass over the sorted rows, lazily (only when the panel reads it).
import type { PanelStatus, PanelView } from '../../protocol/messages';
import { STATUS_ORDER } from '../../protocol/messages';
import { isAtRisk } from '../../presentation/describe';
import { boundedRef } from '../rows';
import { filterTerms, matchesFilter, type RowEntry } from './row-entry';

export interface AccountItem {
  type: 'account';
  key: string;
  fileKey: string;
  first: RowEntry;
  positions: number;
  atRisk: number;
  worst: PanelStatus;
}

export type ListItem = { type: 'row'; entry: RowEntry } | AccountItem;

export interface DisplayList {
  items: ListItem[];
  rows: number;
}

export function buildDisplayList(sorted: readonly RowEntry[], view: Pick<PanelView, 'filter' | 'hidden' | 'group'>): DisplayList {
  const hidden = new Set(view.hidden);
  const terms = filterTerms(view.filter);
  const pass = (e: RowEntry) => !hidden.has(e.row.status) && (terms.length === 0 || matchesFilter(e, terms));
  if (!view.group) {
    const items: ListItem[] = [];
    for (const e of sorted) if (pass(e)) items.push({ type: 'row', entry: e });
    return { items, rows: items.length };
  }
  const groups = new Map<string, RowEntry[]>();
  let rows = 0;
  for (const e of sorted) {
    if (!pass(e)) continue;
    let g = groups.get(e.accountKey);
    if (!g) groups.set(e.accountKey, (g = []));
    g.push(e);
    rows++;
  }
  const items: ListItem[] = [];
  for (const [key, list] of groups) {
    let worst: number = STATUS_ORDER.length;
    let atRisk = 0;
    for (const e of list) {
      worst = Math.min(worst, e.rank);
      if (isAtRisk(e.row.status)) atRisk++;
    }
    items.push({ type: 'account', key: `account:${boundedRef(key)}`, fileKey: list[0]!.fileKey, first: list[0]!, positions: list.length, atRisk, worst: (STATUS_ORDER[worst] as PanelStatus | undefined) ?? 'unknown' });
    for (const e of list) items.push({ type: 'row', entry: e });
  }
  return { items, rows };
}
