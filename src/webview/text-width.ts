// How wide a text renders in one of the panel's fonts, measured with a canvas (no layout, no reading the DOM back):
// the table decides whether a stale badge's age fits beside its mark while it builds the row. Widths are cached per
// font and text; VS Code sets its font variables in <html>'s style, so a change there (a theme or font setting)
// clears the cache. null where there is no canvas (the unit tests' DOM): callers fall back to cell-fit's bounds.

export type PanelFont = '--ll-font' | '--ll-mono';

let context: CanvasRenderingContext2D | null | undefined;
const families = new Map<PanelFont, string>();
const widths = new Map<string, number>();

function canvas(): CanvasRenderingContext2D | null {
  if (context !== undefined) return context;
  try {
    const c = document.createElement('canvas') as Partial<HTMLCanvasElement>;
    context = typeof c.getContext === 'function' ? c.getContext('2d') : null;
  } catch {
    context = null;
  }
  if (context && typeof MutationObserver === 'function') {
    new MutationObserver(() => {
      families.clear();
      widths.clear();
    }).observe(document.documentElement, { attributes: true, attributeFilter: ['style'] });
  }
  return context;
}

function family(font: PanelFont): string {
  let f = families.get(font);
  if (f === undefined) {
    f = getComputedStyle(document.body).getPropertyValue(font).trim() || (font === '--ll-mono' ? 'monospace' : 'sans-serif');
    families.set(font, f);
  }
  return f;
}

/** The width in px of `text` at `px` size in `font`; null when it cannot be measured here. */
export function textWidth(text: string, px: number, font: PanelFont, weight = 400): number | null {
  const c = canvas();
  if (!c) return null;
  const key = `${font}|${px}|${weight}|${text}`;
  let w = widths.get(key);
  if (w === undefined) {
    c.font = `${weight} ${px}px ${family(font)}`;
    // A family list the canvas cannot parse leaves its font unchanged: measure in the generic family instead.
    if (!c.font.includes(`${px}px`)) c.font = `${weight} ${px}px ${font === '--ll-mono' ? 'monospace' : 'sans-serif'}`;
    w = c.measureText(text).width;
    if (widths.size > 4096) widths.clear();
    widths.set(key, w);
  }
  return w;
}
