// A file's rows as the host keeps them: the worker's chunk texts (worker/row-chunks.ts), one row parsed when it is
// read. Kept as objects, a large file's rows were ~40 objects each that every scavenge of the extension host copied
// while they arrived; kept as text, what survives an ingestion is one large string a chunk and a slim index entry a
// row (panel/row-entry.ts), so the scavenges find mostly garbage (bench/host-rows.mjs).
import type { HostRow } from './rows';
import { decodeRows, rowOf, type ChunkText } from './worker/row-chunks';
import { ROW_CHUNK } from './row-rest';

/** Rows read by index or in order: an array of rows, or a file's chunk texts (RowHeads). */
export interface RowList extends Iterable<HostRow> {
  readonly length: number;
  /** Row `i` (a new object each call for RowHeads: read the fields you need, do not keep it); undefined past the end. */
  at(i: number): HostRow | undefined;
}

interface Chunk {
  /** The rows' JSON array (of value arrays named by `keys`, or of objects: worker/row-chunks.ts). */
  text: string;
  keys: readonly string[];
  /** Where each row's JSON ends in `text` (it starts one character after the previous one's end, or at 1). */
  ends: readonly number[];
}

export class RowHeads implements RowList {
  private readonly chunks: Chunk[] = [];
  private count = 0;

  get length(): number {
    return this.count;
  }

  /** Appends a chunk's rows (the rows after those already held; every chunk but the last holds ROW_CHUNK). */
  push(chunk: Pick<ChunkText, 'rows' | 'ends' | 'keys'>): void {
    this.chunks.push({ text: chunk.rows, keys: sharedKeys(chunk.keys), ends: chunk.ends });
    this.count += chunk.ends.length;
  }

  at(i: number): HostRow | undefined {
    if (!Number.isInteger(i) || i < 0 || i >= this.count) return undefined;
    const c = this.chunks[Math.floor(i / ROW_CHUNK)]!;
    const k = i % ROW_CHUNK;
    const start = k === 0 ? 1 : c.ends[k - 1]! + 1;
    return rowOf(JSON.parse(c.text.slice(start, c.ends[k])), c.keys);
  }

  /** Every row in order, one chunk parsed at a time. */
  *[Symbol.iterator](): Iterator<HostRow> {
    for (const c of this.chunks) yield* decodeRows({ rows: c.text, keys: c.keys });
  }
}

/** Every chunk names the same keys (one engine row shape): one array for them all. */
const keyLists = new Map<string, readonly string[]>();

function sharedKeys(keys: readonly string[]): readonly string[] {
  const id = keys.join('\n');
  const known = keyLists.get(id);
  if (known) return known;
  if (keyLists.size < 16) keyLists.set(id, keys);
  return keys;
}

/** The first row of `rows` that `test` accepts (rows are parsed in order until then). */
export function findRow(rows: RowList, test: (row: HostRow, i: number) => boolean): { row: HostRow; index: number } | undefined {
  let i = 0;
  for (const row of rows) {
    if (test(row, i)) return { row, index: i };
    i++;
  }
  return undefined;
}
