// JSON → located tree via jsonc-parser (offsets for every node; numbers keep their source text).
import { quote } from '../core/quote-text';
import { createScanner, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { Diags } from './diags';
import type { LineIndex } from './lines';
import type { LNode } from './tree';
import type { Span } from '../core/types';
import { strictJson } from './strict-json';

export const MAX_DEPTH = 256;

/** jsonc-parser's SyntaxKind (a const enum, not importable under isolatedModules). */
const K = { CloseBrace: 2, CloseBracket: 4, Comma: 5, LineComment: 12, BlockComment: 13, LineBreak: 14, Trivia: 15, EOF: 17 } as const;

/** Deepest bracket nesting outside strings (parsers recurse; refuse absurd nesting before they overflow). */
export function jsonDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) max = Math.max(max, ++depth);
    else if (c === 125 || c === 93) depth--;
  }
  return max;
}

/** Comments and trailing commas are JSONC, not JSON: report them in a .json file, but still read it. */
function reportJsoncExtensions(text: string, lines: LineIndex, diags: Diags): void {
  const scanner = createScanner(text, false);
  let pendingComma: { offset: number } | null = null;
  for (let kind: number = scanner.scan(); kind !== K.EOF; kind = scanner.scan()) {
    const offset = scanner.getTokenOffset();
    const length = scanner.getTokenLength();
    if (kind === K.LineComment || kind === K.BlockComment) {
      diags.error('invalid-json', 'JSON does not allow comments; remove it, or name the file .yaml to keep comments', lines.span(offset, length));
      continue;
    }
    if (kind === K.Trivia || kind === K.LineBreak) continue;
    if ((kind === K.CloseBrace || kind === K.CloseBracket) && pendingComma) {
      diags.error('invalid-json', 'JSON does not allow a comma before a closing bracket; remove this comma', lines.span(pendingComma.offset, 1));
    }
    pendingComma = kind === K.Comma ? { offset } : null;
  }
}

export function parseJson(text: string, lines: LineIndex, diags: Diags, strict: boolean, malformed: Span[] = []): LNode | null {
  // Strictly valid JSON (no diagnostic to give) takes the one-pass reader; anything else the full one below.
  return strictJson(text, lines, MAX_DEPTH) ?? parseJsonFull(text, lines, diags, strict, malformed);
}

/** The full reader: jsonc-parser's tree, JSONC extensions and malformed values reported. */
export function parseJsonFull(text: string, lines: LineIndex, diags: Diags, strict: boolean, malformed: Span[] = []): LNode | null {
  if (jsonDepth(text) > MAX_DEPTH) {
    diags.error('invalid-json', `The JSON is nested more than ${MAX_DEPTH} levels deep; a position file never is`, lines.fileStart());
    return null;
  }
  if (strict) reportJsoncExtensions(text, lines, diags);
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true });
  const tree = root ? convert(root, text, lines, diags, malformed) : null;
  // A malformed bare value (94,500 / 0x1F / NaN) gets one diagnostic on the whole value, not the scanner's fragments.
  const inside = (o: number) => malformed.some((m) => o >= m.offset && o <= m.offset + m.length);
  for (const e of errors.filter((x) => !inside(x.offset)).slice(0, 20)) {
    diags.error('invalid-json', `Invalid JSON: ${humanJsonError(printParseErrorCode(e.error))}`, lines.span(e.offset, e.length));
  }
  if (!root) {
    if (errors.length === 0) diags.error('invalid-json', 'The file is empty: write a position file (version, venue, positions)', lines.fileStart());
    return null;
  }
  return tree;
}

/** A bare token in value position: a word or number, with `e-5` exponents. */
const BARE = /^[+-]?(?:[eE][+-](?=\d)|[A-Za-z0-9_.])+/;
/** A number continued by a comma (94,500 / 1,5 / 1.234,56) or by 3-digit groups after spaces (94 500). */
const CONTINUED = /^(?:,[ \t]*\d[\d.]*)+|^(?: \d{3})+(?:\.\d+)?(?![\w.])/;

/**
 * The bare value starting at `at` when it is not one JSON number (or is missing, e.g. NaN): `94,500`, `1,5`, `94_500`,
 * `0x1F`, `Infinity`, `.5`; null when the value is an ordinary token.
 */
function malformedValue(text: string, at: number, numberText: string | null): string | null {
  const head = BARE.exec(text.slice(at, at + 400))?.[0];
  if (!head) return null;
  let blob = head;
  if (/^[+-]?[\d.]+$/.test(head)) blob += CONTINUED.exec(text.slice(at + head.length, at + head.length + 400))?.[0] ?? '';
  if (blob === numberText) return null;
  if (numberText === null && /^(true|false|null)$/.test(blob)) return null;
  return blob;
}

function valueStart(text: string, keyEnd: number): number {
  let i = keyEnd;
  while (i < text.length && /[\s:]/.test(text[i]!)) i++;
  return i;
}

function humanJsonError(code: string): string {
  const map: Record<string, string> = {
    InvalidSymbol: 'unexpected character',
    InvalidNumberFormat: 'malformed number',
    PropertyNameExpected: 'a property name in double quotes is expected here',
    ValueExpected: 'a value is expected here',
    ColonExpected: 'a colon ":" is expected here',
    CommaExpected: 'a comma "," is expected here',
    CloseBraceExpected: 'a closing "}" is expected here',
    CloseBracketExpected: 'a closing "]" is expected here',
    EndOfFileExpected: 'the document should end here',
    UnexpectedEndOfString: 'the string is not closed',
    UnexpectedEndOfComment: 'the comment is not closed',
    InvalidUnicode: 'invalid \\u escape',
    InvalidEscapeCharacter: 'invalid escape character',
    InvalidCharacter: 'invalid character in a string',
  };
  return map[code] ?? code;
}

function convert(node: Node, text: string, lines: LineIndex, diags: Diags, malformed: Span[]): LNode {
  const span = lines.span(node.offset, node.length);
  switch (node.type) {
    case 'object': {
      const entries = [];
      const seen = new Set<string>();
      let skipTo = -1;
      for (const prop of node.children ?? []) {
        const [k, v] = prop.children ?? [];
        if (!k || k.offset < skipTo) continue;
        const keySpan = lines.span(k.offset, k.length);
        const key = String(k.value);
        if (seen.has(key)) diags.error('duplicate-key', `${quote(key)} appears twice in this object; the last value is used — remove one`, keySpan);
        seen.add(key);
        const at = v ? v.offset : valueStart(text, k.offset + k.length);
        const bad = !v || v.type === 'number' ? malformedValue(text, at, v ? text.slice(v.offset, v.offset + v.length) : null) : null;
        let value: LNode;
        if (bad !== null) {
          const badSpan = lines.span(at, bad.length);
          malformed.push(badSpan);
          skipTo = at + bad.length;
          value = { kind: 'number', span: badSpan, raw: bad };
        } else value = v ? convert(v, text, lines, diags, malformed) : { kind: 'null', span: lines.span(k.offset + k.length, 0) };
        entries.push({ key, keySpan, value });
      }
      return { kind: 'object', span, entries };
    }
    case 'array':
      return { kind: 'array', span, items: (node.children ?? []).map((c) => convert(c, text, lines, diags, malformed)) };
    case 'string':
      return { kind: 'string', span, value: String(node.value) };
    case 'number':
      return { kind: 'number', span, raw: text.slice(node.offset, node.offset + node.length) };
    case 'boolean':
      return { kind: 'bool', span, value: node.value === true };
    default:
      return { kind: 'null', span };
  }
}
