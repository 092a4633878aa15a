// A located value tree shared by the JSON, YAML and CSV readers: every node knows its span in the source,
// and numbers keep their source text so amounts never pass through a float.
import { inline, quote } from '../core/quote-text';
import type { Span } from '../core/types';

export interface Entry {
  key: string;
  keySpan: Span;
  value: LNode;
}
export interface ObjNode {
  kind: 'object';
  span: Span;
  entries: Entry[];
}
export interface ArrNode {
  kind: 'array';
  span: Span;
  items: LNode[];
}
export interface StrNode {
  kind: 'string';
  span: Span;
  value: string;
}
export interface NumNode {
  kind: 'number';
  span: Span;
  /** The number exactly as written in the source. */
  raw: string;
}
export interface BoolNode {
  kind: 'bool';
  span: Span;
  value: boolean;
}
export interface NullNode {
  kind: 'null';
  span: Span;
}
export type LNode = ObjNode | ArrNode | StrNode | NumNode | BoolNode | NullNode;

/** The last entry named `key` (as JSON.parse and YAML do with duplicates). */
export function entry(obj: ObjNode, key: string): Entry | undefined {
  for (let i = obj.entries.length - 1; i >= 0; i--) if (obj.entries[i]!.key === key) return obj.entries[i];
  return undefined;
}

export function get(obj: ObjNode, key: string): LNode | undefined {
  return entry(obj, key)?.value;
}

export function has(obj: ObjNode, key: string): boolean {
  return entry(obj, key) !== undefined;
}

/** Plain text of a scalar (number raw text, string value), else undefined. */
export function scalarText(node: LNode | undefined): string | undefined {
  if (!node) return undefined;
  if (node.kind === 'string') return node.value;
  if (node.kind === 'number') return node.raw;
  if (node.kind === 'bool') return String(node.value);
  return undefined;
}

/** How a value reads in a message: `"96,500"`, `12`, `an object`. */
export function describe(node: LNode): string {
  switch (node.kind) {
    case 'string':
      return quote(node.value);
    case 'number':
      return inline(node.raw);
    case 'bool':
      return String(node.value);
    case 'null':
      return 'null';
    case 'array':
      return 'a list';
    case 'object':
      return 'an object';
  }
}
