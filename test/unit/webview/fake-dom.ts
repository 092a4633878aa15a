// A minimal DOM for rendering the panel's elements in Node: enough for dom.ts/view.ts (createElement, attributes,
// classes, textContent, append, CSSOM style). serialize() escapes like a browser's outerHTML does.
type Node_ = FakeElement | FakeText;

export class FakeText {
  readonly nodeType = 3;
  constructor(public data: string) {}
  get textContent(): string { return this.data; }
}

export class FakeElement {
  readonly nodeType = 1;
  readonly attributes = new Map<string, string>();
  children: Node_[] = [];
  listeners: Record<string, unknown[]> = {};
  styleProps = new Map<string, string>();
  readonly style = { setProperty: (k: string, v: string) => void this.styleProps.set(k, v) };
  readonly classList = {
    add: (c: string) => this.setClasses([...this.classes(), c]),
    remove: (c: string) => this.setClasses(this.classes().filter((x) => x !== c)),
    contains: (c: string) => this.classes().includes(c),
    toggle: (c: string, force?: boolean) => ((force ?? !this.classList.contains(c)) ? this.classList.add(c) : this.classList.remove(c)),
  };
  constructor(public readonly tagName: string) {}
  private classes(): string[] { return (this.attributes.get('class') ?? '').split(/\s+/).filter(Boolean); }
  private setClasses(c: string[]): void { this.attributes.set('class', [...new Set(c)].join(' ')); }
  set className(v: string) { this.attributes.set('class', v); }
  get className(): string { return this.attributes.get('class') ?? ''; }
  set tabIndex(v: number) { this.attributes.set('tabindex', String(v)); }
  setAttribute(k: string, v: string): void { this.attributes.set(k, String(v)); }
  getAttribute(k: string): string | null { return this.attributes.get(k) ?? null; }
  removeAttribute(k: string): void { this.attributes.delete(k); }
  addEventListener(type: string, fn: unknown): void { (this.listeners[type] ??= []).push(fn); }
  parentNode: FakeElement | null = null;
  append(...nodes: Array<Node_ | string>): void { for (const n of nodes) this.insertBefore(typeof n === 'string' ? new FakeText(n) : n, null); }
  replaceChildren(...nodes: Node_[]): void { for (const c of this.children) if (c instanceof FakeElement) c.parentNode = null; this.children = []; this.append(...nodes); }
  /** Inserts (or moves) `node` before `ref` (at the end when null), as the DOM does. */
  insertBefore(node: Node_, ref: Node_ | null): void {
    if (node instanceof FakeElement) {
      node.remove();
      node.parentNode = this;
    }
    const at = ref ? this.children.indexOf(ref) : -1;
    if (at < 0) this.children.push(node);
    else this.children.splice(at, 0, node);
  }
  remove(): void {
    if (!this.parentNode) return;
    const siblings = this.parentNode.children;
    siblings.splice(siblings.indexOf(this), 1);
    this.parentNode = null;
  }
  get childNodes(): Node_[] { return this.children; }
  get firstElementChild(): FakeElement | null { return this.children.find((c): c is FakeElement => c instanceof FakeElement) ?? null; }
  get nextElementSibling(): FakeElement | null {
    const siblings = this.parentNode?.children ?? [];
    return siblings.slice(siblings.indexOf(this) + 1).find((c): c is FakeElement => c instanceof FakeElement) ?? null;
  }
  get nextSibling(): Node_ | null {
    const siblings = this.parentNode?.children;
    return siblings ? siblings[siblings.indexOf(this) + 1] ?? null : null;
  }
  set textContent(v: string) { this.children = [new FakeText(v)]; }
  get textContent(): string { return this.children.map((c) => c.textContent).join(''); }
  /** Every element in the subtree, this one first. */
  all(): FakeElement[] { return [this, ...this.children.flatMap((c) => (c instanceof FakeElement ? c.all() : []))]; }
}

export const fakeDocument = {
  createElement: (tag: string) => new FakeElement(tag.toLowerCase()),
  createElementNS: (_ns: string, tag: string) => new FakeElement(tag),
  createTextNode: (text: string) => new FakeText(text),
};

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escAttr = (s: string) => esc(s).replace(/"/g, '&quot;');

export function serialize(n: Node_): string {
  if (n instanceof FakeText) return esc(n.data);
  const attrs = [...n.attributes].map(([k, v]) => ` ${k}="${escAttr(v)}"`).join('');
  return `<${n.tagName}${attrs}>${n.children.map(serialize).join('')}</${n.tagName}>`;
}

export function installFakeDom(): void {
  (globalThis as { document?: unknown }).document = fakeDocument;
}
