// How a diagnostic quotes text from its own file (issue 13: short and escaped). Diagnostics never quote another
// file's content at all. Escaping makes the quote inert on every surface: control characters (C0, DEL, C1 — ESC
// included), line breaks (a newline followed by `::error::` cannot start a CI log command), bidi controls and
// zero-width characters, lone surrogates and the BOM are shown as escapes.

/** Longest quoted text, in code points, before the ellipsis. */
export const QUOTE_MAX = 40;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** Characters that are invisible, reorder text or control a terminal. */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function hex(c: string): string {
  const code = c.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** The text with every unsafe character shown as an escape (no quotes added, nothing cut). */
export function escapeText(text: string): string {
  return text.replace(UNSAFE, (c) => NAMED[c] ?? hex(c));
}

/** At most `max` code points of the text, with an ellipsis when cut. */
export function shorten(text: string, max = QUOTE_MAX): string {
  const points = Array.from(text);
  return points.length > max ? points.slice(0, max).join('') + '…' : text;
}

/** A quote of a file's own text for a diagnostic: `"…"`, at most QUOTE_MAX code points, escaped. */
export function quote(text: string, max = QUOTE_MAX): string {
  return `"${escapeText(shorten(text, max).replace(/["\\]/g, (c) => `\\${c}`))}"`;
}

/** Unquoted form (numbers, symbols, keys written into a sentence): short and escaped. */
export function inline(text: string, max = QUOTE_MAX): string {
  return escapeText(shorten(text, max));
}
