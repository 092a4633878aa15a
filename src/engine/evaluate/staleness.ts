// Mark age and staleness (docs/results.md §3 "Staleness").
export interface MarkAge {
  /** Seconds; null when no time is known. */
  age: number | null;
  stale: boolean;
  future: boolean;
  /** Over 30 days: probability is not computed. */
  tooOld: boolean;
}

const THIRTY_DAYS = 30 * 86400;

export function markAge(markTime: number | null, now: number, staleAfter: number): MarkAge {
  if (markTime === null) return { age: null, stale: false, future: false, tooOld: false };
  const raw = (now - markTime) / 1000;
  if (raw < 0) return { age: 0, stale: false, future: true, tooOld: false };
  const age = Math.round(raw * 1000) / 1000;
  return { age, stale: age > staleAfter, future: false, tooOld: age > THIRTY_DAYS };
}
