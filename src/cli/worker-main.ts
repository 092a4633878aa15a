// Entry of dist/cli-worker.js: evaluates the files the main thread sends, one at a time, into this worker's spool, and
// hands the spool over at the end (its buffers transferred while it stayed in memory, else its file).
import { parentPort, workerData } from 'node:worker_threads';
import { historyReader, runFile, type FileJob, type TaskOptions } from './file-task';
import { Spool } from './spool';
import { WORKER_SPOOL_IN_MEMORY } from './parallel-limits';

export interface WorkerInit {
  options: TaskOptions;
  spoolId: number;
  spoolPath: string;
}

const init = workerData as WorkerInit;
const spool = new Spool(init.spoolId, init.spoolPath, WORKER_SPOOL_IN_MEMORY);
const readHistory = historyReader();
const port = parentPort!;

port.on('message', (job: FileJob | null) => {
  if (job === null) {
    const handover = spool.handOver();
    port.postMessage({ spool: handover }, 'chunks' in handover ? handover.chunks.map((c) => c.buffer as ArrayBuffer) : []);
    port.close();
    return;
  }
  try {
    port.postMessage({ outcome: runFile(job, init.options, spool, readHistory) });
  } catch (e) {
    port.postMessage({ error: (e as Error)?.stack ?? String(e), index: job.index });
  }
});
