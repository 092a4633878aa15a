// Whether a table cell's text surely fits its column, so the cell can go without a clip (overflow: hidden and an
// ellipsis). Every clipped cell is a clip node the browser lays out and paints around: with all eleven cells of each
// row clipped, the layout and paint of a jump across 100,000 rows took a third longer. The estimate never
// underestimates a width at the table's font sizes (≤ 13 px, bold symbols): a text that may not fit is clipped.

/** Upper bounds of one UTF-16 unit's width, px: digits and narrow punctuation, other ASCII, anything else. */
const NARROW_PX = 8;
const ASCII_PX = 13.5;
const OTHER_PX = 26;
const NARROW = new Set('0123456789.,:;\'|!il -+<>%()');

/** True when `text` is surely at most `px` wide. Stops at the first unit past it (a 10,000-character name is cheap). */
export function surelyFits(text: string, px: number): boolean {
  let width = 0;
  for (let i = 0; i < text.length && width <= px; i++) {
    const c = text.charCodeAt(i);
    width += c >= 128 ? OTHER_PX : NARROW.has(text[i]!) ? NARROW_PX : ASCII_PX;
  }
  return width <= px;
}

/** A cell's padding (8 px each side) and the room an icon, a probability bar or a stale badge takes beside its text. */
export const CELL_PADDING_PX = 16;
const EXTRA_PX = 32;

/** Whether a cell's content surely fits a column `width` px wide: its text plus its icons, bars and badges. */
export function cellFits(td: Element, width: number): boolean {
  return surelyFits(td.textContent ?? '', width - CELL_PADDING_PX - EXTRA_PX * extrasIn(td));
}

/** Icons, probability bars and stale badges in a cell (a walk of its few elements: three class look-ups a cell cost
 * as much as building it). */
function extrasIn(el: Element): number {
  let n = 0;
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
    const cls = c.className;
    if (cls.startsWith('codicon') || cls === 'pbar' || cls === 'stale') n++;
    else n += extrasIn(c);
  }
  return n;
}
