// A worker's evaluation made ready for the host's indexes without a long task on the extension host: the rows'
// index entries are built in slices, yielding to the event loop between them (a 20,000-row file would otherwise
// hold the host for hundreds of ms). Cancelling the job also stops the slicing.
import { makeEntry, type RowEntry } from '../panel/row-entry';
import { defaultCompare, type Compare } from '../panel/sort-keys';
import { mergeSorted } from '../panel/sorted-rows';
import { Cancelled } from './worker-pool';
import type { EvaluationResult } from './worker-protocol';

export interface PreparedResult extends EvaluationResult {
  entries: RowEntry[];
  /** The same entries in the panel's default order (so the host's sorted view only merges them in). */
  sorted: RowEntry[];
}

interface Job<R> {
  result: Promise<R>;
  cancel(): void;
}

/** Rows a slice: a few ms of host time each. */
export const ENTRY_SLICE = 500;

const yieldToHost = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export function prepared(key: string, job: Job<EvaluationResult>, slice = ENTRY_SLICE): Job<PreparedResult> {
  let cancelled = false;
  const result = job.result.then(async (value) => ({ ...value, ...(await entriesInSlices(key, value, slice, () => cancelled)) }));
  return { result, cancel: () => { cancelled = true; job.cancel(); } };
}

/** The rows' index entries, and the same in the default order, built in slices (throws Cancelled once `cancelled`). */
export async function entriesInSlices(key: string, value: Pick<EvaluationResult, 'rows' | 'sigs'>, slice = ENTRY_SLICE, cancelled: () => boolean = () => false): Promise<{ entries: RowEntry[]; sorted: RowEntry[] }> {
  const entries: RowEntry[] = [];
  for (let i = 0; i < value.rows.length; i += slice) {
    if (i > 0) await yieldToHost();
    if (cancelled()) throw new Cancelled();
    const end = Math.min(value.rows.length, i + slice);
    for (let j = i; j < end; j++) entries.push(makeEntry(key, value.rows[j]!, value.sigs[j] ?? ''));
  }
  const sorted = await sortInSlices(entries, defaultCompare, slice, cancelled);
  return { entries, sorted };
}

/** Bottom-up merge sort (stable) with a yield after about `slice` rows of merging. */
export async function sortInSlices(list: readonly RowEntry[], compare: Compare, slice = ENTRY_SLICE, cancelled: () => boolean = () => false): Promise<RowEntry[]> {
  let runs: RowEntry[][] = [];
  for (let i = 0; i < list.length; i += 32) runs.push(list.slice(i, i + 32).sort(compare));
  let work = 0;
  while (runs.length > 1) {
    const next: RowEntry[][] = [];
    for (let i = 0; i < runs.length; i += 2) {
      next.push(i + 1 < runs.length ? mergeSorted(runs[i]!, runs[i + 1]!, compare) : runs[i]!);
      work += next[next.length - 1]!.length;
      if (work >= slice) {
        work = 0;
        await yieldToHost();
        if (cancelled()) throw new Cancelled();
      }
    }
    runs = next;
  }
  return runs[0] ?? [];
}
