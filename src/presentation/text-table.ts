// A plain-text table that fits a terminal: columns ranked by importance fold away from the least important until
// the table fits `width`; the last text column (the fix) is shortened with "…" when the key columns alone are too
// wide. Colour (ANSI) only when asked; widths are measured on the plain text.

export interface TableColumn {
  header: string;
  right: boolean;
  /** 1 = most important; ranks above `keep` may be dropped. */
  rank: number;
}

export interface TableOptions {
  width: number;
  /** Columns of rank ≤ keep are never dropped. */
  keep: number;
  /** Colours a cell (after padding); identity without colour. */
  paint?: (text: string, column: number, row: number) => string;
  /** Lines printed under a row (e.g. an unknown row's reason), indented and cut to the width. */
  notes?: ReadonlyArray<string | null>;
}

const len = (s: string): number => [...s].length;

function cut(s: string, width: number): string {
  const chars = [...s];
  if (chars.length <= width) return s;
  return width <= 1 ? chars.slice(0, width).join('') : chars.slice(0, width - 1).join('') + '…';
}

/** Which columns are shown (indices into `columns`) for the given cell widths and terminal width. */
export function fitColumns(columns: readonly TableColumn[], widths: readonly number[], width: number, keep: number): number[] {
  const shown = columns.map((_, i) => i);
  const total = (idx: number[]) => idx.reduce((n, i) => n + widths[i]!, 0) + 2 * Math.max(0, idx.length - 1);
  const droppable = shown.filter((i) => columns[i]!.rank > keep).sort((a, b) => columns[b]!.rank - columns[a]!.rank);
  for (const i of droppable) {
    if (total(shown) <= width) break;
    shown.splice(shown.indexOf(i), 1);
  }
  return shown;
}

export function textTable(columns: readonly TableColumn[], rows: readonly string[][], opts: TableOptions): string {
  const all = [columns.map((c) => c.header), ...rows];
  const widths = columns.map((_, c) => Math.max(...all.map((r) => len(r[c] ?? ''))));
  const shown = fitColumns(columns, widths, opts.width, opts.keep);
  // Still too wide: shorten the widest left-aligned column shown last (the fix), never below 12 characters.
  const used = shown.reduce((n, i) => n + widths[i]!, 0) + 2 * Math.max(0, shown.length - 1);
  const last = [...shown].reverse().find((i) => !columns[i]!.right);
  const w = [...widths];
  if (used > opts.width && last !== undefined) w[last] = Math.max(12, w[last]! - (used - opts.width));
  const paint = opts.paint ?? ((t: string) => t);
  const lines: string[] = [];
  all.forEach((r, ri) => {
    const line = shown.map((c, k) => {
      const text = cut(r[c] ?? '', w[c]!);
      const pad = ' '.repeat(w[c]! - len(text));
      const isLast = k === shown.length - 1;
      const padded = columns[c]!.right ? pad + text : isLast ? text : text + pad;
      return paint(padded, c, ri - 1);
    }).join('  ');
    lines.push(line.trimEnd());
    const note = ri > 0 ? opts.notes?.[ri - 1] : null;
    if (note) lines.push(paint(cut(`  ↳ ${note}`, opts.width), -1, ri - 1));
  });
  return lines.join('\n');
}

/** Pads a small fixed table (stress curve) without folding. */
export function padTable(rows: string[][], rightAligned: ReadonlySet<number>): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => len(r[c] ?? ''))));
  return rows
    .map((r) => r.map((cell, c) => {
      const pad = ' '.repeat(widths[c]! - len(cell));
      return rightAligned.has(c) ? pad + cell : cell + pad;
    }).join('  ').trimEnd())
    .join('\n');
}
