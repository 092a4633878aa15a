// What evaluating one file needs to know and collect.
import { dirname } from 'node:path';
import type { Diagnostic, Span } from '../core/types';
import type { EffectiveSettings } from '../core/settings';
import type { HistoryCache, HistoryData } from './volatility-source';
import { confine, OUTSIDE_ROOT, type RealPath } from '../core/path-confinement';
import { quote } from '../core/quote-text';
import type { RowRiskInputs } from './row-charts';
import type { AccountReport } from './report';
import { MAX_NODES as MAX_YAML_VALUES } from '../parse/yaml';
import { untimed, type Timer } from './stage-timings';

/**
 * Fix searches re-evaluate an account many times; a file with thousands of positions on one symbol would take
 * minutes. The budget is counted in what the exact probes re-read (deterministic, unlike a clock; fix/perp-fix.ts
 * probeCost: an isolated position, a symbol's MM pieces, or legs where nothing is kept between probes): past it,
 * fixes say so.
 */
export const FIX_WORK_BUDGET = 300_000;

/**
 * A file's work in counted steps (README "Limits", asserted by every `npm run fuzz` property): `read` = characters
 * scanned + values a YAML file expands to; `evaluate` = 2 per position or loan (its account's evaluation and its
 * row) + 1 per unknown row + the fix searches' probes (probeCost; charged only when the budget allows the work).
 */
export interface WorkSteps {
  read: number;
  evaluate: number;
}

/** What the budget of one file depends on. */
export interface WorkShape {
  characters: number;
  rows: number;
  yaml: boolean;
}

/**
 * The stated ceiling of a file's steps: characters + 2·rows + FIX_WORK_BUDGET; YAML adds characters + MAX_YAML_VALUES.
 * A cross book costs its legs, not their pairs: a symbol's sums and roots are shared by its legs (perp/account.ts).
 */
export function workBudget(s: WorkShape): number {
  return s.characters + 2 * s.rows + FIX_WORK_BUDGET + (s.yaml ? s.characters + MAX_YAML_VALUES : 0);
}

export class EvalContext {
  readonly diagnostics: Diagnostic[] = [];
  /** Each row's risk inputs by row id, for its charts (row-charts.ts); no prototype, so an id `__proto__` is a key. */
  readonly riskInputs: Record<string, RowRiskInputs> = Object.create(null) as Record<string, RowRiskInputs>;
  /** The file's cross accounts (docs/results.md §2.4), in file order. */
  readonly accounts: AccountReport[] = [];
  private readonly said = new Set<string>();
  private work = 0;
  /** Evaluation steps so far (WorkSteps.evaluate). */
  steps = 0;
  /** The second stage of the rows (fix searches, risk details, account VaR and fixes), in file order. */
  private readonly deferred: Array<() => void> = [];

  /** Work that completes rows already built; run by `completeRows` (at once, or after a preview was sent). */
  later(fn: () => void): void {
    this.deferred.push(fn);
  }

  completeRows(): void {
    for (const fn of this.deferred.splice(0)) fn();
  }

  /** Charges `units` of fix-search work; false once the file's budget is spent (then the work is not done). */
  spend(units: number): boolean {
    this.work += units;
    const ok = this.work <= FIX_WORK_BUDGET;
    if (ok) this.steps += units;
    return ok;
  }

  constructor(
    readonly path: string,
    readonly absPath: string,
    readonly now: number,
    readonly settings: EffectiveSettings,
    private readonly histories: HistoryCache,
    /** Folder every referenced path must stay inside (issue 13); default: this file's folder. */
    readonly root: string = dirname(absPath),
    private readonly realpath?: RealPath,
    /** Times the costly stages when the caller asked (EvaluateOptions.timings). */
    readonly time: Timer = untimed,
  ) {}

  /** Adds a diagnostic once per key (a market shared by many positions reports once). */
  once(key: string, d: Diagnostic): void {
    if (this.said.has(key)) return;
    this.said.add(key);
    this.diagnostics.push(d);
  }

  /** A history file relative to this position file; refused (and not opened) when it resolves outside the root. */
  history(relPath: string, span: Span | undefined): HistoryData | null {
    const confined = confine(relPath, dirname(this.absPath), this.root, this.realpath);
    if (!confined.ok) {
      const at = span ?? { line: 1, column: 1, endLine: 1, endColumn: 1 };
      this.once(`outside:${at.line}:${at.column}`, {
        severity: 'error', code: OUTSIDE_ROOT, line: at.line, column: at.column, endLine: at.endLine, endColumn: at.endColumn,
        message: `history ${quote(relPath)} is refused and not read: ${confined.rule}`,
      });
      return null;
    }
    const abs = confined.absPath;
    const before = this.diagnostics.length;
    const data = this.histories.load(abs, span, this.diagnostics);
    // Repeated problems of one file on one token are reported once.
    const added = this.diagnostics.splice(before);
    for (const d of added) this.once(`hist:${abs}:${d.line}:${d.column}:${d.code}`, d);
    return data;
  }
}
