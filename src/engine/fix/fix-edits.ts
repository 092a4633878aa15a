// Text edits that apply a fix to a position file (docs/format.md §7): only the values the fix names change, each in
// place with its own quoting, so comments and formatting stay. A size cut edits the size and the balance that
// receives its realised PnL, returned together so the editor applies them as one undo step.
import { Dec, fmt, parseDecimal } from '../core/decimal';
import type { LendingAccount, ParsedFile, PerpAccount, PerpPosition, Span } from '../core/types';
import type { AccountReport, LoanFix, PerpFix, ResultRow } from '../evaluate/report';
import { isInversePosition as isInverse } from '../venues/registry';

export interface TextEdit {
  offset: number;
  length: number;
  newText: string;
  span: Span;
  /** The field the edit changes as the file names it ("walletBalance", "size", "WETH amount"): confirmations name it. */
  field: string;
}

export type FixKind = 'addMargin' | 'reduceSize' | 'addCollateral' | 'repayDebt';

export interface FixEdits {
  title: string;
  edits: TextEdit[];
}

export type EditResult = FixEdits | { reason: string };

const READ_ONLY = 'exchange and bot dumps are read-only: change the position on the venue';

/** The new value written the way the old one was: same quote character, or bare. */
function replaceValue(text: string, span: Span, value: Dec, field: string): TextEdit {
  const old = text.slice(span.offset, span.offset + span.length);
  const q = old[0] === '"' || old[0] === "'" ? old[0] : '';
  return { offset: span.offset, length: span.length, newText: `${q}${fmt(value)}${q}`, span, field };
}

/** The exact value currently written at `span` (quotes stripped), or null when it is not a plain decimal. */
function valueAt(text: string, span: Span): Dec | null {
  const raw = text.slice(span.offset, span.offset + span.length).replace(/^["']|["']$/g, '');
  return parseDecimal(raw);
}

function findPerp(parsed: ParsedFile, row: ResultRow): { account: PerpAccount; position: PerpPosition } | null {
  for (const a of parsed.accounts) {
    if (a.kind !== 'perp') continue;
    const position = a.positions.find((p) => p.id === row.id);
    if (position) return { account: a, position };
  }
  return null;
}

function addTo(text: string, span: Span | undefined, delta: Dec, what: string): TextEdit | { reason: string } {
  if (!span) return { reason: `the file has no ${what} value to edit` };
  const current = valueAt(text, span);
  if (current === null) return { reason: `the ${what} value is not a plain decimal` };
  return replaceValue(text, span, current.plus(delta), what);
}

function marginEdit(text: string, account: PerpAccount, position: PerpPosition, amount: Dec): EditResult {
  const isolated = position.marginMode === 'isolated';
  const e = isolated ? addTo(text, position.fields['isolatedMargin'], amount, 'isolatedMargin') : addTo(text, account.fields['walletBalance'], amount, 'walletBalance');
  if ('reason' in e) return e;
  return { title: `Add ${fmt(amount)} ${account.settleCurrency ?? ''} to ${isolated ? 'the isolated margin' : 'the wallet'}`.replace('  ', ' '), edits: [e] };
}

function cutEdit(text: string, account: PerpAccount, position: PerpPosition, cut: Dec): EditResult {
  const sizeSpan = position.fields['size'];
  if (!sizeSpan) return { reason: 'the file has no size value to edit' };
  const written = valueAt(text, sizeSpan);
  if (written === null) return { reason: 'the size value is not a plain decimal' };
  // A signed size keeps its sign: shrink its magnitude.
  const newSize = written.isNegative() ? written.plus(cut) : written.minus(cut);
  const s = position.side === 'long' ? 1 : -1;
  const mark = position.market.markPrice!;
  const q = cut.mul(position.market.contractSize ?? 1);
  const pnl = isInverse(account, position) ? q.mul(new Dec(1).div(position.entryPrice).minus(new Dec(1).div(mark))).mul(s) : q.mul(mark.minus(position.entryPrice)).mul(s);
  const balance = position.marginMode === 'isolated'
    ? addTo(text, position.fields['isolatedMargin'], pnl, 'isolatedMargin')
    : addTo(text, account.fields['walletBalance'], pnl, 'walletBalance');
  if ('reason' in balance) return balance;
  return { title: `Close ${fmt(cut)} at the mark (size ${fmt(written.abs())} → ${fmt(newSize.abs())}, realised PnL ${fmt(pnl.toSignificantDigits(12))} into the ${position.marginMode === 'isolated' ? 'isolated margin' : 'wallet'})`, edits: [replaceValue(text, sizeSpan, newSize, 'size'), balance] };
}

function loanEdit(text: string, parsed: ParsedFile, row: ResultRow, kind: 'addCollateral' | 'repayDebt', asset: string, amount: Dec): EditResult {
  for (const a of parsed.accounts) {
    if (a.kind !== 'lending') continue;
    const loan = (a as LendingAccount).loans.find((l) => l.id === row.id);
    if (!loan) continue;
    if (a.readOnly) return { reason: READ_ONLY };
    const legs = kind === 'addCollateral' ? loan.collateral : loan.debt;
    const leg = legs.find((l) => l.asset === asset);
    if (!leg) return { reason: `the loan has no ${kind === 'addCollateral' ? 'collateral' : 'debt'} line for ${asset} to edit` };
    const e = addTo(text, leg.fields['amount'], kind === 'addCollateral' ? amount : amount.neg(), `${asset} amount`);
    if ('reason' in e) return e;
    return { title: kind === 'addCollateral' ? `Add ${fmt(amount)} ${asset} collateral` : `Repay ${fmt(amount)} ${asset}`, edits: [e] };
  }
  return { reason: 'the loan is not in this file any more' };
}

/** Edits for one fix of one row; foreign dialects are read-only (docs/format.md §5). */
export function fixEdits(text: string, parsed: ParsedFile, row: ResultRow, kind: FixKind, asset?: string): EditResult {
  if (parsed.dialect !== 'native') return { reason: READ_ONLY };
  if (!row.fix) return { reason: 'this row needs no fix' };
  if (kind === 'addCollateral' || kind === 'repayDebt') {
    const map = (row.fix as LoanFix)[kind];
    const value = asset ? map?.[asset] : null;
    if (!asset || !value) return { reason: 'no such fix for this loan' };
    return loanEdit(text, parsed, row, kind, asset, new Dec(value));
  }
  const fix = row.fix as PerpFix;
  const found = findPerp(parsed, row);
  if (!found) return { reason: 'the position is not in this file any more' };
  if (found.account.readOnly) return { reason: READ_ONLY };
  const value = kind === 'addMargin' ? fix.addMargin : fix.reduceSize;
  if (!value) return { reason: fix.reason ?? 'no such fix for this position' };
  return kind === 'addMargin' ? marginEdit(text, found.account, found.position, new Dec(value)) : cutEdit(text, found.account, found.position, new Dec(value));
}

/**
 * The one wallet edit of a cross account's fix (docs/results.md §2.4, issue 14): its `addMargin` added to the
 * account's `walletBalance`, every cross leg sharing it. `account` is the engine's entry for the account; the perp
 * account in `parsed` is the one holding its legs.
 */
export function accountFixEdits(text: string, parsed: ParsedFile, account: AccountReport): EditResult {
  if (parsed.dialect !== 'native') return { reason: READ_ONLY };
  const amount = account.fix?.addMargin;
  if (!account.fix || amount === null || amount === undefined) return { reason: account.fix?.reason ?? 'this account needs no fix' };
  for (const a of parsed.accounts) {
    if (a.kind !== 'perp' || a.venue !== account.venue || (a.account ?? null) !== account.account) continue;
    const leg = a.positions.find((p) => p.marginMode === 'cross' && account.legs.includes(p.id));
    if (!leg) continue;
    if (a.readOnly) return { reason: READ_ONLY };
    const e = addTo(text, a.fields['walletBalance'], new Dec(amount), 'walletBalance');
    if ('reason' in e) return e;
    const n = account.legs.length;
    const legs = n === 1 ? 'its cross leg' : n === 2 ? 'both cross legs' : `all ${n} cross legs`;
    return { title: `Add ${fmt(new Dec(amount))} ${a.settleCurrency ?? ''} to the wallet (${legs} → ${account.fix.target})`.replace('  ', ' '), edits: [e] };
  }
  return { reason: 'the account is not in this file any more' };
}
