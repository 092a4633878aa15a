// The status bar's words (issue 14: unknown is never safe — it has its own count and icon). Pure, for tests.
import type { Status } from '../engine/core/types';

export interface StatusText {
  text: string;
  tooltip: string;
  /** Red background: the worst evaluated row is liquidatable or critical. */
  alarm: boolean;
}

const WORST_FIRST: Status[] = ['liquidatable', 'critical', 'warning', 'watch'];

/** From the rows' counts by status (the row index keeps them per file); `updating`: files being evaluated now. */
export function statusTextOf(counts: Readonly<Record<Status, number>>, updating = 0): StatusText | null {
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  const risky = WORST_FIRST.reduce((n, s) => n + counts[s], 0);
  const unknown = counts.unknown;
  const safe = counts.safe;
  const worst = WORST_FIRST.find((s) => counts[s] > 0) ?? (unknown ? 'unknown' : 'safe');
  const icon = updating ? '$(sync~spin)' : worst === 'liquidatable' ? '$(flame)' : worst === 'critical' ? '$(error)' : worst === 'warning' ? '$(warning)' : risky ? '$(eye)' : unknown ? '$(question)' : '$(pass)';
  const parts: string[] = [];
  if (risky) parts.push(`${risky} at risk`);
  if (unknown) parts.push(`${unknown} unknown`);
  if (!risky && !unknown) parts.push(`${safe} safe`);
  const busy = updating ? `; evaluating ${updating} file(s)` : '';
  const tooltip = `Liquidation Lens: ${total} position(s): ${risky} at watch or worse, ${unknown} unknown (could not be evaluated — not safe), ${safe} safe (worst: ${worst})${busy}. Click to open the panel.`;
  return { text: `${icon} ${parts.join(' · ')}`, tooltip, alarm: worst === 'liquidatable' || worst === 'critical' };
}

export function statusText(rows: ReadonlyArray<{ status: Status }>): StatusText | null {
  const counts: Record<Status, number> = { liquidatable: 0, critical: 0, warning: 0, watch: 0, unknown: 0, safe: 0 };
  for (const r of rows) counts[r.status]++;
  return statusTextOf(counts);
}
