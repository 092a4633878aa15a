// A file's rows as read, before anything is computed (issue 10: the panel lists a large workspace within seconds and
// fills in the numbers as the worker computes them). Each row carries the position's own fields from the parse —
// place, id, venue, account, symbol, side, size, entry and mark — and null for every computed figure, with the same
// key (file, id) as the evaluated row that replaces it. Its `unknown` status is a placeholder: the extension marks
// these rows pending; they never reach a report, Problems or the CLI.
import type { LendingAccount, ParsedFile, PerpAccount } from '../core/types';
import { fmt } from '../core/decimal';
import { formatDuration } from '../core/time';
import { unknownRow } from './evaluate-file';
import type { ResultRow } from './report';

export const LISTED_REASON = 'not evaluated yet';

/** What the file itself says of one row. */
type Own = Pick<ResultRow, 'line' | 'column' | 'id' | 'kind' | 'venue' | 'account' | 'settleCurrency' | 'symbol' | 'side' | 'marginMode' | 'size' | 'entryPrice' | 'markPrice'>;

/** One literal in the evaluated rows' field order (a spread of ~40 fields makes a slow dictionary-mode object in V8). */
function listedRow(path: string, horizon: string, o: Own): ResultRow {
  return {
    file: path, line: o.line, column: o.column, id: o.id, kind: o.kind, venue: o.venue, account: o.account, settleCurrency: o.settleCurrency,
    symbol: o.symbol, side: o.side, marginMode: o.marginMode, walletSource: null, size: o.size, entryPrice: o.entryPrice, markPrice: o.markPrice,
    markAge: null, stale: false, liquidationPrice: null, liquidationPriceSource: null, liquidationPrices: null, bankruptcyPrice: null,
    reportedLiquidationPrice: null, reportedDeviation: null, marginBalance: null, maintenanceMargin: null, marginRatio: null,
    venueMarginRatio: null, healthFactor: null, healthFactorIdeal: null, tier: null, distance: null, volatility: null, volatilitySource: null,
    horizon, liquidationProbability: null, status: 'unknown', reason: LISTED_REASON, fix: null,
    details: { var: null, es: null, liquidationCost: null, timeToLiquidation: null },
  };
}

function perpListed(account: PerpAccount, path: string, horizon: string): ResultRow[] {
  return account.positions.map((p) => listedRow(path, horizon, {
    line: p.span.line, column: p.span.column, id: p.id, kind: 'perp', venue: account.venue, account: account.account,
    settleCurrency: account.settleCurrency, symbol: p.symbol, side: p.side, marginMode: p.marginMode, size: fmt(p.size),
    entryPrice: fmt(p.entryPrice), markPrice: fmt(p.market.markPrice),
  }));
}

function loansListed(account: LendingAccount, path: string, horizon: string): ResultRow[] {
  return account.loans.map((l) => listedRow(path, horizon, {
    line: l.span.line, column: l.span.column, id: l.id, kind: 'loan', venue: account.venue, account: account.account,
    settleCurrency: 'USD', symbol: null, side: null, marginMode: null, size: null, entryPrice: null, markPrice: null,
  }));
}

/** The rows `evaluateParsed` will give for this parse, in its order, with only what the file itself says. */
export function listedRows(path: string, parsed: ParsedFile, horizonSeconds: number): ResultRow[] {
  const horizon = formatDuration(horizonSeconds);
  const rows: ResultRow[] = [];
  for (const account of parsed.accounts) rows.push(...(account.kind === 'perp' ? perpListed(account, path, horizon) : loansListed(account, path, horizon)));
  for (const u of parsed.unknown) rows.push({ ...unknownRow(u, path, horizonSeconds), reason: LISTED_REASON });
  return rows;
}
