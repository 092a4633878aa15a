// Pieces of a whole report shared by the CLI table and the markdown export: the header line with the honest
// evaluation time(s), the status counts, diagnostics lines, the stress curve as text.
import { describeEvaluationTimes, formatEvaluationTime } from './duration';
import { shockLabel, stressMoney } from './stress-labels';
import { shockRange, stressAccountLabel, stressAccounts } from './stress-accounts';
import { padTable } from './text-table';
import { messageText, nameText, plainText } from './inert-text';
import type { DisplayReport, DisplayStress, FileTimes } from './row-shape';

const STATUS_WORDS = ['liquidatable', 'critical', 'warning', 'watch', 'unknown', 'safe'];

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The times the numbers were computed at: each file's own when known, else the report's. */
export function reportTimes(report: DisplayReport, times?: FileTimes): string[] {
  const t = times ? report.files.map((f) => times[f.path]).filter((x): x is string => !!x) : [];
  return t.length ? t : [report.now];
}

/** "5 positions in 2 files · evaluated 2026-11-24 07:00 UTC". */
export function reportHeadline(report: DisplayReport, times?: FileTimes): string {
  const s = report.summary;
  return `${plural(s.positions, 'position')} in ${plural(s.files, 'file')} · ${describeEvaluationTimes(reportTimes(report, times))}`;
}

/** When files were evaluated at different times: one "path: time" line each; else nothing. */
export function fileTimeLines(report: DisplayReport, times?: FileTimes): string[] {
  if (!times || new Set(reportTimes(report, times)).size <= 1) return [];
  // One line per distinct time (most files first), naming at most 4 files, so 30 files do not push the table away.
  const groups = new Map<string, string[]>();
  for (const f of report.files) if (times[f.path]) groups.set(times[f.path]!, [...(groups.get(times[f.path]!) ?? []), f.path]);
  return [...groups].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0])).map(([t, paths]) => {
    const shown = paths.slice(0, 4).map((p) => plainText(p)).join(', ');
    const more = paths.length > 4 ? ` and ${paths.length - 4} more` : '';
    return `evaluated ${formatEvaluationTime(t)}: ${paths.length} file${paths.length === 1 ? '' : 's'} (${shown}${more})`;
  });
}

/** "1 liquidatable · 2 unknown · 3 safe" in the status order (unknown has its own count, never "safe"). */
export function statusCounts(report: DisplayReport): string {
  return STATUS_WORDS.filter((k) => (report.summary.byStatus[k] ?? 0) > 0).map((k) => `${report.summary.byStatus[k]} ${k}`).join(' · ');
}

/** `path:line:col: severity code: message`, the form editors and CI logs link. */
export function diagnosticLines(report: DisplayReport): string[] {
  return report.files.flatMap((f) => f.diagnostics.map((d) => `${plainText(f.path)}:${d.line}:${d.column}: ${d.severity} ${plainText(d.code, 64)}: ${messageText(d.message)}`));
}

const BAR = 30;

/** The liquidations-at-risk curve as text: one line per shock, a bar for the notional liquidated. */
export function stressLines(s: DisplayStress, positions: ReadonlyArray<{ file: string; account: string | null; status: string }> = []): string[] {
  const max = Math.max(...s.curve.map((p) => Number(p.notional)), 0);
  const rows = [['Shock', 'Liquidated', 'Notional', 'Loss', '']];
  for (const p of s.curve) {
    const n = Number(p.notional);
    const bar = max > 0 ? '█'.repeat(Math.round((n / max) * BAR)) : '';
    rows.push([shockLabel(p.shock), String(p.positionsLiquidated), stressMoney(p.notional), stressMoney(p.loss), bar]);
  }
  const range = shockRange(s.shocks ?? s.curve.map((p) => p.shock));
  const accounts = stressAccounts(s.accounts, positions).map((a) => `  ${plainText(a.file)} · ${a.account !== null ? nameText(a.account) : '(no account)'}: ${stressAccountLabel(a, range)}`);
  return ['Stress test: all marks moved together, every account re-evaluated', '', padTable(rows, new Set([0, 1, 2, 3])), '', 'Accounts:', ...accounts];
}
