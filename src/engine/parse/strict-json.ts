// The fast path of the JSON reader (issue 10 profile: the located parse was tens of times JSON.parse): one pass over
// strictly valid JSON that builds the located tree directly — spans from offsets, numbers as their source text —
// without jsonc-parser's tree and a second walk. It gives up (null) on anything else: comments, trailing commas,
// malformed or bare values, duplicate keys, a BOM, odd whitespace, nesting past MAX_DEPTH; the full reader then
// parses the file and says what is wrong, so the fast path never decides a diagnostic.
import type { LineIndex } from './lines';
import type { Entry, LNode } from './tree';

class GiveUp extends Error {}
const GIVE_UP = new GiveUp();

export function strictJson(text: string, lines: LineIndex, maxDepth: number): LNode | null {
  const p = new StrictParser(text, lines, maxDepth);
  try {
    p.ws();
    if (p.i >= text.length) return null;
    const root = p.value(0);
    p.ws();
    return p.i === text.length ? root : null;
  } catch (e) {
    if (e === GIVE_UP) return null;
    throw e;
  }
}

class StrictParser {
  i = 0;
  constructor(private readonly text: string, private readonly lines: LineIndex, private readonly maxDepth: number) {}

  ws(): void {
    const t = this.text;
    let i = this.i;
    for (;;) {
      const c = t.charCodeAt(i);
      if (c === 32 || c === 10 || c === 13 || c === 9) i++;
      else break;
    }
    this.i = i;
  }

  value(depth: number): LNode {
    const t = this.text;
    const start = this.i;
    const c = t.charCodeAt(start);
    if (c === 123) return this.object(depth + 1);
    if (c === 91) return this.array(depth + 1);
    if (c === 34) {
      const value = this.string();
      return { kind: 'string', span: this.lines.span(start, this.i - start), value };
    }
    if (c === 45 || (c >= 48 && c <= 57)) {
      this.number();
      return { kind: 'number', span: this.lines.span(start, this.i - start), raw: t.slice(start, this.i) };
    }
    if (t.startsWith('true', start)) return this.word(start, 4, { kind: 'bool', span: this.lines.span(start, 4), value: true });
    if (t.startsWith('false', start)) return this.word(start, 5, { kind: 'bool', span: this.lines.span(start, 5), value: false });
    if (t.startsWith('null', start)) return this.word(start, 4, { kind: 'null', span: this.lines.span(start, 4) });
    throw GIVE_UP;
  }

  /** A literal must end at a delimiter (`truex` is a bare word for the full reader). */
  private word(start: number, n: number, node: LNode): LNode {
    this.i = start + n;
    if (!this.delimited()) throw GIVE_UP;
    return node;
  }

  private delimited(): boolean {
    const c = this.text.charCodeAt(this.i);
    return Number.isNaN(c) || c === 44 || c === 125 || c === 93 || c === 32 || c === 10 || c === 13 || c === 9;
  }

  private object(depth: number): LNode {
    if (depth > this.maxDepth) throw GIVE_UP;
    const t = this.text;
    const start = this.i++;
    const entries: Entry[] = [];
    let seen: Set<string> | null = null;
    this.ws();
    if (t.charCodeAt(this.i) === 125) {
      this.i++;
      return { kind: 'object', span: this.lines.span(start, this.i - start), entries };
    }
    for (;;) {
      if (t.charCodeAt(this.i) !== 34) throw GIVE_UP;
      const keyStart = this.i;
      const key = this.string();
      const keySpan = this.lines.span(keyStart, this.i - keyStart);
      // duplicate keys are reported by the full reader
      if (entries.length >= 8) {
        if (seen === null) seen = new Set(entries.map((e) => e.key));
        if (seen.has(key)) throw GIVE_UP;
        seen.add(key);
      } else {
        for (const e of entries) if (e.key === key) throw GIVE_UP;
      }
      this.ws();
      if (t.charCodeAt(this.i) !== 58) throw GIVE_UP;
      this.i++;
      this.ws();
      const value = this.value(depth);
      entries.push({ key, keySpan, value });
      this.ws();
      const c = t.charCodeAt(this.i);
      if (c === 44) {
        this.i++;
        this.ws();
        continue;
      }
      if (c === 125) {
        this.i++;
        return { kind: 'object', span: this.lines.span(start, this.i - start), entries };
      }
      throw GIVE_UP;
    }
  }

  private array(depth: number): LNode {
    if (depth > this.maxDepth) throw GIVE_UP;
    const t = this.text;
    const start = this.i++;
    const items: LNode[] = [];
    this.ws();
    if (t.charCodeAt(this.i) === 93) {
      this.i++;
      return { kind: 'array', span: this.lines.span(start, this.i - start), items };
    }
    for (;;) {
      items.push(this.value(depth));
      this.ws();
      const c = t.charCodeAt(this.i);
      if (c === 44) {
        this.i++;
        this.ws();
        continue;
      }
      if (c === 93) {
        this.i++;
        return { kind: 'array', span: this.lines.span(start, this.i - start), items };
      }
      throw GIVE_UP;
    }
  }

  /** A string token at `i` (its opening quote); returns its value and leaves `i` after the closing quote. */
  private string(): string {
    const t = this.text;
    const start = this.i;
    let i = start + 1;
    let escaped = false;
    for (;;) {
      const c = t.charCodeAt(i);
      if (c === 34) break;
      if (Number.isNaN(c) || c < 32) throw GIVE_UP;
      if (c === 92) {
        escaped = true;
        const e = t.charCodeAt(i + 1);
        if (e === 117) {
          for (let k = 2; k < 6; k++) if (!isHex(t.charCodeAt(i + k))) throw GIVE_UP;
          i += 6;
          continue;
        }
        if (e !== 34 && e !== 92 && e !== 47 && e !== 98 && e !== 102 && e !== 110 && e !== 114 && e !== 116) throw GIVE_UP;
        i += 2;
        continue;
      }
      i++;
    }
    this.i = i + 1;
    return escaped ? (JSON.parse(t.slice(start, i + 1)) as string) : t.slice(start + 1, i);
  }

  /** A JSON number: -?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?, ending at a delimiter. */
  private number(): void {
    const t = this.text;
    let i = this.i;
    if (t.charCodeAt(i) === 45) i++;
    const first = t.charCodeAt(i);
    if (first === 48) i++;
    else if (first >= 49 && first <= 57) while (isDigit(t.charCodeAt(i))) i++;
    else throw GIVE_UP;
    if (t.charCodeAt(i) === 46) {
      i++;
      if (!isDigit(t.charCodeAt(i))) throw GIVE_UP;
      while (isDigit(t.charCodeAt(i))) i++;
    }
    const e = t.charCodeAt(i);
    if (e === 101 || e === 69) {
      i++;
      const s = t.charCodeAt(i);
      if (s === 43 || s === 45) i++;
      if (!isDigit(t.charCodeAt(i))) throw GIVE_UP;
      while (isDigit(t.charCodeAt(i))) i++;
    }
    this.i = i;
    if (!this.delimited()) throw GIVE_UP;
  }
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isHex = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
