// SVG by DOM calls (createElementNS + setAttribute + textContent), never markup strings: the CSP stays strict and
// data stays text. Coordinates come from the host as 0..1 chart positions; these helpers only scale them to pixels.
const NS = 'http://www.w3.org/2000/svg';

export type SvgAttrs = Record<string, string | number | null | undefined>;

export function s<K extends keyof SVGElementTagNameMap>(tag: K, attrs: SvgAttrs = {}, ...children: Array<Node | null | undefined | false>): SVGElementTagNameMap[K] {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== null && v !== undefined) el.setAttribute(k, typeof v === 'number' ? round(v) : v);
  for (const c of children) if (c) el.append(c);
  return el;
}

export function stext(attrs: SvgAttrs, content: string): SVGTextElement {
  const t = s('text', attrs);
  t.textContent = content;
  return t;
}

export function round(v: number): string {
  return Number.isFinite(v) ? String(Math.round(v * 10) / 10) : '0';
}

/** Path through points, "M x,y L x,y …". */
export function path(points: ReadonlyArray<readonly [number, number]>, close = false): string {
  return points.map(([x, y], i) => `${i ? 'L' : 'M'}${round(x)},${round(y)}`).join('') + (close ? 'Z' : '');
}

let counter = 0;
/** Unique ids for <title>/<desc>/<pattern> inside one document. */
export function uid(prefix: string): string {
  counter += 1;
  return `${prefix}-${counter}`;
}

/** An accessible chart root: role="img" named by its <title> and described by its <desc>. */
export function chartRoot(cls: string, width: number, height: number, title: string, desc: string): SVGSVGElement {
  const t = uid('t');
  const d = uid('d');
  const root = s('svg', { class: `chart ${cls}`, viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': `${t} ${d}` });
  const titleEl = s('title', { id: t });
  titleEl.textContent = title;
  const descEl = s('desc', { id: d });
  descEl.textContent = desc;
  root.append(titleEl, descEl);
  return root;
}
