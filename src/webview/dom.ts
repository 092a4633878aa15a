// The only way the panel builds DOM: elements with classes/attributes, text through textContent. No innerHTML,
// no inline handlers, no style attributes (the CSP forbids them; CSSOM writes are used instead).

export type Child = Node | string | null | undefined | false;

export interface Props {
  class?: string;
  attrs?: Record<string, string | number | boolean | null | undefined>;
  text?: string;
  on?: Partial<Record<keyof HTMLElementEventMap, (ev: Event) => void>>;
}

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (props.class) el.className = props.class;
  for (const [k, v] of Object.entries(props.attrs ?? {})) {
    if (v === null || v === undefined || v === false) continue;
    el.setAttribute(k, v === true ? '' : String(v));
  }
  if (props.text !== undefined) el.textContent = props.text;
  for (const [type, fn] of Object.entries(props.on ?? {})) if (fn) el.addEventListener(type, fn);
  append(el, children);
  return el;
}

export function append(el: Element, children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (typeof c === 'string') {
      const span = document.createElement('span');
      span.textContent = c;
      el.append(span);
    } else el.append(c);
  }
}

/** Bare text (a text node, not a span as a string child becomes): a table cell's number or word. */
export function text(s: string): Text {
  return document.createTextNode(s);
}

/** A codicon glyph (font from dist/codicon.css); decorative, so hidden from screen readers. */
export function icon(name: string, extra = ''): HTMLElement {
  return h('span', { class: `codicon codicon-${name}${extra ? ' ' + extra : ''}`, attrs: { 'aria-hidden': 'true' } });
}
