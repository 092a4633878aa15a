// Spreads the files of one `check` over worker threads (largest first, next file to the first free worker), or
// evaluates them in this thread when that is cheaper: one file, one job, or too little input to repay a worker's
// start. The outcome is the same either way: results are kept by file index, never by arrival.
import { NODE_FS, type FileSystem } from './read-source';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { historyReader, runFile, type FileJob, type FileOutcome, type TaskOptions } from './file-task';
import { Spool, type SpoolHandover } from './spool';
import type { WorkerInit } from './worker-main';
import { WORKER_YOUNG_GENERATION_MB } from '../engine/core/limits';

/** Below this much input a worker's start (~50–100 ms: a thread plus the engine bundle) costs more than it saves. */
export const MIN_PARALLEL_BYTES = 256 * 1024;
/** The main thread's spool stays in memory up to this, then spills to a temp file. */
const SPILL_AT = 64 * 1024 * 1024;

export const workerScript = (): string => join(__dirname, 'cli-worker.js');

export function threadsFor(jobs: number, files: number, bytes: number, minBytes = MIN_PARALLEL_BYTES): number {
  if (jobs <= 1 || files <= 1 || bytes < minBytes || !existsSync(workerScript())) return 1;
  return Math.min(jobs, files);
}

export interface Evaluation {
  outcomes: FileOutcome[];
  spools: Spool[];
}

export async function evaluateFiles(
  jobs: FileJob[], sizes: number[], o: TaskOptions, threads: number, tmp: string, onFile: (f: FileOutcome) => void, fs: FileSystem = NODE_FS,
): Promise<Evaluation> {
  if (threads <= 1) {
    const spool = new Spool(0, join(tmp, 'spool-0'), SPILL_AT);
    const read = historyReader();
    const outcomes = jobs.map((j) => {
      const f = runFile(j, o, spool, read, fs);
      onFile(f);
      return f;
    });
    return { outcomes, spools: [spool] };
  }
  const queue = [...jobs].sort((a, b) => sizes[b.index]! - sizes[a.index]! || a.index - b.index);
  const outcomes: FileOutcome[] = new Array(jobs.length);
  const paths = Array.from({ length: threads }, (_, i) => join(tmp, `spool-${i + 1}`));
  const workers: Worker[] = [];
  const handovers: Array<SpoolHandover | undefined> = new Array(threads);
  try {
    await Promise.all(paths.map((spoolPath, i) => new Promise<void>((resolve, reject) => {
      const init: WorkerInit = { options: o, spoolId: i + 1, spoolPath };
      // A larger young generation: the engine allocates many short-lived Decimals, and the default semi-space makes
      // scavenges a fifth of a worker's time (issue 10 profile).
      const w = new Worker(workerScript(), { workerData: init, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } });
      workers.push(w);
      let finished = false;
      const next = (): void => {
        const job = queue.shift();
        if (job) w.postMessage(job);
        else {
          finished = true;
          w.postMessage(null);
        }
      };
      w.on('message', (m: { outcome?: FileOutcome; error?: string; index?: number; spool?: SpoolHandover }) => {
        if (m.error !== undefined) return reject(new Error(`worker failed on file #${m.index}: ${m.error}`));
        if (m.spool) {
          handovers[i] = m.spool;
          return;
        }
        outcomes[m.outcome!.index] = m.outcome!;
        onFile(m.outcome!);
        next();
      });
      w.on('error', reject);
      w.on('exit', (code) => (finished && code === 0 && handovers[i] ? resolve() : reject(new Error(`worker exited early (code ${code})`))));
      next();
    })));
  } catch (e) {
    await Promise.all(workers.map((w) => w.terminate()));
    throw e;
  }
  return { outcomes, spools: [new Spool(0, join(tmp, 'spool-0'), SPILL_AT), ...paths.map((p, i) => Spool.received(i + 1, p, handovers[i]!))] };
}
