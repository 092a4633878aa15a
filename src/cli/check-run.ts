// `check` on many files: evaluate them (in parallel when it pays), sort the row records, stream the output.
// One evaluation time for the whole run: --now, else each file's evaluationTime, else the clock read once here.
import { NODE_FS, type FileSystem } from './read-source';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import type { OutputFormat } from './args';
import type { RiskSettings, Status } from '../engine/core/types';
import type { FileReport, Summary } from '../engine/evaluate/report';
import { evaluateFiles, threadsFor, MIN_PARALLEL_BYTES } from './parallel';
import type { FileJob, FileOutcome } from './file-task';
import { compareRecords, type RowRecord } from './row-record';
import { mergeStress } from './stress-parts';
import type { ReportFrame } from './stream-output';
import { writeReport } from './stream-output';
import { OutputSink, type WritableLike } from './output-sink';
import { Progress, type ProgressStream } from './progress';
import { compareAccounts } from '../engine/fix/account-fix';

export interface CheckRequest {
  files: string[];
  jobs: number;
  now?: number;
  clock: number;
  overrides: RiskSettings;
  stress: boolean;
  format: OutputFormat;
  version: string;
  quiet: boolean;
  stdout: WritableLike;
  stderr: ProgressStream;
  log: (s: string) => void;
  /** The confinement root of each checked file. */
  rootOf: (abs: string) => string;
  /** How files are read (tests inject failures); any other than the real one keeps the run in one thread. */
  fs?: FileSystem;
}

export interface CheckResult {
  summary: Summary;
  /** The rows' statuses, sorted as printed (for the exit code). */
  positions: Array<{ status: Status }>;
  /** The files' reports (their diagnostics decide the gate too). */
  files: FileReport[];
}

/** Testing knob: the input size from which workers are used (default MIN_PARALLEL_BYTES). */
function minParallelBytes(): number {
  const v = Number(process.env.LIQUIDATION_LENS_MIN_PARALLEL_BYTES);
  return Number.isFinite(v) && v >= 0 && process.env.LIQUIDATION_LENS_MIN_PARALLEL_BYTES !== '' ? v : MIN_PARALLEL_BYTES;
}

function sizeOf(abs: string): number {
  try {
    return statSync(abs).size;
  } catch {
    return 0;
  }
}

function frameOf(parts: FileOutcome[], req: CheckRequest): ReportFrame {
  const byStatus: Record<Status, number> = { liquidatable: 0, critical: 0, warning: 0, watch: 0, safe: 0, unknown: 0 };
  let positions = 0;
  for (const p of parts) {
    for (const r of p.rows) byStatus[r.status]++;
    positions += p.rows.length;
  }
  const files: FileReport[] = parts.map((p) => p.file!);
  const errors = files.reduce((n, f) => n + f.diagnostics.filter((d) => d.severity === 'error').length, 0);
  const now = req.now ?? parts[0]?.now ?? req.clock;
  const accounts = parts.flatMap((p) => p.accounts ?? []).sort(compareAccounts);
  const frame: ReportFrame = { version: 1, now: new Date(now).toISOString(), files, accounts, summary: { files: parts.length, positions, errors, byStatus } };
  frame.times = Object.fromEntries(parts.map((p) => [p.file!.path, new Date(p.now ?? now).toISOString()]));
  if (req.stress) frame.stress = mergeStress(parts.map((p) => ({ path: p.file!.path, accounts: p.stress ?? [] })));
  return frame;
}

export async function checkFiles(req: CheckRequest): Promise<CheckResult> {
  const jobs: FileJob[] = req.files.map((abs, index) => ({ index, absPath: abs, path: relative(process.cwd(), abs).split(sep).join('/') || abs, root: req.rootOf(abs) }));
  const sizes = req.files.map(sizeOf);
  const bytes = sizes.reduce((a, b) => a + b, 0);
  const threads = req.fs && req.fs !== NODE_FS ? 1 : threadsFor(req.jobs, jobs.length, bytes, minParallelBytes());
  const progress = new Progress(req.stderr, Progress.wanted(req.stderr, req.quiet), jobs.length);
  const tmp = mkdtempSync(join(tmpdir(), 'liquidation-lens-'));
  try {
    if (threads > 1) progress.startTimer();
    const options = { ...(req.now !== undefined ? { now: req.now } : {}), clock: req.clock, overrides: req.overrides, stress: req.stress, format: req.format };
    const { outcomes, spools } = await evaluateFiles(jobs, sizes, options, threads, tmp, (f) => progress.fileDone(f.rows.length), req.fs);
    progress.done();
    for (const o of outcomes) if (o.unreadable) req.log(o.unreadable);
    const parts = outcomes.filter((o) => !o.unreadable);
    const frame = frameOf(parts, req);
    let records: RowRecord[] = [];
    for (const p of parts) {
      for (const r of p.rows) records.push(r);
      p.rows = [];
    }
    records = records.sort(compareRecords);
    try {
      await writeReport(new OutputSink(req.stdout), { format: req.format, frame, records, spools, version: req.version });
    } finally {
      for (const s of spools) s.close();
    }
    return { summary: frame.summary, positions: records, files: frame.files };
  } finally {
    progress.done();
    rmSync(tmp, { recursive: true, force: true });
  }
}
