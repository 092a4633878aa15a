// A short content hash of a result row (FNV-1a over its JSON): lets the host tell which rows of a re-evaluated file
// changed without comparing every field on its own thread. The JSON is also what carries the row (row-chunks.ts).

/** The signature of a row's JSON text (JSON.stringify of the result row). */
export function signatureOf(s: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
  }
  return (h1 >>> 0).toString(36) + (h2 >>> 0).toString(36) + s.length.toString(36);
}
