// The evaluation worker yields the cores to the editor: on a 2-core machine the worker, the extension host, the
// workbench's renderer and the server share them, and the host's tasks measured in wall time included the time the
// scheduler gave our worker instead (Problems parts of 50 diagnostics took 8–44 ms). On Linux a thread's nice value is
// its own (setpriority(2) with a thread id), so the worker's thread is made `nice` and runs at full speed only when
// nothing else wants the core. Elsewhere, or if refused, it runs at the default priority.
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';

/** The nice value of a background evaluation thread (0 is the default, 19 the lowest priority). */
export const WORKER_NICE = 10;

/** This thread's id on Linux (/proc/thread-self links to /proc/<pid>/task/<tid>); null elsewhere. */
export function threadId(): number | null {
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    return Number.isInteger(tid) && tid > 0 ? tid : null;
  } catch {
    return null;
  }
}

/** Lowers the calling thread's scheduling priority; true when it did. */
export function runInBackground(nice = WORKER_NICE): boolean {
  const tid = threadId();
  if (tid === null) return false;
  try {
    setPriority(tid, nice);
    return true;
  } catch {
    return false;
  }
}
