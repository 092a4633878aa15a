// The details pane's label/value lines (dl.kv): one row a pair, the label on the left and the value on the right, the
// value going under its label when both do not fit the pane's width (rather than squeezing the label word by word).

import { h } from './dom';
import { num } from './view';

/** Parts of a value short enough to keep on one line ("−27,496.00 USDT", "(ROE −27.50 %)", "−97.25 USDT at the mark"). */
const UNBROKEN_PART = 28;

/** Appends one label/value pair to `dl` (a string value is shown as number text, broken only between its parts). */
export function kv(dl: HTMLElement, label: string | Node, value: string | Node, cls = ''): void {
  dl.append(h('div', { class: `kv-row${cls ? ' ' + cls : ''}` }, h('dt', { class: cls }, label), h('dd', { class: cls }, typeof value === 'string' ? valueText(value) : value)));
}

/**
 * A value that a narrow pane breaks between its parts — before "(…)", after " ·" — and never inside a short part, so
 * a number never parts from its unit ("−27.50" / "%)").
 */
export function valueText(value: string): HTMLElement {
  return phrases(num(''), value, / (?=\()|(?<= ·) /);
}

/** A block's aside ("1 d σ 2.88 % · median time to liq. 13 d", "Student-t (k = 4), funding 0"), broken only between its phrases. */
export function asideText(text: string): HTMLElement {
  return phrases(h('span', { class: 'aside' }), text, /(?<= ·) |(?<=,) /);
}

/** `text` into `el` as parts split at `at`, each short part kept on one line, a space between parts. */
function phrases(el: HTMLElement, text: string, at: RegExp): HTMLElement {
  const parts = text.split(at);
  if (parts.length === 1) {
    el.textContent = text;
    if (text.length <= UNBROKEN_PART) el.classList.add('part');
    return el;
  }
  parts.forEach((p, i) => {
    if (i) el.append(' ');
    el.append(h('span', { class: p.length <= UNBROKEN_PART ? 'part' : '', text: p }));
  });
  return el;
}
