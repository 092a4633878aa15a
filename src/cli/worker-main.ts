// Entry of dist/cli-worker.js: evaluates the files the main thread sends, one at a time, into this worker's spool.
import { parentPort, workerData } from 'node:worker_threads';
import { historyReader, runFile, type FileJob, type TaskOptions } from './file-task';
import { Spool } from './spool';

export interface WorkerInit {
  options: TaskOptions;
  spoolId: number;
  spoolPath: string;
}

const init = workerData as WorkerInit;
const spool = new Spool(init.spoolId, init.spoolPath, 0);
const readHistory = historyReader();
const port = parentPort!;

port.on('message', (job: FileJob | null) => {
  if (job === null) {
    spool.close();
    port.close();
    return;
  }
  try {
    port.postMessage({ outcome: runFile(job, init.options, spool, readHistory) });
  } catch (e) {
    port.postMessage({ error: (e as Error)?.stack ?? String(e), index: job.index });
  }
});
