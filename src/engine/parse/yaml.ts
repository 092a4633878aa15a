// YAML → located tree via the `yaml` package (YAML 1.2 core schema; every node's range gives its span, and
// plain scalars keep their source text so `0x1F`, `1_000`, `.inf` can be refused as amounts).
import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node as YNode } from 'yaml';
import type { Diags } from './diags';
import type { LineIndex } from './lines';
import type { Entry, LNode } from './tree';
import { MAX_DEPTH } from './json';

const MAX_NODES = 2_000_000;

export function parseYaml(text: string, lines: LineIndex, diags: Diags): LNode | null {
  const doc = parseDocument(text, { keepSourceTokens: true, schema: 'core', version: '1.2', prettyErrors: false, uniqueKeys: true });
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
  const state = { count: 0, overflow: false };
  const out = convert(doc.contents as YNode, doc, text, lines, 0, state);
  if (state.overflow) diags.error('invalid-yaml', `The YAML is nested more than ${MAX_DEPTH} levels deep or expands to too many values (aliases); it was cut there`, lines.fileStart());
  return out;
}

function firstLine(s: string): string {
  return s.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

interface State {
  count: number;
  overflow: boolean;
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
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const k = pair.key as YNode | null;
      const keySpan = k && 'range' in k && k.range ? rangeSpan(k, lines) : rangeSpan(node, lines);
      const key = isScalar(k) ? String(k.value) : k === null ? '' : String(k);
      const value: LNode = pair.value === null || pair.value === undefined
        ? { kind: 'null', span: lines.span(keySpan.offset + keySpan.length, 0) }
        : convert(pair.value, doc, text, lines, depth + 1, state);
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
