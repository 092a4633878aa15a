// What evaluating one file needs to know and collect.
import { dirname, resolve } from 'node:path';
import type { Diagnostic, Span } from './types';
import type { EffectiveSettings } from './settings';
import type { HistoryCache, HistoryData } from './volatility';

export class EvalContext {
  readonly diagnostics: Diagnostic[] = [];
  private readonly said = new Set<string>();

  constructor(
    readonly path: string,
    readonly absPath: string,
    readonly now: number,
    readonly settings: EffectiveSettings,
    private readonly histories: HistoryCache,
  ) {}

  /** Adds a diagnostic once per key (a market shared by many positions reports once). */
  once(key: string, d: Diagnostic): void {
    if (this.said.has(key)) return;
    this.said.add(key);
    this.diagnostics.push(d);
  }

  /** A history file relative to this position file. */
  history(relPath: string, span: Span | undefined): HistoryData | null {
    const abs = resolve(dirname(this.absPath), relPath);
    const before = this.diagnostics.length;
    const data = this.histories.load(abs, span, this.diagnostics);
    // Repeated problems of one file on one token are reported once.
    const added = this.diagnostics.splice(before);
    for (const d of added) this.once(`hist:${abs}:${d.line}:${d.column}:${d.code}`, d);
    return data;
  }
}
