// The account-level fix of each cross account (docs/results.md §2.4) as one sentence, shared by the CLI table and
// the markdown export: "Account desk-a (Binance USD-M, desk.positions.yaml): add 3,908.53 USDT to the wallet → all
// 3 legs safe". Only accounts with a fix (or a reason there is none) get a line; an account already at the target
// has none.
import { formatFixAmount } from './format';
import { venueLabel } from './labels';
import { messageText, nameText, plainText } from './inert-text';
import type { DisplayAccount, DisplayReport } from './row-shape';

function settleOf(report: DisplayReport, a: DisplayAccount): string | null {
  const leg = report.positions.find((r) => r.file === a.file && r.id === a.legs[0]);
  return leg?.settleCurrency ?? null;
}

/** "Account desk-a (Binance USD-M, desk.positions.yaml)" — file text inert. */
export function accountName(a: DisplayAccount): string {
  return `Account ${a.account !== null ? nameText(a.account) : '(no label)'} (${venueLabel(a.venue)}, ${plainText(a.file)})`;
}

/** One line per cross account that needs a fix; none for accounts already at the target. */
export function accountFixLines(report: DisplayReport): string[] {
  const lines: string[] = [];
  for (const a of report.accounts ?? []) {
    if (!a.fix) continue;
    const legs = a.legs.length === 1 ? 'its leg' : a.legs.length === 2 ? 'both legs' : `all ${a.legs.length} legs`;
    if (a.fix.addMargin !== null && a.fix.addMargin !== undefined) {
      const cur = settleOf(report, a);
      lines.push(`${accountName(a)}: add ${formatFixAmount(a.fix.addMargin, cur)}${cur ? ` ${nameText(cur)}` : ''} to the wallet → ${legs} ${a.fix.target}`);
    } else {
      lines.push(`${accountName(a)}: no wallet top-up brings ${legs} to ${a.fix.target}: ${messageText(a.fix.reason ?? 'not found')}`);
    }
  }
  return lines;
}

/** What the panel needs of an account fix (protocol AccountFixView): its amount already a display string. */
export interface AccountFixDisplay<S extends string = string> {
  target: S;
  amount: string | null;
  currency: string | null;
  legs: number;
  reason: string | null;
  readOnlyReason: string | null;
}

/**
 * The panel's view of an account's fix: the top-up formatted here (rounded up, like every displayed fix), so the
 * webview only prints it. Null when the account needs none.
 */
export function accountFixDisplay<S extends string>(
  a: { fix: { target: S; addMargin: string | null; reason: string | null } | null; legs: readonly string[] }, currency: string | null, readOnlyReason: string | null,
): AccountFixDisplay<S> | null {
  if (!a.fix || a.legs.length === 0) return null;
  const add = a.fix.addMargin ?? null;
  return {
    target: a.fix.target, amount: add === null ? null : formatFixAmount(add, currency), currency,
    legs: a.legs.length, reason: add === null ? (a.fix.reason ?? 'not found') : null, readOnlyReason,
  };
}

function legsText(n: number): string {
  return n === 1 ? 'its cross leg' : n === 2 ? 'both cross legs' : `all ${n} cross legs`;
}

function amountText(f: AccountFixDisplay): string {
  return `${f.amount ?? ''}${f.currency ? ` ${nameText(f.currency)}` : ''}`;
}

/** The account header's figure (the design's "To reach safe"): "to reach safe: add 77,365.22 USDT to the wallet". */
export function accountFixHeadline(f: AccountFixDisplay): string {
  if (f.amount === null) return `no wallet top-up brings ${legsText(f.legs)} to ${f.target}: ${messageText(f.reason ?? 'not found')}`;
  return `to reach ${f.target}: add ${amountText(f)} to the wallet`;
}

/** The header's tooltip and the confirmation's verb: "Add 77,365.22 USDT to the wallet (both cross legs → safe)". */
export function accountFixVerb(f: AccountFixDisplay): string {
  return `Add ${amountText(f)} to the wallet (${legsText(f.legs)} → ${f.target})`;
}

/** A cross leg's details line: "account: add 77,365.22 USDT to reach safe for both cross legs". */
export function accountFixLegLine(f: AccountFixDisplay): string {
  if (f.amount === null) return `account: no wallet top-up brings ${legsText(f.legs)} to ${f.target} (${messageText(f.reason ?? 'not found')})`;
  return `account: add ${amountText(f)} to reach ${f.target} for ${legsText(f.legs)}`;
}
