// One file's share of `check`, the same in the main thread and in a worker: read, evaluate, serialise each row once
// into the spool, and hand back small records (sort keys, counts, the file's diagnostics, its stress parts).
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { readBounded } from '../engine/core/limits';
import { evaluateFile } from '../engine/evaluate/evaluate-file';
import { HistoryCache } from '../engine/evaluate/volatility-source';
import type { AccountReport, FileReport } from '../engine/evaluate/report';
import type { RiskSettings } from '../engine/core/types';
import type { OutputFormat } from './args';
import { NODE_FS, readSource, type FileSystem } from './read-source';
import { recordOf, rowText, type RowRecord } from './row-record';
import { accountStress, type AccountStress } from './stress-parts';
import type { Spool } from './spool';

export interface TaskOptions {
  /** --now, in Unix ms. */
  now?: number;
  /** The clock, read once by the main thread for every file and worker. */
  clock: number;
  overrides: RiskSettings;
  stress: boolean;
  format: OutputFormat;
}

export interface FileJob {
  index: number;
  absPath: string;
  /** As printed: relative to the working directory, with `/`. */
  path: string;
  /** The folder its `history:` paths must stay inside (--root, else the working directory or the checked folder). */
  root: string;
}

export interface FileOutcome {
  index: number;
  /** Set when the file could not be read: it is then left out of the report, as before. */
  unreadable?: string;
  file?: FileReport;
  now?: number;
  rows: RowRecord[];
  /** The file's cross accounts (docs/results.md §2.4). */
  accounts?: AccountReport[];
  stress?: AccountStress[];
}

/** History files are read once per thread; each position file gets its own HistoryCache so that its diagnostics
 *  (an unreadable or malformed history file) do not depend on which other files share the run or the worker. */
export function historyReader(): (absPath: string) => string | undefined {
  const texts = new Map<string, string | undefined>();
  return (absPath) => {
    if (!texts.has(absPath)) {
      texts.set(absPath, readBounded(() => statSync(absPath), () => readFileSync(absPath, 'utf8')));
    }
    return texts.get(absPath);
  };
}

function realpathOrUndefined(p: string): string | undefined {
  try {
    return realpathSync.native(p);
  } catch {
    return undefined;
  }
}

export function runFile(job: FileJob, o: TaskOptions, spool: Spool, readHistory: (p: string) => string | undefined, fs: FileSystem = NODE_FS): FileOutcome {
  const read = readSource(job.absPath, fs);
  if ('error' in read) return { index: job.index, unreadable: `skipped ${job.absPath}: cannot read it (${read.error})`, rows: [] };
  const ev = evaluateFile(
    { path: job.path, absPath: job.absPath, text: '', ...('bytes' in read ? { bytes: read.bytes } : { unread: read.unread }), root: job.root },
    { ...(o.now !== undefined ? { now: o.now } : {}), clock: o.clock, overrides: o.overrides, historyCache: new HistoryCache(readHistory), realpath: realpathOrUndefined },
  );
  const rows: RowRecord[] = [];
  const texts: string[] = [];
  ev.rows.forEach((row, i) => {
    const rec = recordOf(row, job.index, i);
    const text = rowText(row, o.format);
    if (text !== null) {
      rec.spool = spool.id;
      texts.push(text);
    }
    rows.push(rec);
  });
  const refs = spool.append(texts);
  let k = 0;
  for (const rec of rows) {
    if (rec.spool === -1) continue;
    rec.offset = refs[k++]!;
    rec.length = refs[k++]!;
  }
  const out: FileOutcome = { index: job.index, file: ev.file, now: ev.now, rows, accounts: ev.accounts ?? [] };
  if (o.stress) out.stress = accountStress(ev.parsed?.accounts ?? []);
  return out;
}
