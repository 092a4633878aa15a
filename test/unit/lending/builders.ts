// Test builders: LendingAccount objects built directly (dummy spans), amounts given as decimal strings.
import { Dec } from '../../../src/engine/core/decimal';
import type { EModeCategory, LendingAccount, LendingAsset, LendingVenueId, Loan, LoanLeg, Span } from '../../../src/engine/core/types';
import vectors from '../../fixtures/lending/defi.json';

export const SPAN: Span = { offset: 0, length: 1, line: 1, column: 1, endLine: 1, endColumn: 2 };
const d = (x: string | number): Dec => new Dec(x);

export interface AssetSpec {
  price?: string | null;
  decimals?: number;
  stable?: boolean;
  lt?: string;
  lb?: string;
  lcf?: string;
  lf?: string;
  sfpf?: string;
  extra?: Record<string, string>;
}

export function asset(symbol: string, s: AssetSpec = {}): LendingAsset {
  return {
    symbol, price: s.price === undefined || s.price === null ? null : d(s.price), decimals: s.decimals ?? null,
    stable: s.stable ?? false, liquidationThreshold: s.lt ? d(s.lt) : null, liquidationBonus: s.lb ? d(s.lb) : null,
    liquidateCollateralFactor: s.lcf ? d(s.lcf) : null, liquidationFactor: s.lf ? d(s.lf) : null,
    storeFrontPriceFactor: s.sfpf ? d(s.sfpf) : null,
    extra: Object.fromEntries(Object.entries(s.extra ?? {}).map(([k, v]) => [k, d(v)])),
    volatility: null, impliedVolatility: null, history: null, markTime: null, span: SPAN, fields: {},
  };
}

export function leg(assetSymbol: string, amount: string, usageAsCollateral = true, overrides: Partial<LendingAsset> = {}): LoanLeg {
  return { asset: assetSymbol, amount: d(amount), usageAsCollateral, overrides, span: SPAN, fields: {} };
}

export function loan(collateral: LoanLeg[], debt: LoanLeg[], opts: { id?: string; eMode?: string | null; params?: Record<string, string> } = {}): Loan {
  return {
    id: opts.id ?? 'main', eMode: opts.eMode ?? null, collateral, debt,
    params: Object.fromEntries(Object.entries(opts.params ?? {}).map(([k, v]) => [k, d(v)])), span: SPAN, fields: {},
  };
}

export function account(
  venue: LendingVenueId, markets: LendingAsset[], loans: Loan[],
  opts: { eModeCategories?: EModeCategory[]; params?: Record<string, string> } = {},
): LendingAccount {
  return {
    kind: 'lending', venue, account: null, asOf: null,
    markets: Object.fromEntries(markets.map((m) => [m.symbol, m])),
    eModeCategories: Object.fromEntries((opts.eModeCategories ?? []).map((c) => [c.id, c])),
    params: Object.fromEntries(Object.entries(opts.params ?? {}).map(([k, v]) => [k, d(v)])),
    loans, readOnly: false, span: SPAN, fields: {},
  };
}

export function emode(id: string, lt: string, assets: string[], lb?: string): EModeCategory {
  return { id, label: `cat-${id}`, liquidationThreshold: d(lt), liquidationBonus: lb ? d(lb) : null, assets };
}

/** A vector output by group id and key (test/fixtures/lending/defi.json, a copy of shared/vectors/defi.json). */
export function vec(id: string, key: string): string {
  const g = (vectors as unknown as Array<{ id: string; outputs: Record<string, string> }>).find((v) => v.id === id);
  const v = g?.outputs[key];
  if (v === undefined) throw new Error(`no vector ${id}.${key}`);
  return v;
}

/** Equal to 30 significant digits (docs/results.md §2 output precision). */
export function sig30(x: Dec | null | undefined): string | null {
  return x === null || x === undefined ? null : x.toSignificantDigits(30, Dec.ROUND_HALF_EVEN).toFixed();
}
