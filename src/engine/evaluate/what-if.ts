// What-if of one row (issue 14 "What-if"): the row's market moved by a price shock (every mark × (1 + shock), the
// stress test's market-wide move of docs/results.md §2.3, exact Decimal), its volatility × a multiplier, and margin
// added to the wallet (cross) or the isolated margin (isolated) — as a fix's "add margin" would (docs/results.md §2.4) —
// then the account re-evaluated by the same engine (evaluateParsed). Works on a copy: the parse is never changed.
import { Dec, ONE, ZERO, parseDecimal } from '../core/decimal';
import type { Account, LendingAccount, ParsedFile, PerpAccount } from '../core/types';
import type { ResultRow } from './report';
import { evaluateParsed, type EvaluateOptions, type SourceFile } from './evaluate-file';

export interface WhatIfScenario {
  /** Relative price move of the row's market, e.g. -0.1 for −10 % (1 + shock must stay above 0). */
  shock: number;
  /** Volatility multiplier (> 0), 1 = the file's. */
  volMultiplier: number;
  /** Margin added, a non-negative decimal string in the account's settlement currency ("0" = none). Perps only. */
  addMargin: string;
}

export type WhatIfOutcome =
  | { ok: true; row: ResultRow; note: string | null }
  | { ok: false; reason: string };

export const NEUTRAL_SCENARIO: WhatIfScenario = { shock: 0, volMultiplier: 1, addMargin: '0' };

/** The shock as an exact Decimal factor: String(-0.1) is "-0.1", so 1 + shock is exact (no binary-float residue). */
function factorOf(shock: number): Dec | null {
  if (!Number.isFinite(shock)) return null;
  const f = ONE.plus(new Dec(String(shock)));
  return f.gt(0) ? f : null;
}

function findAccount(parsed: ParsedFile, rowId: string): Account | null {
  for (const a of parsed.accounts) {
    if (a.kind === 'perp' ? a.positions.some((p) => p.id === rowId) : a.loans.some((l) => l.id === rowId)) return a;
  }
  return null;
}

function rowOf(source: Pick<SourceFile, 'path' | 'absPath' | 'root'>, parsed: ParsedFile, account: Account, rowId: string, options: EvaluateOptions): ResultRow | null {
  // Only this account: rows are computed per account (portfolio VaR included), so the row equals the whole file's.
  const copy: ParsedFile = { ...parsed, accounts: [account], unknown: [], diagnostics: [] };
  return evaluateParsed(source, copy, [], options).rows.find((r) => r.id === rowId) ?? null;
}

function perpScenario(account: PerpAccount, symbol: string, factor: Dec, sigma: number | null, add: Dec, rowId: string): PerpAccount {
  const target = account.positions.find((p) => p.id === rowId)!;
  const positions = account.positions.map((p) => {
    if (p.symbol !== symbol) return p;
    const market = { ...p.market, markPrice: p.market.markPrice ? p.market.markPrice.mul(factor) : null, ...(sigma !== null ? { impliedVolatility: sigma } : {}) };
    const isolatedMargin = p.id === rowId && p.marginMode === 'isolated' && !add.isZero() ? (p.isolatedMargin ?? ZERO).plus(add) : p.isolatedMargin;
    return { ...p, market, isolatedMargin };
  });
  const walletBalance = target.marginMode === 'cross' && !add.isZero() ? (account.walletBalance ?? ZERO).plus(add) : account.walletBalance;
  return { ...account, positions, walletBalance };
}

function loanScenario(account: LendingAccount, symbol: string | null, factor: Dec, sigma: number | null): LendingAccount {
  if (!symbol || !account.markets[symbol]) return account;
  const asset = account.markets[symbol]!;
  const moved = { ...asset, price: asset.price ? asset.price.mul(factor) : null, ...(sigma !== null ? { impliedVolatility: sigma } : {}) };
  // A leg's own price override of this asset moves with it.
  const loans = account.loans.map((l) => ({
    ...l,
    collateral: l.collateral.map((g) => (g.asset === symbol && g.overrides.price ? { ...g, overrides: { ...g.overrides, price: g.overrides.price.mul(factor) } } : g)),
    debt: l.debt.map((g) => (g.asset === symbol && g.overrides.price ? { ...g, overrides: { ...g.overrides, price: g.overrides.price.mul(factor) } } : g)),
  }));
  return { ...account, markets: { ...account.markets, [symbol]: moved }, loans };
}

/**
 * The row `rowId` of `parsed` under `scenario`. `options` should carry the evaluation time of the file's own
 * evaluation (`now`), so the neutral scenario returns exactly the file's row.
 */
export function whatIf(source: Pick<SourceFile, 'path' | 'absPath' | 'root'>, parsed: ParsedFile, rowId: string, scenario: WhatIfScenario, options: EvaluateOptions = {}): WhatIfOutcome {
  const factor = factorOf(scenario.shock);
  if (factor === null) return { ok: false, reason: 'the price shock must keep prices above zero' };
  if (!Number.isFinite(scenario.volMultiplier) || scenario.volMultiplier <= 0) return { ok: false, reason: 'the volatility multiplier must be above zero' };
  const add = parseDecimal(scenario.addMargin);
  if (add === null || add.isNeg()) return { ok: false, reason: 'the margin to add must be a decimal of zero or more' };
  const account = findAccount(parsed, rowId);
  if (!account) return { ok: false, reason: 'this position is no longer in the file' };
  if (account.kind === 'lending' && !add.isZero()) return { ok: false, reason: 'adding margin is not for loans' };
  const base = rowOf(source, parsed, account, rowId, options);
  if (!base) return { ok: false, reason: 'this position could not be evaluated' };
  if (base.status === 'unknown') return { ok: false, reason: `this position could not be evaluated: ${base.reason}` };
  const scaled = scenario.volMultiplier !== 1 && base.volatility !== null ? base.volatility * scenario.volMultiplier : null;
  const note = scenario.volMultiplier !== 1 && base.volatility === null ? 'no volatility to scale: the multiplier has no effect' : null;
  // The scaled σ is written as the market's implied volatility (the top of docs/results.md §3's precedence); the
  // history, when there is one, still fits the tails.
  const changed = account.kind === 'perp'
    ? perpScenario(account, base.symbol ?? '', factor, scaled, add, rowId)
    : loanScenario(account, base.symbol, factor, scaled);
  const row = rowOf(source, parsed, changed, rowId, options);
  if (!row) return { ok: false, reason: 'this position could not be evaluated' };
  if (scaled !== null) row.volatilitySource = base.volatilitySource;
  return { ok: true, row, note };
}
