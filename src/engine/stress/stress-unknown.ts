// Stress accounts with their unknown positions (issue 14: unknown is never safe). An account whose positions could
// not be evaluated has no "first failing shock" to find: it must say so, never "no liquidation within ±50 %".
// Accounts the reader could not build at all (only unknown rows) are listed too.
import type { StressReport } from '../evaluate/report';
import type { Status } from '../core/types';

export interface StressAccountView {
  file: string;
  account: string | null;
  firstFailingShock: number | null;
  /** Positions of this account (same file and account label) whose status is unknown. */
  unknown: number;
}

type RowLike = { file: string; account: string | null; status: Status };

const keyOf = (file: string, account: string | null): string => `${file}\u0000${account ?? ''}`;

export function stressAccounts(report: Pick<StressReport, 'accounts'>, rows: readonly RowLike[]): StressAccountView[] {
  const unknown = new Map<string, number>();
  for (const r of rows) if (r.status === 'unknown') unknown.set(keyOf(r.file, r.account), (unknown.get(keyOf(r.file, r.account)) ?? 0) + 1);
  const out: StressAccountView[] = report.accounts.map((a) => ({ ...a, unknown: unknown.get(keyOf(a.file, a.account)) ?? 0 }));
  const listed = new Set(out.map((a) => keyOf(a.file, a.account)));
  for (const r of rows) {
    const k = keyOf(r.file, r.account);
    if (r.status !== 'unknown' || listed.has(k)) continue;
    listed.add(k);
    out.push({ file: r.file, account: r.account, firstFailingShock: null, unknown: unknown.get(k) ?? 0 });
  }
  return out;
}

/** The words for one account: `shock` formats a shock (e.g. "−7.31 %"); `range` the searched range ("±50 %"). */
export function stressAccountLabel(a: StressAccountView, shock: (s: number) => string, range: string): string {
  const n = a.unknown;
  const unknownNote = `${n} position${n === 1 ? '' : 's'} unknown`;
  if (a.firstFailingShock === null) {
    return n ? `could not be evaluated (${unknownNote}): not safe, no liquidation shock known` : `no liquidation within ${range}`;
  }
  const base = a.firstFailingShock === 0 ? 'liquidatable now' : `first liquidation at ${shock(a.firstFailingShock)}`;
  return n ? `${base} (${unknownNote}, not evaluated)` : base;
}

/** "±50 %" for symmetric shocks, else "−30 % to +50 %". */
export function shockRange(shocks: readonly number[], shock: (s: number) => string): string {
  if (!shocks.length) return 'the shock range';
  const lo = Math.min(...shocks), hi = Math.max(...shocks);
  if (lo === -hi) return `±${Math.round(hi * 10000) / 100} %`;
  return `${shock(lo)} to ${shock(hi)}`;
}
