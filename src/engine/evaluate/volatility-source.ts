// Volatility precedence of docs/results.md §3: impliedVolatility > volatility > Yang–Zhang from `history` > unknown.
import { parseHistory, realizedVolatility, studentTDof } from '../risk';
import type { Diagnostic, Span } from '../core/types';
import { diagnostic, relocated } from '../core/diagnostics';

export type VolatilitySource = 'implied' | 'file' | 'history';

export interface HistoryData {
  bars: number;
  yangZhang: number | null;
  ewma: number | null;
  /** Student-t degrees of freedom from the bars' log-returns (docs/results.md §3). */
  dof: number;
  logReturns: number[];
  /** Bar times (Unix ms) of each log-return, for aligning assets in portfolio correlations. */
  returnTimes: number[];
  barSeconds: number;
}

export interface VolatilityInput {
  impliedVolatility: number | null;
  volatility: number | null;
  history: string | null;
}

export interface VolatilityPick {
  sigma: number | null;
  source: VolatilitySource | null;
  history: HistoryData | null;
}

/** Reads and caches history files for one evaluation; problems become diagnostics on the `history` value. */
export class HistoryCache {
  private readonly cache = new Map<string, HistoryData | null>();
  constructor(private readonly readFile: ((absPath: string) => string | undefined) | undefined) {}

  load(absPath: string, span: Span | undefined, diagnostics: Diagnostic[]): HistoryData | null {
    if (this.cache.has(absPath)) return this.cache.get(absPath)!;
    const data = this.read(absPath, span, diagnostics);
    this.cache.set(absPath, data);
    return data;
  }

  private read(absPath: string, span: Span | undefined, diagnostics: Diagnostic[]): HistoryData | null {
    const text = this.readFile?.(absPath);
    if (text === undefined) {
      diagnostics.push(diagnostic('warning', 'unreadable-history', 'cannot read the history file; volatility from history is unavailable', span));
      return null;
    }
    const parsed = parseHistory(text);
    // Shown on the position file: line and column of the history file, and parseHistory's messages, which never
    // quote the history file's content (issue 13).
    for (const d of parsed.diagnostics) {
      diagnostics.push(relocated(d, span, `history file line ${d.line}, column ${d.column}: ${d.message}`));
    }
    if (!parsed.bars.length || parsed.barSeconds === null) return null;
    const closes = parsed.bars.map((b) => b.close);
    const logReturns = closes.slice(1).map((c, i) => Math.log(c / closes[i]!));
    return {
      bars: parsed.bars.length,
      yangZhang: realizedVolatility(parsed.bars, parsed.barSeconds, 'yang-zhang'),
      ewma: realizedVolatility(parsed.bars, parsed.barSeconds, 'ewma'),
      dof: studentTDof(logReturns),
      logReturns,
      returnTimes: parsed.bars.slice(1).map((b) => b.time),
      barSeconds: parsed.barSeconds,
    };
  }
}

export function pickVolatility(v: VolatilityInput, history: HistoryData | null): VolatilityPick {
  if (v.impliedVolatility !== null && v.impliedVolatility > 0) return { sigma: v.impliedVolatility, source: 'implied', history };
  if (v.volatility !== null && v.volatility > 0) return { sigma: v.volatility, source: 'file', history };
  if (history?.yangZhang) return { sigma: history.yangZhang, source: 'history', history };
  return { sigma: null, source: null, history };
}
