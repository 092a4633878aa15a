// A worker's evaluation made ready for the host's indexes without a long task on the extension host: the rows'
// index entries are built in slices, yielding to the event loop between them (a 20,000-row file would otherwise
// hold the host for hundreds of ms). Cancelling the job also stops the slicing.
import { makeEntry, type RowEntry } from '../panel/row-entry';
import { Cancelled } from './worker-pool';
import type { EvaluationResult } from './worker-protocol';

export interface PreparedResult extends EvaluationResult {
  entries: RowEntry[];
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
  const result = job.result.then(async (value) => {
    const entries: RowEntry[] = [];
    for (let i = 0; i < value.rows.length; i += slice) {
      if (i > 0) await yieldToHost();
      if (cancelled) throw new Cancelled();
      const end = Math.min(value.rows.length, i + slice);
      for (let j = i; j < end; j++) entries.push(makeEntry(key, value.rows[j]!, value.sigs[j] ?? ''));
    }
    return { ...value, entries };
  });
  return { result, cancel: () => { cancelled = true; job.cancel(); } };
}
