// Durations and times as a person reads them: "45 s", "14 min", "3 h 20 min", "10 d 11 h" (never "906848.878s"),
// and the evaluation time the numbers were computed at, "2026-11-24 07:00 UTC".

/** Seconds → two units at most, rounded down: "45 s", "14 min", "3 h", "3 h 20 min", "10 d 11 h". */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return '—';
  const s = Math.max(0, Math.floor(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min`;
  const two = (big: number, bigUnit: string, small: number, smallUnit: string) => (small ? `${big} ${bigUnit} ${small} ${smallUnit}` : `${big} ${bigUnit}`);
  if (s < 86400) return two(Math.floor(s / 3600), 'h', Math.floor((s % 3600) / 60), 'min');
  return two(Math.floor(s / 86400), 'd', Math.floor((s % 86400) / 3600), 'h');
}

/** A mark's age; '' when unknown (the cell stays empty). */
export function formatAge(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return '';
  return formatDuration(seconds);
}

/** A mark's age in its largest unit, as the table's stale badge shows it: "45s", "14m", "5h", "848d"; '' when unknown. */
export function formatAgeCompact(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return '';
  const s = Math.max(0, Math.floor(seconds));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m`;
  if (s < 86400) return `${Math.floor(s / 3600)}h`;
  return `${Math.floor(s / 86400)}d`;
}

const UNIT: Record<string, number> = { s: 1, m: 60, min: 60, h: 3600, d: 86400, w: 604800 };

/** An engine duration string ("3.06d", "43.1h", "24h") in the human form; other text comes back unchanged. */
export function formatDurationText(text: string | null | undefined): string {
  if (!text) return '—';
  const m = /^\s*(\d+(?:\.\d+)?)\s*(s|m|min|h|d|w)\s*$/i.exec(text);
  if (!m) return text;
  return formatDuration(Number(m[1]) * UNIT[m[2]!.toLowerCase()]!);
}

/** An ISO time as "2026-11-24 07:00 UTC" (seconds shown only when not zero). */
export function formatEvaluationTime(iso: string | number | Date): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  const s = d.toISOString();
  const secs = s.slice(17, 19);
  return `${s.slice(0, 10)} ${s.slice(11, 16)}${secs !== '00' ? ':' + secs : ''} UTC`;
}

/**
 * "evaluated 2026-11-24 07:00 UTC", or, when files are pinned to different times, "evaluated at 2 different times,
 * 2026-11-24 07:00 UTC to 2026-11-24 08:00 UTC (each file's own evaluationTime)".
 */
export function describeEvaluationTimes(times: ReadonlyArray<string | number>): string {
  const ms = [...new Set(times.map((t) => new Date(t).getTime()).filter((t) => Number.isFinite(t)))].sort((a, b) => a - b);
  if (ms.length === 0) return 'not evaluated yet';
  if (ms.length === 1) return `evaluated ${formatEvaluationTime(ms[0]!)}`;
  return `evaluated at ${ms.length} different times, ${formatEvaluationTime(ms[0]!)} to ${formatEvaluationTime(ms.at(-1)!)} (each file's own evaluationTime)`;
}
