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
