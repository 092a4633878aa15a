// A worker's evaluation made ready for the host's indexes without a long task on the extension host: the rows' index
// fields are read from their JSON chunks and their entries built one chunk a slice, yielding to the event loop between
// them (a 20,000-row file would otherwise hold the host for hundreds of ms); the rows stay text (row-heads.ts).
// Cancelling the job also stops the slicing.
import { makeEntry, type RowEntry } from '../panel/row-entry';
import { defaultCompare, type Compare } from '../panel/sort-keys';
import { sortSteps } from '../panel/sorted-rows';
import { stepped, yieldToHost } from '../steps';
import { Aggregator, changeSteps, type FileLookup } from '../panel/row-index';
import { Cancelled } from './worker-pool';
import type { EvaluationResult } from './worker-protocol';
import { decodeIngested, type ChunkText } from './row-chunks';
import { RowRest } from '../row-rest';
import { RowHeads } from '../row-heads';

/** A result's rows (kept as their chunks' text), with their index entries. */
export interface ParsedRows {
  rows: RowHeads;
  /** The rows' details and risk inputs (what the details pane and its charts show), as text until read. */
  rest: RowRest;
  entries: RowEntry[];
  /** The same entries in the panel's default order (so the host's sorted view only merges them in). */
  sorted: RowEntry[];
  /** Their key map and aggregate, so the row index takes them without a pass of its own. */
  lookup: FileLookup;
}

export interface PreparedResult extends Omit<EvaluationResult, 'chunks'>, ParsedRows {}

interface Job<R> {
  result: Promise<R>;
  cancel(): void;
}

/** Rows merged per slice of the default-order sort (the chunks of 200 are parsed one a slice): a few ms each. */
export const ENTRY_SLICE = 500;

/** A yield to the host, then Cancelled once `cancelled`. */
const pauseUnless = (cancelled: () => boolean) => async (): Promise<void> => {
  await yieldToHost();
  if (cancelled()) throw new Cancelled();
};

/** How the rows are made ready. */
export interface SliceOptions {
  /** Rows merged per slice of the sort (ENTRY_SLICE). */
  slice?: number;
  /** Stop (throw Cancelled) once this is true. */
  cancelled?: () => boolean;
  /** The rows are a listing (nothing computed yet, row-entry.ts). */
  pending?: boolean;
  /** The file's rows in the index now (RowIndex.keysOf): the change list is computed against them too. */
  base?: () => ReadonlyMap<string, RowEntry> | null;
}

export function prepared(key: string, job: Job<EvaluationResult>, options: Omit<SliceOptions, 'cancelled' | 'pending'> = {}): Job<PreparedResult> {
  let cancelled = false;
  const result = job.result.then(async ({ chunks, ...value }) => ({ ...value, ...(await entriesInSlices(key, { chunks, sigs: value.sigs }, { ...options, cancelled: () => cancelled })) }));
  return { result, cancel: () => { cancelled = true; job.cancel(); } };
}

/**
 * The rows of `value.chunks`, their index entries, and the same in the default order: one chunk parsed a slice, the
 * sort in slices of about `slice` rows (throws Cancelled once `cancelled`); with `base`, their change list against
 * the index's rows too, in slices (the index takes it if the file's rows there are still those).
 */
export async function entriesInSlices(key: string, value: { chunks: readonly ChunkText[]; sigs: readonly string[] }, options: SliceOptions = {}): Promise<ParsedRows> {
  const { slice = ENTRY_SLICE, cancelled = () => false, pending = false, base } = options;
  const rows = new RowHeads(); // filled as the chunks are read
  const entries: RowEntry[] = [];
  const byKey = new Map<string, RowEntry>();
  const rests: string[] = [];
  const rest = new RowRest(rests);
  const shared = sharedStrings();
  const agg = new Aggregator();
  for (let c = 0; c < value.chunks.length; c++) {
    if (c > 0) await yieldToHost();
    if (cancelled()) throw new Cancelled();
    const chunk = value.chunks[c]!;
    rests.push(chunk.rest);
    rows.push(chunk);
    for (const row of decodeIngested(chunk)) {
      const at = entries.length;
      row.file = shared(row.file);
      const entry = makeEntry(key, row, value.sigs[at] ?? '', pending, { rows, at, rest });
      entry.accountKey = shared(entry.accountKey);
      agg.add(entry, row);
      entries.push(entry);
      byKey.set(entry.key, entry);
    }
  }
  await yieldToHost();
  if (cancelled()) throw new Cancelled();
  const sorted = await sortInSlices(entries, defaultCompare, slice, cancelled);
  const changes = base ? await changesInSlices(base, entries, byKey, cancelled) : undefined;
  return { rows, rest, entries, sorted, lookup: { byKey, agg: agg.result(), ...(changes ? { changes } : {}) } };
}

/**
 * One string for equal strings: every row of a file names the file, the legs of an account share its key. Parsed or
 * built a row at a time they were one string a row, kept as long as the entries.
 */
function sharedStrings(): (s: string) => string {
  const seen = new Map<string, string>();
  return (s) => {
    const known = seen.get(s);
    if (known !== undefined) return known;
    seen.set(s, s);
    return s;
  };
}

/** changeSteps against the index's rows of the file now, a yield between steps. */
async function changesInSlices(base: () => ReadonlyMap<string, RowEntry> | null, entries: readonly RowEntry[], byKey: ReadonlyMap<string, RowEntry>, cancelled: () => boolean): Promise<FileLookup['changes']> {
  const from = base();
  return { from, rows: await stepped(changeSteps(from, entries, byKey), pauseUnless(cancelled)) };
}

/** A stable sort (sorted-rows.ts sortSteps) with a yield to the host after about `slice` rows of merging. */
export async function sortInSlices(list: readonly RowEntry[], compare: Compare, slice = ENTRY_SLICE, cancelled: () => boolean = () => false): Promise<RowEntry[]> {
  return stepped(sortSteps(list, compare, slice), pauseUnless(cancelled));
}
