// Work written as a generator that pauses (yields) between steps of about a millisecond: drained at once when its
// result is needed now, or run with the host's event loop turning between steps (no long extension-host task).

export type Steps<T> = Generator<void, T>;

/** One turn of the host's event loop (its other tasks run before the next step). */
export const yieldToHost = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Runs every step at once. */
export function drain<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** Runs steps until they are done or `deadline` (performance.now() ms) has passed: the last step's result. */
export function runUntil<T>(steps: Steps<T>, deadline: number): IteratorResult<void, T> {
  for (;;) {
    const r = steps.next();
    if (r.done || performance.now() >= deadline) return r;
  }
}

/** Runs the steps with `pause` awaited between them (it may throw to stop them, e.g. when cancelled). */
export async function stepped<T>(steps: Steps<T>, pause: () => Promise<void>): Promise<T> {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    await pause();
  }
}
