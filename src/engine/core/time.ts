// Durations and times of docs/format.md §1.

const UNIT: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400, w: 604800 };

/** "90s", "15m", "8h", "7d", or ISO-8601 "PT8H"/"P1DT2H" → seconds; null when not a duration. */
export function parseDuration(text: string): number | null {
  const t = text.trim();
  const simple = /^(\d+(?:\.\d+)?)\s*([smhdw])$/i.exec(t);
  if (simple) return Number(simple[1]) * UNIT[simple[2]!.toLowerCase()]!;
  const iso = /^P(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i.exec(t);
  if (!iso || t.toUpperCase() === 'P' || t.toUpperCase().endsWith('T')) return null;
  const [, w, d, h, m, s] = iso.map((x) => (x === undefined ? 0 : Number(x)));
  return w! * 604800 + d! * 86400 + h! * 3600 + m! * 60 + s!;
}

/** Seconds → the shortest exact form: "24h", "7d", "90s". Hours up to two days read best as hours. */
export function formatDuration(seconds: number): string {
  if (seconds % 3600 === 0 && seconds <= 172800) return `${seconds / 3600}h`;
  if (seconds % 86400 === 0) return `${seconds / 86400}d`;
  if (seconds % 3600 === 0) return `${seconds / 3600}h`;
  if (seconds % 60 === 0) return `${seconds / 60}m`;
  return `${seconds}s`;
}

/**
 * A horizon stretched by a stale mark's age, for reasons: whole durations as `formatDuration`, others in two units
 * ("10 d 11 h", "3 h 20 min"), never "906848.878s" (the display rule of src/presentation/duration.ts).
 */
export function describeDuration(seconds: number): string {
  if (Number.isInteger(seconds) && (seconds % 60 === 0 || seconds < 60)) return formatDuration(seconds);
  const s = Math.max(0, Math.floor(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min`;
  const two = (a: number, au: string, b: number, bu: string) => (b ? `${a} ${au} ${b} ${bu}` : `${a} ${au}`);
  if (s < 86400) return two(Math.floor(s / 3600), 'h', Math.floor((s % 3600) / 60), 'min');
  return two(Math.floor(s / 86400), 'd', Math.floor((s % 86400) / 3600), 'h');
}

/** Position files: ISO-8601 with a time and an offset (docs/format.md §1). History CSVs (docs/risk.md §5) also take a bare
 *  date or a time without offset (read as UTC) and numbers with a sign or an exponent, as exchange exports write them. */
export type TimeGrammar = 'file' | 'history';

const FILE_NUMBER = /^\d+(\.\d+)?$/;
const HISTORY_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const ISO = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/i;
const HAS_TIME = /[T ]\d{2}:\d{2}/;
const HAS_ZONE = /(Z|[+-]\d{2}:?\d{2})$/i;

/** The one time reader: ISO-8601, or Unix seconds (< 1e11) / milliseconds → Unix ms; null when unreadable. */
export function parseTime(text: string | number, grammar: TimeGrammar = 'file'): number | null {
  const t = String(text).trim();
  if (typeof text === 'number' || (grammar === 'file' ? FILE_NUMBER : HISTORY_NUMBER).test(t)) {
    const n = Number(text);
    if (!Number.isFinite(n) || (grammar === 'file' && n < 0)) return null;
    return Math.abs(n) < 1e11 ? n * 1000 : n; // seconds until year 5138, ms after
  }
  if (!ISO.test(t)) return null;
  const hasTime = HAS_TIME.test(t);
  const hasZone = hasTime && HAS_ZONE.test(t);
  if (grammar === 'file') {
    if (!hasZone) return null;
    const ms = Date.parse(t);
    return Number.isNaN(ms) ? null : ms;
  }
  const iso = hasTime ? t.replace(' ', 'T') : `${t}T00:00:00`;
  const ms = Date.parse(hasZone ? iso : `${iso}Z`);
  return Number.isFinite(ms) ? ms : null;
}
