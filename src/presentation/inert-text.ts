// Text from position files made inert on every face (issue 13 §6): a name, id, symbol, asset, account or path can
// carry terminal escapes (ESC/CSI), a CR that rewrites the line, a newline followed by a CI log command
// (`::error::`, `##vso[`), bidi overrides, zero-width characters or 10,000 characters. Two sanitisers:
// - plainText: terminal, CI logs, Problems, hovers' plain parts, CodeLens, quick pick, modal messages — every
//   control, bidi, zero-width and line-break character becomes a visible escape, and CI command prefixes are broken;
// - markdownText: plainText, then Markdown and HTML made literal (`|`, backticks, `<` → `&lt;`, link brackets…).
// Plus guardCiLines for whole outputs: no line may start with `::` (GitHub Actions workflow commands).

/** Longest name (symbol, account, id, asset, venue) shown, in code points, before the ellipsis. */
export const NAME_MAX = 48;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** C0, DEL, C1 (CSI 0x9b included), soft hyphen, invisible/reordering characters, line/paragraph separators, BOM, lone surrogates. */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function hex(c: string): string {
  const code = c.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** At most `max` code points, with "…" when cut. */
export function capText(s: string, max: number): string {
  if (s.length <= max) return s;
  const points = Array.from(s);
  return points.length > max ? points.slice(0, max).join('') + '…' : s;
}

/**
 * One line of inert plain text: escapes every unsafe character (`\x1b`, `\r`, `\n`, `\u202e`…), breaks CI command
 * prefixes (`::` at the start, `##vso[`, `##[`) and caps the length (code points) when `max` is given.
 */
export function plainText(s: string, max = Number.POSITIVE_INFINITY): string {
  const capped = Number.isFinite(max) ? capText(s, max) : s;
  return capped
    .replace(UNSAFE, (c) => NAMED[c] ?? hex(c))
    .replace(/^(\s*):(?=:)/, '$1: ')
    .replace(/##(?=vso\[|\[)/g, '# #');
}

/** A name from a file (symbol, account, id, asset, venue): inert and at most NAME_MAX code points. */
export function nameText(s: string): string {
  return plainText(s, NAME_MAX);
}

/** Longest path shown, in code points: a longer one keeps its end (the file name) after "…". */
export const PATH_MAX = 120;

/** A file path from a workspace or a command line: inert, at most PATH_MAX code points (the end kept). */
export function pathText(s: string): string {
  const points = Array.from(s);
  return plainText(points.length > PATH_MAX ? '…' + points.slice(-PATH_MAX).join('') : s);
}

/** Longest message (diagnostic, reason) shown, in code points. */
export const MESSAGE_MAX = 600;

/**
 * A sentence that may embed names from a file (a diagnostic message, an unknown row's reason): every run of
 * non-blank characters longer than NAME_MAX is cut (the sentence around it stays whole), then plainText, then
 * the whole capped at MESSAGE_MAX.
 */
export function messageText(s: string): string {
  const words = s.length > NAME_MAX ? s.replace(/[^\s]{49,}/gu, (w) => capText(w, NAME_MAX)) : s;
  return plainText(words, MESSAGE_MAX);
}

const MARKDOWN_ESCAPES: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;' };

/**
 * Inert Markdown text inside a line (GitHub, VS Code hovers, exports): plainText, then HTML made literal (`<` →
 * `&lt;`, so no tag, no autolink, no entity) and the punctuation that starts inline markup backslash-escaped
 * (emphasis, code spans, links and images, table cells, strikethrough). Numbers stay readable (`.` and `-` are left).
 */
export function markdownText(s: string, max = Number.POSITIVE_INFINITY): string {
  return plainText(s, max)
    .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`)
    .replace(/[<>&]/g, (c) => MARKDOWN_ESCAPES[c]!);
}

/** A code span holding `s` literally (CommonMark: a fence longer than any backtick run inside). */
export function markdownCode(s: string, max = Number.POSITIVE_INFINITY): string {
  const text = plainText(s, max);
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') || text.startsWith(' ') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** Every line of a text output made safe for CI logs: a line starting (after blanks) with `::` gets `: :`. */
export function guardCiLines(text: string): string {
  return text.replace(/^([ \t]*):(?=:)/gm, '$1: ');
}

/** Multi-line text (log lines, error stacks) with each line made inert by plainText; the line breaks are kept. */
export function inertLines(text: string): string {
  return text.split('\n').map((line) => plainText(line)).join('\n');
}

/** Text where VS Code renders `$(name)` as an icon (CodeLens, status bar, quick pick): file text shows it literally. */
export function iconText(s: string): string {
  return s.replace(/\$\(/g, '\\$(');
}
