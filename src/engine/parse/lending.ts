// Lending accounts (docs/format.md §2.1): per-asset markets, Aave eMode categories, loans with collateral and debt
// legs; protocol-specific numbers are kept exactly in `extra` (assets) and `params` (loans, file).
import { quote } from '../core/quote-text';
import type { Dec } from '../core/decimal';
import type { EModeCategory, LendingAccount, LendingAsset, LendingVenueId, Loan, LoanLeg, Span } from '../core/types';
import type { Ctx } from './parse-context';
import { unknownKey } from './market';
import { explicitIds } from './perp';
import { readAccountLabel } from './native';
import { describe, entry, scalarText, type LNode, type ObjNode } from './tree';
import { readAmount, readBool, readFloat, readFraction, readInt, readString, readTime, valueFix, type FractionKind } from './values';
import { bundledDecimals, isBundledStable } from '../core/assets';

/** Protocol numbers the lending models read (docs/lending.md §0.3); other decimals are kept too, with a warning. */
const KNOWN_PARAMS = [
  'lltv', 'liquidationRatio', 'mat', 'mcr', 'ccr', 'tcr', 'art', 'rate', 'spot', 'par', 'dust', 'chop', 'penalty',
  'liquidationPenalty', 'chip', 'tip', 'hole', 'room', 'borrowShares', 'totalBorrowAssets', 'totalBorrowShares',
  'oraclePrice', 'priceDecimals', 'stabilityPool', 'liquidationPenaltySP', 'liquidationPenaltyRedistribution',
  'totalCollateral', 'totalDebt', 'borrowCollateralFactor', 'baseBorrowMin', 'closeFactor', 'protocolFee',
  'liquidationProtocolFee', 'debtCeiling', 'interestRate', 'annualInterestRate', 'protocolVersion', 'correlationGroup',
  'storeFrontPriceFactor',
];
/** Ratios above 1 (Maker mat, Liquity MCR/CCR/TCR): "1.45" = 145 %. */
const RATIOS = new Set(['liquidationRatio', 'mat', 'mcr', 'ccr', 'tcr']);
/** Fractions below 1 among the params. */
const PARAM_FRACTIONS: Record<string, FractionKind> = { lltv: 'threshold', borrowCollateralFactor: 'threshold', closeFactor: 'rate', protocolFee: 'rate', liquidationProtocolFee: 'rate' };

const ASSET_FRACTIONS: Record<string, FractionKind> = {
  liquidationThreshold: 'threshold', liquidationBonus: 'bonus', liquidateCollateralFactor: 'threshold',
  liquidationFactor: 'threshold', storeFrontPriceFactor: 'rate',
};
const ASSET_KEYS = ['price', 'decimals', 'stable', ...Object.keys(ASSET_FRACTIONS), 'volatility', 'impliedVolatility', 'history', 'markTime'];
const LEG_KEYS = ['asset', 'amount', 'usageAsCollateral'];
const LOAN_KEYS = ['id', 'eMode', 'collateral', 'debt'];
const TOP_KEYS = ['version', 'venue', 'account', 'asOf', 'risk', '$schema', 'description', 'notes', 'markets', 'eModeCategories', 'loans'];

export function readLendingAccount(ctx: Ctx, root: ObjNode, venue: LendingVenueId): LendingAccount {
  const acct: LendingAccount = {
    kind: 'lending', venue, account: readAccountLabel(ctx, root), asOf: null, markets: {}, eModeCategories: {}, params: {},
    loans: [], readOnly: false, span: root.span, fields: {},
  };
  let loansNode: LNode | null = null;
  for (const e of root.entries) {
    acct.fields[e.key] = e.value.span;
    switch (e.key) {
      case 'version': case 'venue': case 'account': case 'risk': case '$schema': case 'description': case 'notes': break;
      case 'asOf': acct.asOf = readTime(ctx, e.value, 'asOf'); break;
      case 'markets': acct.markets = readAssets(ctx, e.value); break;
      case 'eModeCategories': acct.eModeCategories = readEModes(ctx, e.value); break;
      case 'loans': loansNode = e.value; break;
      default: readParam(ctx, e.key, e.keySpan, e.value, acct.params, 'the file', TOP_KEYS);
    }
  }
  if (loansNode === null || loansNode.kind === 'null') {
    ctx.diags.error('missing-field', 'This lending file has no loans; add "loans:" with { collateral: [...], debt: [...] } entries', ctx.lines.span(root.span.offset, 0));
    return acct;
  }
  if (loansNode.kind !== 'array') {
    ctx.diags.error('invalid-value', `loans must be a list of loans; got ${describe(loansNode)}`, loansNode.span);
    return acct;
  }
  ctx.ids.reserve(explicitIds(loansNode.items));
  for (const item of loansNode.items) {
    const loan = readLoan(ctx, item, acct);
    if (loan) acct.loans.push(loan);
  }
  return acct;
}

/** A protocol number (exact); known names silently, others kept with a warning; non-numbers warn and are dropped. */
function readParam(ctx: Ctx, key: string, keySpan: Span, node: LNode, into: Record<string, Dec>, where: string, known: string[]): void {
  const numeric = node.kind === 'number' || (node.kind === 'string' && /^\s*[+-]?(\d|\.\d)/.test(node.value));
  if (!KNOWN_PARAMS.includes(key) && !numeric) {
    unknownKey(ctx, key, keySpan, where, [...known, ...KNOWN_PARAMS]);
    return;
  }
  const kind = PARAM_FRACTIONS[key];
  const d = kind ? readFraction(ctx, node, key, kind) : readAmount(ctx, node, key, { percent: RATIOS.has(key) });
  if (d === null) return;
  if (RATIOS.has(key) && d.lte(1)) {
    ctx.diags.error('fraction-out-of-range', `${key} is a ratio above 1 ("1.45" = 145 %); ${describe(node)} would liquidate a loan that is fully collateralised — did you mean "${d.plus(1).toFixed()}"?`, node.span, /%/.test(scalarText(node) ?? '') ? null : valueFix(ctx, node, d.plus(1).toFixed(), true));
    return;
  }
  if (!KNOWN_PARAMS.includes(key)) ctx.diags.warning('unknown-key', `${quote(key)} is not a parameter the lending models use; it is kept as a protocol number but has no effect — check the spelling`, keySpan);
  into[key] = d;
}

function emptyAsset(symbol: string, span: Span | null): LendingAsset {
  return {
    symbol, price: null, decimals: null, stable: isBundledStable(symbol), liquidationThreshold: null, liquidationBonus: null,
    liquidateCollateralFactor: null, liquidationFactor: null, storeFrontPriceFactor: null, extra: {}, volatility: null,
    impliedVolatility: null, history: null, markTime: null, span, fields: {},
  };
}

/** Reads one asset field into `a` (markets entry or a leg override); false when the key is not an asset field. */
function readAssetField(ctx: Ctx, key: string, node: LNode, a: Partial<LendingAsset> & { fields: Record<string, Span> }): boolean {
  const frac = ASSET_FRACTIONS[key];
  if (frac) (a as Record<string, unknown>)[key] = readFraction(ctx, node, key, frac);
  else if (key === 'price') a.price = readAmount(ctx, node, 'price', { positive: true });
  else if (key === 'decimals') a.decimals = readInt(ctx, node, 'decimals', 0, 77);
  else if (key === 'stable') {
    const b = readBool(ctx, node, 'stable');
    if (b !== null) a.stable = b;
  }
  else if (key === 'volatility' || key === 'impliedVolatility') a[key] = readFloat(ctx, node, key, { nonNegative: true });
  else if (key === 'history') a.history = readString(ctx, node, 'history');
  else if (key === 'markTime' || key === 'priceTime') a.markTime = readTime(ctx, node, key);
  else return false;
  a.fields[key === 'priceTime' ? 'markTime' : key] = node.span;
  return true;
}

function readAssets(ctx: Ctx, node: LNode): Record<string, LendingAsset> {
  const out: Record<string, LendingAsset> = Object.create(null);
  if (node.kind !== 'object') {
    ctx.diags.error('invalid-value', `markets must be an object keyed by asset (WETH: { price: "3000", … }); got ${describe(node)}`, node.span);
    return out;
  }
  for (const e of node.entries) {
    const a = emptyAsset(e.key, e.value.span);
    out[e.key] = a;
    if (e.value.kind !== 'object') {
      ctx.diags.error('invalid-value', `markets.${e.key} must be an object { price, liquidationThreshold, … }; got ${describe(e.value)}`, e.value.span);
      continue;
    }
    for (const f of e.value.entries) {
      if (!readAssetField(ctx, f.key, f.value, a)) readParam(ctx, f.key, f.keySpan, f.value, a.extra, `markets.${e.key}`, ASSET_KEYS);
    }
    if (a.decimals === null && !a.fields.decimals) {
      const d = bundledDecimals(e.key);
      a.decimals = d ?? 18;
      if (d === null) ctx.diags.hint('default-decimals', `${e.key} has no decimals and is not a bundled token: 18 is assumed (write decimals: 6 for a 6-decimal token); the protocol's integer rounding depends on it`, e.keySpan);
    }
  }
  return out;
}

function readEModes(ctx: Ctx, node: LNode): Record<string, EModeCategory> {
  const out: Record<string, EModeCategory> = Object.create(null);
  if (node.kind !== 'object') {
    ctx.diags.error('invalid-value', `eModeCategories must be an object keyed by category id ("1": { liquidationThreshold, assets }); got ${describe(node)}`, node.span);
    return out;
  }
  for (const e of node.entries) {
    const v = e.value;
    if (v.kind !== 'object') {
      ctx.diags.error('invalid-value', `eModeCategories.${e.key} must be an object { label, liquidationThreshold, liquidationBonus, assets }; got ${describe(v)}`, v.span);
      continue;
    }
    let label: string | null = null;
    let lt: Dec | null = null;
    let lb: Dec | null = null;
    let assets: string[] = [];
    for (const f of v.entries) {
      if (f.key === 'label') label = readString(ctx, f.value, 'label');
      else if (f.key === 'liquidationThreshold') lt = readFraction(ctx, f.value, 'liquidationThreshold', 'threshold');
      else if (f.key === 'liquidationBonus') lb = readFraction(ctx, f.value, 'liquidationBonus', 'bonus');
      else if (f.key === 'assets') assets = readAssetList(ctx, f.value);
      else unknownKey(ctx, f.key, f.keySpan, `eModeCategories.${e.key}`, ['label', 'liquidationThreshold', 'liquidationBonus', 'assets']);
    }
    if (!entry(v, 'liquidationThreshold')) ctx.diags.error('missing-field', `eMode category ${e.key} has no liquidationThreshold; write e.g. liquidationThreshold: "0.95"`, e.keySpan);
    if (lt !== null) out[e.key] = { id: e.key, label, liquidationThreshold: lt, liquidationBonus: lb, assets };
  }
  return out;
}

function readAssetList(ctx: Ctx, node: LNode): string[] {
  if (node.kind !== 'array') {
    ctx.diags.error('invalid-value', `assets must be a list of asset symbols ([WETH, wstETH]); got ${describe(node)}`, node.span);
    return [];
  }
  return node.items.map((i) => readString(ctx, i, 'asset')).filter((s): s is string => s !== null);
}

function readLoan(ctx: Ctx, node: LNode, acct: LendingAccount): Loan | null {
  if (node.kind !== 'object') {
    ctx.diags.error('invalid-value', `Each loan must be an object { id, collateral: [...], debt: [...] }; got ${describe(node)}`, node.span);
    ctx.unknown.push({ id: ctx.ids.assign(null, null, null, 'loan'), kind: 'loan', venue: acct.venue, account: acct.account, symbol: null, side: null, reason: 'the entry is not an object', span: node.span });
    return null;
  }
  const loan: Loan = { id: '', eMode: null, collateral: [], debt: [], params: {}, span: node.span, fields: {} };
  let own: { id: string; span: Span } | null = null;
  for (const e of node.entries) {
    loan.fields[e.key] = e.value.span;
    switch (e.key) {
      case 'id': { const id = readString(ctx, e.value, 'id'); own = id === null ? null : { id, span: e.value.span }; break; }
      case 'eMode': {
        if (e.value.kind === 'null') break;
        const id = readString(ctx, e.value, 'eMode');
        if (id !== null && id !== '0') {
          loan.eMode = id;
          if (!acct.eModeCategories[id]) ctx.diags.error('unknown-symbol', `eMode ${id} is not one of eModeCategories (${Object.keys(acct.eModeCategories).join(', ') || 'none defined'}); define it or use eMode: 0`, e.value.span);
        }
        break;
      }
      case 'collateral': loan.collateral = readLegs(ctx, e.value, 'collateral', acct); break;
      case 'debt': loan.debt = readLegs(ctx, e.value, 'debt', acct); break;
      default: readParam(ctx, e.key, e.keySpan, e.value, loan.params, 'a loan', LOAN_KEYS);
    }
  }
  loan.id = ctx.ids.assign(own, null, null, 'loan');
  if (!entry(node, 'collateral') && !entry(node, 'debt')) {
    ctx.diags.error('missing-field', 'This loan has neither collateral nor debt; write collateral: [{ asset: WETH, amount: "10" }] and debt: [{ asset: USDC, amount: "20000" }]', node.span);
  }
  return loan;
}

function readLegs(ctx: Ctx, node: LNode, side: 'collateral' | 'debt', acct: LendingAccount): LoanLeg[] {
  if (node.kind === 'null') return [];
  if (node.kind !== 'array') {
    ctx.diags.error('invalid-value', `${side} must be a list of { asset, amount }; got ${describe(node)}`, node.span);
    return [];
  }
  const legs: LoanLeg[] = [];
  for (const item of node.items) {
    const leg = readLeg(ctx, item, side, acct);
    if (leg) legs.push(leg);
  }
  return legs;
}

function readLeg(ctx: Ctx, node: LNode, side: string, acct: LendingAccount): LoanLeg | null {
  if (node.kind !== 'object') {
    ctx.diags.error('invalid-value', `Each ${side} entry must be { asset, amount }; got ${describe(node)}`, node.span);
    return null;
  }
  let asset: string | null = null;
  let amount: Dec | null = null;
  let usage = true;
  const overrides: Partial<LendingAsset> & { fields: Record<string, Span> } = { fields: {}, extra: {} };
  const fields: Record<string, Span> = {};
  for (const e of node.entries) {
    fields[e.key] = e.value.span;
    if (e.key === 'asset') asset = readString(ctx, e.value, 'asset');
    else if (e.key === 'amount') amount = readAmount(ctx, e.value, 'amount', { nonNegative: true });
    else if (e.key === 'usageAsCollateral') usage = readBool(ctx, e.value, 'usageAsCollateral') ?? true;
    else if (!readAssetField(ctx, e.key, e.value, overrides)) readParam(ctx, e.key, e.keySpan, e.value, overrides.extra!, `a ${side} entry`, [...LEG_KEYS, ...ASSET_KEYS]);
  }
  for (const k of ['asset', 'amount']) {
    if (!entry(node, k)) ctx.diags.error('missing-field', `This ${side} entry has no ${k}; write { asset: WETH, amount: "10" }`, node.span);
  }
  if (asset === null || amount === null) return null;
  if (!acct.markets[asset] && overrides.price === undefined) {
    ctx.diags.error('unknown-symbol', `${asset} is not in markets and this entry has no price of its own; add markets.${asset} with its price${side === 'collateral' ? ' and liquidationThreshold' : ''}`, fields.asset ?? node.span);
  }
  const { fields: overrideFields, ...rest } = overrides;
  if (rest.extra && Object.keys(rest.extra).length === 0) delete rest.extra;
  return { asset, amount, usageAsCollateral: usage, overrides: { ...rest, ...(Object.keys(overrideFields).length ? { fields: overrideFields } : {}) }, span: node.span, fields };
}
