// One fix per cross account (docs/results.md §2.4, issue 14): the smallest wallet top-up that brings EVERY cross leg
// of an account to the target status. Adding X to the wallet shifts every cross leg's margin balance by X, so each
// leg's own margin fix (perp-fix.ts, docs/results.md §5) is the X that leg needs alone; the account needs the largest
// of them. That start is rounded up to marginStep, then confirmed by one exact re-evaluation of the whole account
// (perp/account.ts, the status rules of evaluate/status.ts through risk-view.ts, as the legs use), adding steps
// until every leg meets the target.
import { Dec, ceilToStep, fmt } from '../core/decimal';
import type { PerpAccount, Status } from '../core/types';
import { STATUS_ORDER } from '../core/types';
import type { AccountReport, PerpFix, ResultRow } from '../evaluate/report';
import type { EvalContext } from '../evaluate/file-context';
import { assessLevel, type MarketRisk } from '../evaluate/risk-view';
import { meetsTarget } from '../evaluate/status';
import { evaluatePerpAccount } from '../perp';
import { barriersOf } from './reevaluate';
import { marginStep, withMargin } from './fix-probes';

/** Steps added after the start before the account fix is given up (each step is one whole-account re-evaluation). */
const MAX_ACCOUNT_STEPS = 64;

/** Worst status of the legs, in the row order of docs/results.md §2 (liquidatable first; unknown before safe). */
export function worstStatus(statuses: Status[]): Status {
  let worst: Status = 'safe';
  for (const s of statuses) if (STATUS_ORDER.indexOf(s) < STATUS_ORDER.indexOf(worst)) worst = s;
  return worst;
}

/** Every leg's status after adding `add` to the wallet: one exact re-evaluation of the whole account. */
function statusesAfter(account: PerpAccount, legs: number[], risks: Map<number, MarketRisk>, add: Dec, ctx: EvalContext): Status[] {
  const raised = withMargin(account, legs[0]!, add);
  const { metrics } = evaluatePerpAccount(raised);
  return legs.map((i) => {
    const m = metrics[i];
    const mark = account.positions[i]!.market.markPrice;
    const risk = risks.get(i);
    if (!m || !mark || !risk) return 'unknown';
    return assessLevel(barriersOf(m, mark), m.liquidatable, m.unknownReason, risk, ctx.settings).status;
  });
}

function accountFix(account: PerpAccount, legs: number[], rows: ResultRow[], risks: Map<number, MarketRisk>, ctx: EvalContext): AccountReport['fix'] {
  const target = ctx.settings.targetStatus;
  const none = (reason: string): AccountReport['fix'] => ({ target, addMargin: null, reason });
  const unknown = rows.find((r) => r.status === 'unknown');
  if (unknown) return none(`leg ${unknown.id} is unknown (${unknown.reason}): the account cannot be confirmed`);
  if (rows.every((r) => meetsTarget(r.status, target))) return null;
  const reported = rows.find((r) => r.liquidationPriceSource === 'reported');
  if (reported) return none(`leg ${reported.id} uses the reported liquidation price: the file lacks what the account's exact re-evaluation needs`);
  let start = new Dec(0);
  for (const r of rows) {
    if (meetsTarget(r.status, target)) continue;
    const fix = r.fix as PerpFix | null;
    const add = fix?.addMargin ?? null;
    if (add === null) return none(`leg ${r.id}: ${fix?.reason ?? `adding margin alone cannot bring it to ${target}`}`);
    start = Dec.max(start, new Dec(add));
  }
  const step = marginStep(account, account.positions[legs[0]!]!, ctx);
  let x = ceilToStep(start, step);
  for (let i = 0; i <= MAX_ACCOUNT_STEPS; i++) {
    if (!ctx.spend(account.positions.length)) return none('not computed: this file holds more positions than the fix search covers (split it)');
    const statuses = statusesAfter(account, legs, risks, x, ctx);
    if (statuses.every((s) => meetsTarget(s, target))) return { target, addMargin: fmt(x), reason: null };
    x = x.plus(step);
  }
  return none(`no wallet top-up up to ${fmt(x)} brings every leg to ${target}`);
}

/**
 * The account entry of a perp account's cross legs (null when it has none). `rows[i]` and `risks` are indexed by the
 * position's index in `account.positions`.
 */
export function crossAccountReport(account: PerpAccount, rows: ResultRow[], risks: Map<number, MarketRisk>, ctx: EvalContext): AccountReport | null {
  const legs = account.positions.flatMap((p, i) => (p.marginMode === 'cross' ? [i] : []));
  if (!legs.length) return null;
  const legRows = legs.map((i) => rows[i]!);
  return {
    file: ctx.path, venue: account.venue, account: account.account, marginMode: 'cross',
    status: worstStatus(legRows.map((r) => r.status)),
    fix: accountFix(account, legs, legRows, risks, ctx),
    legs: legRows.map((r) => r.id),
  };
}

/** Account entries in report order: file, then account label (unlabelled first), then venue. */
export function compareAccounts(a: AccountReport, b: AccountReport): number {
  const cmp = (x: string | null, y: string | null): number => (x === y ? 0 : x === null ? -1 : y === null ? 1 : x < y ? -1 : x > y ? 1 : 0);
  return cmp(a.file, b.file) || cmp(a.account, b.account) || cmp(a.venue, b.venue);
}
