// The stress test's account lines, one wording for the CLI, export and the panel. An account with unknown positions
// has no "first failing shock" to find: it says it could not be evaluated, never "no liquidation within ±50 %"
// (unknown is never safe). Accounts the reader could not build at all (only unknown rows) are listed too.
import { shockLabel } from './stress-labels';

export interface StressAccountLine {
  file: string;
  account: string | null;
  firstFailingShock: number | null;
  /** Positions of this account (same file and account label) whose status is unknown. */
  unknown: number;
}

interface AccountShock {
  file: string;
  account: string | null;
  firstFailingShock: number | null;
}

type RowLike = { file: string; account: string | null; status: string };

const keyOf = (file: string, account: string | null): string => `${file}\u0000${account ?? ''}`;

export function stressAccounts(accounts: readonly AccountShock[], rows: readonly RowLike[]): StressAccountLine[] {
  const unknown = new Map<string, number>();
  for (const r of rows) if (r.status === 'unknown') unknown.set(keyOf(r.file, r.account), (unknown.get(keyOf(r.file, r.account)) ?? 0) + 1);
  const out: StressAccountLine[] = accounts.map((a) => ({ ...a, unknown: unknown.get(keyOf(a.file, a.account)) ?? 0 }));
  const listed = new Set(out.map((a) => keyOf(a.file, a.account)));
  for (const r of rows) {
    const k = keyOf(r.file, r.account);
    if (r.status !== 'unknown' || listed.has(k)) continue;
    listed.add(k);
    out.push({ file: r.file, account: r.account, firstFailingShock: null, unknown: unknown.get(k) ?? 0 });
  }
  return out;
}

/** "±50 %" for symmetric shocks, else "-30 % to +50 %". */
export function shockRange(shocks: readonly number[]): string {
  if (!shocks.length) return 'the shock range';
  const lo = Math.min(...shocks);
  const hi = Math.max(...shocks);
  if (lo === -hi) return `±${shockLabel(hi).slice(1)}`;
  return `${shockLabel(lo)} to ${shockLabel(hi)}`;
}

/** The words for one account: "first liquidation at -7.31 %", "liquidatable now", "no liquidation within ±50 %". */
export function stressAccountLabel(a: StressAccountLine, range: string): string {
  const n = a.unknown;
  const unknownNote = `${n} position${n === 1 ? '' : 's'} unknown`;
  if (a.firstFailingShock === null) {
    return n ? `could not be evaluated (${unknownNote}): not safe, no liquidation shock known` : `no liquidation within ${range}`;
  }
  const base = a.firstFailingShock === 0 ? 'liquidatable now' : `first liquidation at ${shockLabel(a.firstFailingShock)}`;
  return n ? `${base} (${unknownNote}, not evaluated)` : base;
}
