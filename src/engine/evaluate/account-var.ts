// Account VaR/ES with correlations and Euler contributions that add up (docs/risk.md §4.3), over the horizon.
// Correlations come from the overlapping history returns of two positions when both have ≥ 100 of them;
// without evidence: 1 for positions on the same side (no diversification credit) and 0 for opposite sides
// (no hedge credit) — the conservative choice either way. Same symbol: 1.
import { groupedPortfolioVarEs } from '../risk';
import { Dec, fmt } from '../core/decimal';
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

interface Exposure { row: ResultRow; notional: number; vol: number; history: HistoryData | null }

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
 * The correlation of two exposures depends only on (symbol, history, side), so the account's exposures fall into
 * classes and the matrix is built over classes (a history pair's correlation is computed once): linear in the
 * account's size.
 */
function classesOf(ex: readonly Exposure[]): { classes: number[]; matrix: number[][] } {
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
  const matrix = reps.map((a, i) => reps.map((b, j) => {
    if (i === j || a.row.symbol === b.row.symbol) return 1;
    const est = a.history && b.history ? correlation(a.history, b.history) : null;
    if (est !== null) return est;
    return Math.sign(a.notional) === Math.sign(b.notional) ? 1 : 0;
  }));
  return { classes, matrix };
}

/** Adds accountVar/accountEs and each row's Euler contributions to the rows of one account. */
export function attachPortfolioVar(rows: ResultRow[], histories: Map<ResultRow, HistoryData | null>, horizonSeconds: number): void {
  const ex = rows.map((r) => exposure(r, histories.get(r) ?? null)).filter((e): e is Exposure => e !== null);
  if (ex.length === 0) return;
  const { classes, matrix } = classesOf(ex);
  const v = groupedPortfolioVarEs({
    notionals: ex.map((e) => e.notional), vols: ex.map((e) => e.vol), classes, classCorrelation: matrix, years: horizonSeconds / YEAR, confidence: VAR_CONFIDENCE,
  });
  if (!v) return;
  const money = (x: number): string | null => (Number.isFinite(x) ? fmt(new Dec(x.toPrecision(15))) : null);
  ex.forEach((e, i) => {
    Object.assign(e.row.details, {
      accountVar: money(v.var), accountEs: money(v.es),
      varContribution: money(v.component[i]!), esContribution: money(v.componentEs[i]!),
    });
  });
}
