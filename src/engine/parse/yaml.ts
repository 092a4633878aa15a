// YAML → located tree via the `yaml` package (YAML 1.2 core schema; every node's range gives its span, and
// plain scalars keep their source text so `0x1F`, `1_000`, `.inf` can be refused as amounts).
import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node as YNode } from 'yaml';
import type { Diags } from './diags';
import { quote } from '../core/quote-text';
import type { LineIndex } from './lines';
import type { Entry, LNode } from './tree';
import { MAX_DEPTH } from './json';

/** Most values a YAML file may expand to (aliases included); past it the tree is cut. */
export const MAX_NODES = 2_000_000;

/** `counted.values`: the values built, aliases expanded (the file's read steps, README "Limits"). */
export function parseYaml(text: string, lines: LineIndex, diags: Diags, counted?: { values: number }): LNode | null {
  const doc = parseDocument(text, { keepSourceTokens: true, schema: 'core', version: '1.2', prettyErrors: false, uniqueKeys: false });
  for (const e of doc.errors.slice(0, 20)) {
    const [a, b] = e.pos;
    diags.error('invalid-yaml', `Invalid YAML: ${firstLine(e.message)}`, lines.span(a, Math.max(1, b - a)));
  }
  for (const w of doc.warnings.slice(0, 20)) {
    const [a, b] = w.pos;
    diags.warning('invalid-yaml', `YAML: ${firstLine(w.message)}`, lines.span(a, Math.max(1, b - a)));
  }
  if (doc.contents === null || doc.contents === undefined) {
    if (doc.errors.length === 0) diags.error('invalid-yaml', 'The file is empty: write a position file (version, venue, positions)', lines.fileStart());
    return null;
  }
  const state: State = { count: 0, overflow: false, diags };
  const out = convert(doc.contents as YNode, doc, text, lines, 0, state);
  if (counted) counted.values = state.count;
  if (state.overflow) diags.error('invalid-yaml', `The YAML is nested more than ${MAX_DEPTH} levels deep or expands to too many values (aliases); it was cut there`, lines.fileStart());
  return out;
}

function firstLine(s: string): string {
  return s.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

interface State {
  count: number;
  overflow: boolean;
  diags: Diags;
}

/** Source text of a plain (unquoted) scalar, else null. */
function plainText(node: unknown, text: string): string | null {
  if (!isScalar(node) || node.type !== 'PLAIN' || !node.range) return null;
  return text.slice(node.range[0], node.range[1]);
}

/**
 * In a flow map `{ markPrice: 94,500 }` YAML ends the number at the comma and reads `500` as a key without a value.
 * Such keys (digits, no value, right after a bare number) are the rest of one number: the end offset of
 * `94,500`, or -1 when the pair at `i` is not followed by one.
 */
function splitNumberEnd(items: unknown[], i: number, text: string): { end: number; next: number } | null {
  const first = items[i];
  if (!isPair(first) || !/^[+-]?[\d.]+$/.test(plainText(first.value, text) ?? '')) return null;
  let end = (first.value as YNode).range![1];
  let j = i + 1;
  for (; j < items.length; j++) {
    const p = items[j];
    if (!isPair(p) || (p.value !== null && p.value !== undefined)) break;
    const k = plainText(p.key, text);
    const start = (p.key as YNode | null)?.range?.[0];
    if (k === null || start === undefined || !/^\d[\d.]*$/.test(k) || !/^,[ \t]*$/.test(text.slice(end, start))) break;
    end = start + k.length;
  }
  return j > i + 1 ? { end, next: j } : null;
}

function rangeSpan(node: { range?: [number, number, number] | null }, lines: LineIndex) {
  const r = node.range ?? [0, 0, 0];
  return lines.span(r[0], r[1] - r[0]);
}

function convert(node: unknown, doc: Document, text: string, lines: LineIndex, depth: number, state: State): LNode {
  if (++state.count > MAX_NODES || depth > MAX_DEPTH) {
    state.overflow = true;
    return { kind: 'null', span: lines.fileStart() };
  }
  if (isAlias(node)) {
    const target = node.resolve(doc);
    const span = rangeSpan(node, lines);
    if (!target) return { kind: 'null', span };
    return { ...convert(target, doc, text, lines, depth + 1, state), span };
  }
  if (isMap(node)) {
    const entries: Entry[] = [];
    const seen = new Set<string>();
    for (let i = 0; i < node.items.length; i++) {
      const pair = node.items[i];
      if (!isPair(pair)) continue;
      const k = pair.key as YNode | null;
      const keySpan = k && 'range' in k && k.range ? rangeSpan(k, lines) : rangeSpan(node, lines);
      const key = isScalar(k) ? String(k.value) : k === null ? '' : String(k);
      if (seen.has(key)) state.diags.error('duplicate-key', `${quote(key)} appears twice in this map; the last value is used — remove one`, keySpan);
      seen.add(key);
      const split = node.flow ? splitNumberEnd(node.items, i, text) : null;
      let value: LNode;
      if (split) {
        const start = (pair.value as YNode).range![0];
        value = { kind: 'number', span: lines.span(start, split.end - start), raw: text.slice(start, split.end) };
        i = split.next - 1;
      } else if (pair.value === null || pair.value === undefined) value = { kind: 'null', span: lines.span(keySpan.offset + keySpan.length, 0) };
      else value = convert(pair.value, doc, text, lines, depth + 1, state);
      entries.push({ key, keySpan, value });
    }
    return { kind: 'object', span: rangeSpan(node, lines), entries };
  }
  if (isSeq(node)) {
    return { kind: 'array', span: rangeSpan(node, lines), items: node.items.map((i) => convert(i, doc, text, lines, depth + 1, state)) };
  }
  if (isScalar(node)) {
    const span = rangeSpan(node, lines);
    const v = node.value;
    if (typeof v === 'number' || typeof v === 'bigint') return { kind: 'number', span, raw: text.slice(span.offset, span.offset + span.length) };
    if (typeof v === 'boolean') return { kind: 'bool', span, value: v };
    if (v === null || v === undefined) return { kind: 'null', span };
    return { kind: 'string', span, value: String(v) };
  }
  return { kind: 'null', span: lines.fileStart() };
}
