// Panel-side view state: which rows pass the status chips and the filter box, counts per status. Counting and
// matching text only; the rows' order and every number come from the host.
import type { PanelRow, PanelStatus } from '../protocol/messages';
import { STATUS_ORDER } from '../protocol/messages';
import { venueLabel } from '../presentation/format';

export function countByStatus(rows: readonly PanelRow[]): Record<PanelStatus, number> {
  const counts = Object.fromEntries(STATUS_ORDER.map((s) => [s, 0])) as Record<PanelStatus, number>;
  for (const r of rows) counts[r.status]++;
  return counts;
}

function haystack(r: PanelRow): string {
  return [r.symbol, r.id, r.venue, venueLabel(r.venue), r.account, r.side, r.kind, r.status, r.file, r.settleCurrency]
    .filter(Boolean).join(' ').toLowerCase();
}

/** Every whitespace-separated term must occur in the row's text fields. */
export function matchesFilter(r: PanelRow, filter: string): boolean {
  const terms = filter.toLowerCase().split(/\s+/).filter(Boolean);
  if (terms.length === 0) return true;
  const text = haystack(r);
  return terms.every((t) => text.includes(t));
}

export function visibleRows(rows: readonly PanelRow[], hidden: ReadonlySet<PanelStatus>, filter: string): PanelRow[] {
  return rows.filter((r) => !hidden.has(r.status) && matchesFilter(r, filter));
}

/** Index to move the focus to for a navigation key, or null when the key is not a navigation key. */
export function navigate(key: string, index: number, count: number, page = 10): number | null {
  if (count === 0) return null;
  const clamp = (i: number) => Math.max(0, Math.min(count - 1, i));
  switch (key) {
    case 'ArrowDown': return clamp(index + 1);
    case 'ArrowUp': return clamp(index - 1);
    case 'Home': return 0;
    case 'End': return count - 1;
    case 'PageDown': return clamp(index + page);
    case 'PageUp': return clamp(index - page);
    default: return null;
  }
}
