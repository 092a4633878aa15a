// How much of the rows' text a `check` worker keeps in memory before spilling to its temp file (spool.ts). Kept in
// memory, the spool's buffers are transferred to the main thread at the end instead of being written and read back
// (at 100,000 positions ~130 MB a worker); a million positions spill, so the heap never holds them all.
export const WORKER_SPOOL_IN_MEMORY = 256 * 1024 * 1024;
