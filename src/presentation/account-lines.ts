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
