// A short content hash of a result row (FNV-1a over its JSON): lets the host tell which rows of a re-evaluated file
// changed without comparing every field on its own thread. The JSON is also what carries the row (row-chunks.ts).

/** The signature of a row's JSON texts (row-chunks.ts rowText: the row without its details, then its details). */
export function signatureOf(...texts: readonly string[]): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  let length = 0;
  for (const s of texts) {
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    }
    length += s.length;
  }
  return (h1 >>> 0).toString(36) + (h2 >>> 0).toString(36) + length.toString(36);
}
