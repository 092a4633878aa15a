// What the host keeps of a file's rows besides the rows themselves (worker/row-chunks.ts): each chunk's row details
// and risk inputs as the JSON text the worker sent, parsed when one row's are read (its details pane and charts, a
// hover, an export). One large string a chunk stays out of the young generation; parsed, they were ~30 objects a row
// that every scavenge of the extension host copied while a large file's rows arrived.
import type { ResultRow, RowDetails } from '../engine/evaluate/report';
import type { FileEvaluation } from '../engine/evaluate/evaluate-file';
import type { RowRiskInputs } from '../engine/evaluate/row-charts';
import type { HostRow } from './rows';
import { objectOf } from './worker/named-values';

export type RiskInputsById = NonNullable<FileEvaluation['riskInputs']>;

/** Rows a chunk (worker/row-chunks.ts; one is parsed on the host in a few ms): row `i` of a file is in chunk `i / ROW_CHUNK`. */
export const ROW_CHUNK = 200;

/**
 * A chunk's second text (ChunkText.rest), parsed: its rows' details (in order: value arrays named by `keys`, or
 * objects: worker/named-values.ts) and their risk inputs by row id.
 */
export interface ChunkRest {
  keys?: string[];
  details: Array<unknown[] | RowDetails | null>;
  riskInputs?: RiskInputsById;
}

/** Row `k` of a parsed chunk's details; null when it has none. */
export function detailsOf(chunk: ChunkRest, k: number): RowDetails | null {
  const value = chunk.details[k];
  return value === undefined || value === null ? null : objectOf<RowDetails>(value, chunk.keys ?? []);
}

/**
 * A file's row details and risk inputs, as the chunks' text: row `i` is in chunk `i / ROW_CHUNK`. The last chunk read
 * is kept parsed (an export or a walk through neighbouring rows reads one chunk after another).
 */
export class RowRest {
  private last: { chunk: number; value: ChunkRest } | null = null;

  constructor(private readonly texts: readonly string[]) {}

  /** Row `i`'s details; null when the file has no such row. */
  details(i: number): RowDetails | null {
    const chunk = this.chunk(i);
    return chunk ? detailsOf(chunk, i % ROW_CHUNK) : null;
  }

  /** Row `i`'s risk inputs (its id keys them); null for rows without any (unknown rows, loans without a market). */
  riskInputs(i: number, id: string): RowRiskInputs | null {
    const inputs = this.chunk(i)?.riskInputs;
    return inputs && Object.hasOwn(inputs, id) ? inputs[id]! : null;
  }

  private chunk(i: number): ChunkRest | null {
    const c = Math.floor(i / ROW_CHUNK);
    if (this.last?.chunk === c) return this.last.value;
    const text = this.texts[c];
    if (text === undefined || i < 0) return null;
    this.last = { chunk: c, value: JSON.parse(text) as ChunkRest };
    return this.last.value;
  }
}

/** A host row made whole again with its details (a row that kept its own, as in tests, is itself). */
export function wholeRow(row: HostRow | ResultRow, rest: RowRest | undefined, i: number): ResultRow {
  if ('details' in row) return row;
  return { ...row, details: rest?.details(i) ?? NO_DETAILS };
}

/** What a row without its details text shows: nothing (never met: the worker sends every row's). */
export const NO_DETAILS: RowDetails = { var: null, es: null, liquidationCost: null, timeToLiquidation: null };
