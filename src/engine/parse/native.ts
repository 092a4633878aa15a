// Native position files (docs/format.md §2): the top level, venue dispatch, and the perp account.
import type { Dec } from '../core/decimal';
import type { Account, MarginMode, PerpAccount, PerpVenueId, PositionMode, RiskSettings, Span, VenueId } from '../core/types';
import type { Ctx } from './parse-context';
import { closest, readMarketObject, unknownKey, type MarketFields } from './market';
import { checkDuplicatePositions, explicitIds, readMarginMode, readPosition, readPositionMode, type PerpDefaults } from './perp';
import { readRisk } from './risk-section';
import { readLendingAccount } from './lending';
import { describe, entry, scalarText, type LNode, type ObjNode } from './tree';
import { readAmount, readString, readTime, valueFix } from './values';
import { isLendingVenue, isPerpVenue, LENDING_VENUES, PERP_VENUES } from '../venues/registry';

export interface NativeResult {
  venue: VenueId | null;
  accounts: Account[];
  risk: RiskSettings;
}

const COMMON_KEYS = ['version', 'venue', 'account', 'asOf', 'risk', '$schema', 'description', 'notes'];
const PERP_TOP_KEYS = [...COMMON_KEYS, 'marginMode', 'positionMode', 'walletBalance', 'settleCurrency', 'markets', 'positions'];

/** Reads and checks the venue id; null after a diagnostic. */
export function readVenue(ctx: Ctx, node: LNode): VenueId | null {
  const text = node.kind === 'string' ? node.value.trim() : null;
  if (text !== null && (isPerpVenue(text) || isLendingVenue(text))) return text;
  const all = [...PERP_VENUES, ...LENDING_VENUES];
  const near = text ? closest(text, all) : null;
  ctx.diags.error('unknown-venue', `Unknown venue ${describe(node)}${near ? ` — did you mean "${near}"?` : ''}; venues: ${all.join(', ')}`, node.span, near ? valueFix(ctx, node, near, true) : null);
  return null;
}

function checkVersion(ctx: Ctx, root: ObjNode): void {
  const e = entry(root, 'version');
  if (!e) {
    ctx.diags.error('missing-field', 'This file has no version; add "version: 1" at the top', ctx.lines.span(root.span.offset, 0));
    return;
  }
  if (scalarText(e.value) !== '1') {
    ctx.diags.error('unsupported-version', `version ${describe(e.value)} is not supported; this reader understands version 1 (the file is read as version 1)`, e.value.span);
  }
}

export function readNative(ctx: Ctx, root: ObjNode): NativeResult {
  checkVersion(ctx, root);
  const venueEntry = entry(root, 'venue');
  let venue: VenueId | null = null;
  if (!venueEntry) ctx.diags.error('missing-field', `This file has no venue; add e.g. "venue: binance-usdm" (venues: ${PERP_VENUES.join(', ')}, ${LENDING_VENUES.join(', ')})`, ctx.lines.span(root.span.offset, 0));
  else venue = readVenue(ctx, venueEntry.value);
  const riskNode = entry(root, 'risk');
  const risk = riskNode ? readRisk(ctx, riskNode.value) : {};

  if (venue === null) {
    unknownRows(ctx, root, null, 'the venue is missing or unknown');
    return { venue, accounts: [], risk };
  }
  if (isLendingVenue(venue)) {
    return { venue, accounts: [readLendingAccount(ctx, root, venue)], risk };
  }
  return { venue, accounts: [readPerpAccount(ctx, root, venue as PerpVenueId)], risk };
}


/** Every position/loan entry of a file that cannot be modelled (e.g. unknown venue) still becomes a row. */
function unknownRows(ctx: Ctx, root: ObjNode, venue: VenueId | null, reason: string): void {
  for (const key of ['positions', 'loans'] as const) {
    const list = entry(root, key)?.value;
    if (list?.kind !== 'array') continue;
    ctx.ids.reserve(explicitIds(list.items));
    for (const item of list.items) {
      const o = item.kind === 'object' ? item : null;
      const id = o ? scalarText(entry(o, 'id')?.value) : undefined;
      const symbol = o ? scalarText(entry(o, 'symbol')?.value) ?? null : null;
      const sideText = o ? scalarText(entry(o, 'side')?.value) : undefined;
      const side = sideText === 'long' || sideText === 'short' ? sideText : null;
      const idSpan = o ? entry(o, 'id')?.value.span : undefined;
      ctx.unknown.push({
        id: ctx.ids.assign(id && idSpan ? { id, span: idSpan } : null, key === 'loans' ? null : symbol, side, key === 'loans' ? 'loan' : undefined),
        kind: key === 'loans' ? 'loan' : 'perp', venue, account: accountLabel(root), symbol, side, reason, span: item.span,
      });
    }
  }
}

function accountLabel(root: ObjNode): string | null {
  const n = entry(root, 'account')?.value;
  if (!n || n.kind === 'null') return null;
  return n.kind === 'string' || n.kind === 'number' ? scalarText(n)!.trim() || null : null;
}

export function readAccountLabel(ctx: Ctx, root: ObjNode): string | null {
  const n = entry(root, 'account')?.value;
  if (!n || n.kind === 'null') return null;
  return readString(ctx, n, 'account');
}

function readPerpAccount(ctx: Ctx, root: ObjNode, venue: PerpVenueId): PerpAccount {
  const fields: Record<string, Span> = {};
  let marginMode: MarginMode = 'cross';
  let positionMode: PositionMode = 'one-way';
  let walletBalance: Dec | null = null;
  let settleCurrency: string | null = null;
  let asOf: number | null = null;
  let markets: Record<string, MarketFields> = {};
  let positionsNode: LNode | null = null;
  let positionsKey: Span | null = null;
  let unsupported = false;
  for (const e of root.entries) {
    const v = e.value;
    fields[e.key] = v.span;
    switch (e.key) {
      case 'version': case 'venue': case 'risk': case '$schema': case 'description': case 'notes': case 'account': break;
      case 'marginMode': {
        const m = readMarginMode(ctx, v);
        if (m === 'unsupported') unsupported = true;
        else if (m) marginMode = m;
        break;
      }
      case 'positionMode': positionMode = readPositionMode(ctx, v) ?? positionMode; break;
      case 'walletBalance': walletBalance = readAmount(ctx, v, 'walletBalance'); break;
      case 'settleCurrency': settleCurrency = readString(ctx, v, 'settleCurrency'); break;
      case 'asOf': asOf = readTime(ctx, v, 'asOf'); break;
      case 'markets': markets = readMarkets(ctx, v, venue); break;
      case 'positions': positionsNode = v; positionsKey = e.keySpan; break;
      default: unknownKey(ctx, e.key, e.keySpan, 'the file', PERP_TOP_KEYS);
    }
  }
  const account = readAccountLabel(ctx, root);
  const acct: PerpAccount = {
    kind: 'perp', venue, account, settleCurrency, positionMode, walletBalance, walletSource: 'file', asOf, positions: [],
    readOnly: false, span: root.span, fields,
  };
  if (unsupported) {
    unknownRows(ctx, root, venue, 'unsupported margin mode (portfolio / multi-asset margin is out of v1)');
    return acct;
  }
  if (positionsNode === null) {
    ctx.diags.error('missing-field', 'This file has no positions; add "positions:" with a list of { symbol, side, size, entryPrice }', ctx.lines.span(root.span.offset, 0));
    return acct;
  }
  if (positionsNode.kind !== 'array') {
    if (positionsNode.kind !== 'null') ctx.diags.error('invalid-value', `positions must be a list of positions; got ${describe(positionsNode)}`, positionsNode.span);
    return acct;
  }
  ctx.ids.reserve(explicitIds(positionsNode.items));
  const defaults: PerpDefaults = { venue, account, marginMode, settleCurrency };
  for (const item of positionsNode.items) {
    const p = readPosition(ctx, item, defaults, markets);
    if (p) acct.positions.push(p);
  }
  const cross = acct.positions.find((p) => p.marginMode === 'cross');
  if (cross && walletBalance === null && !('walletBalance' in fields)) {
    ctx.diags.error('missing-field', `walletBalance is required for cross positions (${cross.id} is cross): add the cross wallet balance, e.g. walletBalance: "10000" (Binance crossWalletBalance, without unrealised PnL)`, positionsKey ?? root.span);
  }
  checkDuplicatePositions(ctx, acct);
  return acct;
}

function readMarkets(ctx: Ctx, node: LNode, venue: PerpVenueId): Record<string, MarketFields> {
  const out: Record<string, MarketFields> = Object.create(null);
  if (node.kind === 'null') return out;
  if (node.kind !== 'object') {
    ctx.diags.error('invalid-value', `markets must be an object keyed by symbol (BTCUSDT: { markPrice: "…" }); got ${describe(node)}`, node.span);
    return out;
  }
  for (const e of node.entries) out[e.key] = readMarketObject(ctx, e.key, e.value, venue);
  return out;
}
