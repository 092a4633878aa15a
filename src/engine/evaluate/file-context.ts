// What evaluating one file needs to know and collect.
import { dirname, resolve } from 'node:path';
import type { Diagnostic, Span } from '../core/types';
import type { EffectiveSettings } from '../core/settings';
import type { HistoryCache, HistoryData } from './volatility-source';
import type { RowRiskInputs } from './row-charts';

/**
 * Fix searches re-evaluate an account many times; a file with thousands of positions on one symbol would take
 * minutes. The budget is counted in legs re-evaluated (deterministic, unlike a clock): past it, fixes say so.
 */
export const FIX_WORK_BUDGET = 300_000;

export class EvalContext {
  readonly diagnostics: Diagnostic[] = [];
  /** Each row's risk inputs by row id, for its charts (row-charts.ts). */
  readonly riskInputs: Record<string, RowRiskInputs> = {};
  private readonly said = new Set<string>();
  private work = 0;

  /** Charges `units` of fix-search work; false once the file's budget is spent. */
  spend(units: number): boolean {
    this.work += units;
    return this.work <= FIX_WORK_BUDGET;
  }

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
