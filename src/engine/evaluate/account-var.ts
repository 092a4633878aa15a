// Account VaR/ES with correlations and Euler contributions that add up (docs/risk.md §4.3), over the horizon.
// Correlations come from the overlapping history returns of two positions when both have ≥ 100 of them;
// without evidence: 1 for positions on the same side (no diversification credit) and 0 for opposite sides
// (no hedge credit) — the conservative choice either way. Same symbol: 1.
import { operatorPortfolioVarEs } from '../risk';
import { Dec, fmtFloat15 } from '../core/decimal';
import type { ResultRow } from './report';
import type { HistoryData } from './volatility-source';
import { VAR_CONFIDENCE } from './row-details';

const MIN_OVERLAP = 100;
const YEAR = 365 * 86400;

function correlation(a: HistoryData, b: HistoryData): number | null {
  const byTime = new Map(a.returnTimes.map((t, i) => [t, a.logReturns[i]!]));
  const xs: number[] = [], ys: number[] = [];
  b.returnTimes.forEach((t, i) => {
    const x = byTime.get(t);
    if (x !== undefined) { xs.push(x); ys.push(b.logReturns[i]!); }
  });
  if (xs.length < MIN_OVERLAP) return null;
  const mx = xs.reduce((s, x) => s + x, 0) / xs.length, my = ys.reduce((s, y) => s + y, 0) / ys.length;
  let sxy = 0, sxx = 0, syy = 0;
  for (let i = 0; i < xs.length; i++) { const dx = xs[i]! - mx, dy = ys[i]! - my; sxy += dx * dy; sxx += dx * dx; syy += dy * dy; }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : null;
}

export interface Exposure { row: ResultRow; notional: number; vol: number; history: HistoryData | null }

function exposure(row: ResultRow, history: HistoryData | null): Exposure | null {
  if (row.kind !== 'perp' || row.volatility === null || row.status === 'unknown' || !row.size || !row.markPrice) return null;
  const contract = row.details['contractSize'];
  const qty = new Dec(row.size).mul(typeof contract === 'string' ? contract : 1);
  const inverse = row.details['inverse'] === true;
  // Inverse exposure is the USD face, valued in the settle coin at the mark.
  const value = inverse ? qty.div(row.markPrice) : qty.mul(row.markPrice);
  return { row, notional: value.toNumber() * (row.side === 'short' ? -1 : 1), vol: row.volatility, history };
}

/**
 * R·x without building R (linear in the account): exposures fall into classes (symbol, history, side); between
 * classes R is 1 on the same symbol, the history correlation where both have one (each pair computed once), else 1
 * on the same side and 0 across. So (R·x) of a class = the total of its side + its symbol's other-side classes +
 * (estimate − side rule) over its history pairs.
 */
export function correlationTimes(ex: readonly Exposure[]): (x: readonly number[]) => number[] {
  const ids = new Map<string, number>();
  const reps: Exposure[] = [];
  const historyIds = new Map<HistoryData, number>();
  const classes = ex.map((e) => {
    const h = e.history ? (historyIds.get(e.history) ?? historyIds.set(e.history, historyIds.size).get(e.history)!) : -1;
    const key = `${h}|${Math.sign(e.notional)}|${e.row.symbol}`;
    let id = ids.get(key);
    if (id === undefined) ids.set(key, (id = reps.push(e) - 1));
    return id;
  });
  const side = reps.map((e) => Math.sign(e.notional));
  const bySymbol = new Map<string | null, number[]>();
  reps.forEach((e, c) => (bySymbol.get(e.row.symbol) ?? bySymbol.set(e.row.symbol, []).get(e.row.symbol)!).push(c));
  const pairs = historyPairs(reps, side);
  return (x) => {
    const S = new Array<number>(reps.length).fill(0);
    classes.forEach((c, j) => (S[c]! += x[j]!));
    const bySide = new Map<number, number>();
    S.forEach((v, c) => bySide.set(side[c]!, (bySide.get(side[c]!) ?? 0) + v));
    const perClass = reps.map((e, c) => {
      let v = bySide.get(side[c]!)!;
      for (const d of bySymbol.get(e.row.symbol)!) if (side[d] !== side[c]) v += S[d]!;
      return v;
    });
    for (const [c, d, delta] of pairs) {
      perClass[c]! += delta * S[d]!;
      perClass[d]! += delta * S[c]!;
    }
    return classes.map((c) => perClass[c]!);
  };
}

/** Pairs of classes on different symbols, both with history, whose estimate replaces the side rule: [c, d, est − rule]. */
function historyPairs(reps: readonly Exposure[], side: readonly number[]): Array<[number, number, number]> {
  const out: Array<[number, number, number]> = [];
  const withHistory = reps.map((e, c) => c).filter((c) => reps[c]!.history !== null);
  const memo = new Map<HistoryData, Map<HistoryData, number | null>>();
  const corr = (a: HistoryData, b: HistoryData): number | null => {
    let m = memo.get(a);
    if (!m) memo.set(a, (m = new Map()));
    if (!m.has(b)) m.set(b, correlation(a, b));
    return m.get(b)!;
  };
  for (let i = 0; i < withHistory.length; i++) {
    for (let k = i + 1; k < withHistory.length; k++) {
      const c = withHistory[i]!, d = withHistory[k]!;
      if (reps[c]!.row.symbol === reps[d]!.row.symbol) continue;
      const est = corr(reps[c]!.history!, reps[d]!.history!);
      if (est !== null) out.push([c, d, est - (side[c] === side[d] ? 1 : 0)]);
    }
  }
  return out;
}

/** Adds accountVar/accountEs and each row's Euler contributions to the rows of one account. */
export function attachPortfolioVar(rows: ResultRow[], histories: Map<ResultRow, HistoryData | null>, horizonSeconds: number): void {
  const ex = rows.map((r) => exposure(r, histories.get(r) ?? null)).filter((e): e is Exposure => e !== null);
  if (ex.length === 0) return;
  const v = operatorPortfolioVarEs({
    notionals: ex.map((e) => e.notional), vols: ex.map((e) => e.vol), correlationTimes: correlationTimes(ex), years: horizonSeconds / YEAR, confidence: VAR_CONFIDENCE,
  });
  if (!v) return;
  ex.forEach((e, i) => {
    Object.assign(e.row.details, {
      accountVar: fmtFloat15(v.var), accountEs: fmtFloat15(v.es),
      varContribution: fmtFloat15(v.component[i]!), esContribution: fmtFloat15(v.componentEs[i]!),
    });
  });
}
