// Label placement for the charts (layout only): text widths estimated from the font size (SVG text is not measured
// before it is in the document; the table's stale badge uses the same estimate), candidate positions tried in order
// until one overlaps no obstacle and stays inside the chart. Everything is in viewBox units, so 1× and 2× zoom lay
// out the same.

export interface Box { x: number; y: number; w: number; h: number }

/** Width of `text` at `size` px: monospace 0.6 em, proportional text about 0.55 em (an upper bound for UI fonts). */
export function textWidth(text: string, size: number, mono = false): number {
  return [...text].length * size * (mono ? 0.6 : 0.55);
}

/** The box of an SVG text at (x, baseline y) with its anchor. */
export function textBox(text: string, x: number, y: number, size: number, anchor: 'start' | 'middle' | 'end', mono = false): Box {
  const w = textWidth(text, size, mono);
  const left = anchor === 'start' ? x : anchor === 'end' ? x - w : x - w / 2;
  return { x: left, y: y - size * 0.8, w, h: size };
}

export function overlaps(a: Box, b: Box, margin = 1): boolean {
  return a.x < b.x + b.w + margin && b.x < a.x + a.w + margin && a.y < b.y + b.h + margin && b.y < a.y + a.h + margin;
}

export function inside(a: Box, bounds: Box): boolean {
  return a.x >= bounds.x && a.y >= bounds.y && a.x + a.w <= bounds.x + bounds.w && a.y + a.h <= bounds.y + bounds.h;
}

export interface Candidate { x: number; y: number; anchor: 'start' | 'middle' | 'end' }

/** The first candidate whose box fits `bounds` and misses every obstacle; else the one overlapping least. */
export function placeLabel(text: string, size: number, mono: boolean, candidates: readonly Candidate[], obstacles: readonly Box[], bounds: Box): Candidate & { box: Box } {
  let best: (Candidate & { box: Box }) | null = null;
  let bestScore = Infinity;
  for (const c of candidates) {
    const box = textBox(text, c.x, c.y, size, c.anchor, mono);
    const hits = obstacles.filter((o) => overlaps(box, o)).length + (inside(box, bounds) ? 0 : 1);
    if (hits === 0) return { ...c, box };
    if (hits < bestScore) { best = { ...c, box }; bestScore = hits; }
  }
  return best!;
}
