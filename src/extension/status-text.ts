// The status bar's words (issue 14: unknown is never safe — it has its own count and icon). Pure, for tests.
import type { Status } from '../engine/core/types';
import { isAtRisk } from '../presentation/describe';

export interface StatusText {
  text: string;
  tooltip: string;
  /** Red background: the worst evaluated row is liquidatable or critical. */
  alarm: boolean;
}

export function statusText(rows: ReadonlyArray<{ status: Status }>): StatusText | null {
  if (rows.length === 0) return null;
  const risky = rows.filter((r) => isAtRisk(r.status)).length;
  const unknown = rows.filter((r) => r.status === 'unknown').length;
  const safe = rows.filter((r) => r.status === 'safe').length;
  const order: Status[] = ['liquidatable', 'critical', 'warning', 'watch'];
  const worst = order.find((s) => rows.some((r) => r.status === s)) ?? (unknown ? 'unknown' : 'safe');
  const icon = worst === 'liquidatable' ? '$(flame)' : worst === 'critical' ? '$(error)' : worst === 'warning' ? '$(warning)' : risky ? '$(eye)' : unknown ? '$(question)' : '$(pass)';
  const parts: string[] = [];
  if (risky) parts.push(`${risky} at risk`);
  if (unknown) parts.push(`${unknown} unknown`);
  if (!risky && !unknown) parts.push(`${safe} safe`);
  const tooltip = `Liquidation Lens: ${rows.length} position(s): ${risky} at watch or worse, ${unknown} unknown (could not be evaluated — not safe), ${safe} safe (worst: ${worst}). Click to open the panel.`;
  return { text: `${icon} ${parts.join(' · ')}`, tooltip, alarm: worst === 'liquidatable' || worst === 'critical' };
}
