// What the next panel delta says changed: how many rows were added, removed and updated, and which of them the
// webview holds chart data for (sent in a `details` message), so it drops exactly those. The webview reads no other
// key: sending every changed key cost ~50 KB a delta while a large workspace streamed in, for nothing.

import type { RowChanges } from './row-index';

/** Keys of details sent that are remembered; older ones are forgotten (the webview's cache is no bigger). */
const MAX_SENT = 256;

export interface DeltaChanges {
  added: number;
  removed: number;
  updated: number;
  /** Keys whose chart data the webview must drop. */
  stale: string[];
}

export class PendingChanges {
  private readonly sent = new Set<string>();
  private next: DeltaChanges = empty();

  /** The webview was sent `key`'s chart data. */
  detailsSent(key: string): void {
    this.sent.delete(key);
    this.sent.add(key);
    if (this.sent.size > MAX_SENT) this.sent.delete(this.sent.values().next().value as string);
  }

  add(rows: RowChanges): void {
    this.next.added += rows.added.length;
    this.next.removed += rows.removed.length;
    this.next.updated += rows.updated.length;
    for (const key of [rows.removed, rows.updated].flat()) {
      if (this.sent.delete(key)) this.next.stale.push(key);
    }
  }

  /** The changes since the last call, for a delta. */
  take(): DeltaChanges {
    const out = this.next;
    this.next = empty();
    return out;
  }

  /** A whole model was sent: the webview dropped every cached detail, nothing is pending. */
  reset(): void {
    this.sent.clear();
    this.next = empty();
  }
}

function empty(): DeltaChanges {
  return { added: 0, removed: 0, updated: 0, stale: [] };
}
