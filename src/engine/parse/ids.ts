// Row ids (docs/results.md §2): the file's id, else `<symbol>-<side>-<n>`; unique per file.
import { quote } from '../core/quote-text';
import type { Span } from '../core/types';
import type { Diags } from './diags';

export class Ids {
  private readonly used = new Set<string>();
  private readonly reserved = new Set<string>();
  private readonly counts = new Map<string, number>();

  constructor(private readonly diags: Diags) {}

  /** Explicit ids of the file, so generated ids never take one a later row asks for. */
  reserve(ids: Iterable<string>): void {
    for (const id of ids) this.reserved.add(id);
  }

  /** n of the next row with this symbol and side (every row counts, with or without its own id). */
  private next(symbol: string, side: string): number {
    const key = `${symbol}\u0000${side}`;
    const n = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, n);
    return n;
  }

  /** Assigns the row's id. `own` is the id written in the file (with its span), if any. */
  assign(own: { id: string; span: Span } | null, symbol: string | null, side: string | null, prefix?: string): string {
    const n = this.next(symbol ?? '', side ?? '');
    if (own) {
      if (!this.used.has(own.id)) {
        this.used.add(own.id);
        return own.id;
      }
      const unique = this.unique(own.id);
      this.diags.error('duplicate-id', `The id ${quote(own.id)} is already used by an earlier row in this file; ids must be unique — this row is reported as ${quote(unique)} until you rename it`, own.span);
      return unique;
    }
    const base = prefix ? `${prefix}-${n}` : `${symbol ?? 'position'}-${side ?? 'unknown'}-${n}`;
    return this.unique(base, true);
  }

  private unique(base: string, generated = false): string {
    let id = base;
    for (let k = 2; this.used.has(id) || (generated && this.reserved.has(id)); k++) id = `${base}~${k}`;
    this.used.add(id);
    return id;
  }
}
