// Column padding shared by the whole-report and the streamed table: widths from every row, one line per row.

/** Width of each column over `rows` ([...cell].length: code points, as the terminal counts them). */
export function columnWidths(rows: string[][]): number[] {
  const widths: number[] = [];
  for (const r of rows) mergeWidths(widths, r.map((c) => [...c].length));
  return widths;
}

/** Widens `into` to cover `other` (per column maximum). */
export function mergeWidths(into: number[], other: number[]): number[] {
  other.forEach((w, c) => {
    if (!(w <= (into[c] ?? -1))) into[c] = w;
  });
  return into;
}

export function padRow(r: string[], widths: number[], rightAligned: Set<number>): string {
  return r
    .map((cell, c) => {
      const pad = ' '.repeat(widths[c]! - [...cell].length);
      return rightAligned.has(c) ? pad + cell : cell + pad;
    })
    .join('  ')
    .trimEnd();
}
