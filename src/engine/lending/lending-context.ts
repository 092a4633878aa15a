// A loan with its legs resolved against the account's markets (per-leg overrides win), plus diagnostics helpers.
import type { Dec } from '../core/decimal';
import { defaultDecimals, familyOf, isBundledStable } from '../core/assets';
import type { DiagnosticCode } from '../core/diagnostic-codes';
import { diagnostic } from '../core/diagnostics';
import type { Diagnostic, LendingAccount, LendingAsset, Loan, LoanLeg, Severity, Span } from '../core/types';

/** One collateral or debt line with its market parameters merged in. */
export interface ResolvedLeg {
  asset: string;
  amount: Dec;
  /** Merged market parameters (leg overrides win, `extra` merged key by key). */
  params: LendingAsset;
  price: Dec | null;
  decimals: number;
  volatile: boolean;
  /** Collateral flag (always true for debt legs). */
  enabled: boolean;
  source: LoanLeg;
}

export interface LoanContext {
  account: LendingAccount;
  loan: Loan;
  collateral: ResolvedLeg[];
  debt: ResolvedLeg[];
  diagnostics: Diagnostic[];
}


/** Correlated pair: same bundled family, one eMode category holding both, or equal `correlationGroup` extras. */
export function correlated(account: LendingAccount, a: ResolvedLeg, b: ResolvedLeg): boolean {
  if (a.asset === b.asset) return false;
  const fa = familyOf(a.asset);
  if (fa >= 0 && fa === familyOf(b.asset)) return true;
  for (const cat of Object.values(account.eModeCategories)) {
    if (cat.assets.includes(a.asset) && cat.assets.includes(b.asset)) return true;
  }
  const ga = a.params.extra['correlationGroup'];
  const gb = b.params.extra['correlationGroup'];
  return ga !== undefined && gb !== undefined && ga.eq(gb);
}

function emptyAsset(symbol: string): LendingAsset {
  return {
    symbol, price: null, decimals: null, stable: isBundledStable(symbol), liquidationThreshold: null, liquidationBonus: null,
    liquidateCollateralFactor: null, liquidationFactor: null, storeFrontPriceFactor: null, extra: {},
    volatility: null, impliedVolatility: null, history: null, markTime: null, span: null, fields: {},
  };
}

/** Market fields merged with the leg's overrides (the leg wins; `extra` merged key by key). */
export function mergeAsset(market: LendingAsset | undefined, leg: LoanLeg): LendingAsset {
  const base = market ?? emptyAsset(leg.asset);
  const merged: LendingAsset = { ...base, fields: { ...base.fields } };
  for (const [k, v] of Object.entries(leg.overrides)) {
    if (v === undefined || v === null || k === 'extra' || k === 'fields') continue;
    (merged as unknown as Record<string, unknown>)[k] = v;
  }
  merged.extra = { ...base.extra, ...(leg.overrides.extra ?? {}) };
  return merged;
}

export function resolveLeg(account: LendingAccount, leg: LoanLeg, isDebt: boolean): ResolvedLeg {
  const params = mergeAsset(account.markets[leg.asset], leg);
  // The file's own `stable:` wins; the bundled stablecoin list is only the default (core/assets.ts).
  return {
    asset: leg.asset, amount: leg.amount, params, price: params.price,
    decimals: params.decimals ?? defaultDecimals(leg.asset), volatile: !params.stable,
    enabled: isDebt ? true : leg.usageAsCollateral, source: leg,
  };
}

export function buildContext(account: LendingAccount, loan: Loan): LoanContext {
  return {
    account, loan, diagnostics: [],
    collateral: loan.collateral.map((l) => resolveLeg(account, l, false)),
    debt: loan.debt.map((l) => resolveLeg(account, l, true)),
  };
}

/** The same loan with some prices replaced (for evaluating at a liquidation point). */
export function withPrices(ctx: LoanContext, prices: Record<string, Dec>): LoanContext {
  const swap = (l: ResolvedLeg): ResolvedLeg => (prices[l.asset] ? { ...l, price: prices[l.asset] as Dec } : l);
  return { ...ctx, collateral: ctx.collateral.map(swap), debt: ctx.debt.map(swap), diagnostics: [] };
}

/** A protocol number from the loan, then the first collateral leg's extras, then the account (first name found). */
export function param(ctx: LoanContext, ...names: string[]): Dec | null {
  for (const n of names) {
    const v = ctx.loan.params[n];
    if (v !== undefined) return v;
  }
  const first = ctx.collateral[0];
  for (const n of names) {
    const v = first?.params.extra[n];
    if (v !== undefined) return v;
  }
  for (const n of names) {
    const v = ctx.account.params[n];
    if (v !== undefined) return v;
  }
  return null;
}

/** Adds a diagnostic to the loan (at the loan when `span` is absent), once. */
export function addDiagnostic(ctx: LoanContext, span: Span | null | undefined, severity: Severity, code: DiagnosticCode, message: string): void {
  const s = span ?? ctx.loan.span;
  if (ctx.diagnostics.some((d) => d.code === code && d.line === s.line && d.column === s.column && d.message === message)) return;
  ctx.diagnostics.push(diagnostic(severity, code, message, s));
}

/** Where a loan-level param stands (for diagnostics). */
export const paramSpan = (ctx: LoanContext, name: string): Span => ctx.loan.fields[name] ?? ctx.loan.span;
