// Array helpers the engine's caches share.

/**
 * The one index where `b` holds another element than `a` (compared by identity): −1 when none differs, −2 when
 * several do or the lengths differ. A fix's probe changes one leg of a list a cache kept.
 */
export function oneDifferent<T>(a: readonly T[], b: readonly T[]): number {
  if (a === b) return -1;
  if (a.length !== b.length) return -2;
  let j = -1;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    if (j >= 0) return -2;
    j = i;
  }
  return j;
}

/**
 * Adds `item` to a probe cache of at most two entries, dropping the one used less: a fix alternates probes that reuse
 * one kept entry with one-off ones, so the reused entry stays.
 */
export function keepTwo<T extends { hits: number }>(list: T[], item: T): void {
  if (list.length >= 2) list.splice(list[0]!.hits <= list[1]!.hits ? 0 : 1, 1);
  list.push(item);
}

/** How many of the indices 0 … n − 1 pass `before`, which holds for a leading run of them and fails after (a binary search). */
export function countLeading(n: number, before: (i: number) => boolean): number {
  let lo = 0, hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** How many of the n ascending values at(0) … at(n − 1) lie below x (`orAt`: at or below it). */
export function countSorted(n: number, at: (i: number) => number, x: number, orAt: boolean): number {
  return countLeading(n, orAt ? (i) => at(i) <= x : (i) => at(i) < x);
}
