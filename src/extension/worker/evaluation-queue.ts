// The per-file work queue between edits and the worker: coalesced (one pending text per file, the newest wins), so
// its size is bounded by the number of files, whatever the rate of changes; debounced with a maximum wait (a file
// rewritten 20 times a second is still evaluated about every `maxWaitMs`); one evaluation per file at a time. A new
// text cancels the file's running evaluation unless that one has already run longer than `maxWaitMs` (then it is
// let finish and the newest text follows at once), so a file rewritten without pause still shows results. Pure: the
// runner and the clock are injected (tests drive it with fake timers and an in-process engine).

export interface Timers {
  now(): number;
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export const realTimers: Timers = {
  now: () => Date.now(),
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export interface Job<R> {
  result: Promise<R>;
  cancel(): void;
}

export interface QueueOptions {
  debounceMs?: number;
  maxWaitMs?: number;
  timers?: Timers;
}

interface FileState<I, R> {
  pending: I | undefined;
  firstChangeAt: number;
  timer: unknown;
  due: boolean;
  running: { job: Job<R>; input: I; startedAt: number } | undefined;
}

export type Outcome<R> = { ok: true; value: R } | { ok: false; error: Error };

export class EvaluationQueue<I, R> {
  private readonly files = new Map<string, FileState<I, R>>();
  private readonly debounceMs: number;
  private readonly maxWaitMs: number;
  private readonly timers: Timers;
  /** Evaluations started, cancelled, completed (for tests and logs). */
  readonly stats = { started: 0, cancelled: 0, completed: 0 };

  constructor(
    private readonly run: (key: string, input: I) => Job<R>,
    private readonly onDone: (key: string, input: I, outcome: Outcome<R>) => void,
    private readonly onBusy: (key: string, busy: boolean) => void = () => undefined,
    options: QueueOptions = {},
  ) {
    this.debounceMs = options.debounceMs ?? 300;
    this.maxWaitMs = options.maxWaitMs ?? 1000;
    this.timers = options.timers ?? realTimers;
  }

  /** A new text for `key`; `immediate` skips the debounce (saves, scans, refresh). */
  change(key: string, input: I, immediate = false): void {
    let s = this.files.get(key);
    if (!s) {
      s = { pending: undefined, firstChangeAt: 0, timer: undefined, due: false, running: undefined };
      this.files.set(key, s);
    }
    const wasBusy = this.isBusy(key);
    const now = this.timers.now();
    if (s.pending === undefined) s.firstChangeAt = now;
    s.pending = input;
    if (s.timer !== undefined) this.timers.clear(s.timer);
    s.timer = undefined;
    const delay = immediate ? 0 : Math.max(0, Math.min(this.debounceMs, s.firstChangeAt + this.maxWaitMs - now));
    if (delay === 0) this.fire(key, s);
    else s.timer = this.timers.set(() => this.fire(key, s!), delay);
    if (!wasBusy) this.onBusy(key, true);
  }

  /** Forgets `key`: its pending text is dropped and its running evaluation cancelled. */
  remove(key: string): void {
    const s = this.files.get(key);
    if (!s) return;
    if (s.timer !== undefined) this.timers.clear(s.timer);
    if (s.running) {
      s.running.job.cancel();
      this.stats.cancelled++;
    }
    this.files.delete(key);
  }

  isBusy(key: string): boolean {
    const s = this.files.get(key);
    return !!s && (s.pending !== undefined || s.running !== undefined);
  }

  /** Files with a pending or running evaluation. */
  busyCount(): number {
    let n = 0;
    for (const k of this.files.keys()) if (this.isBusy(k)) n++;
    return n;
  }

  /** Number of pending texts (never more than the number of files). */
  pendingCount(): number {
    let n = 0;
    for (const s of this.files.values()) if (s.pending !== undefined) n++;
    return n;
  }

  idle(): boolean {
    return this.busyCount() === 0;
  }

  dispose(): void {
    for (const key of [...this.files.keys()]) this.remove(key);
  }

  private fire(key: string, s: FileState<I, R>): void {
    s.timer = undefined;
    if (this.files.get(key) !== s || s.pending === undefined) return;
    if (s.running) {
      if (this.timers.now() - s.running.startedAt >= this.maxWaitMs) {
        s.due = true; // let the long one finish; start the newest text right after it
        return;
      }
      s.running.job.cancel();
      this.stats.cancelled++;
      s.running = undefined;
    }
    this.start(key, s);
  }

  private start(key: string, s: FileState<I, R>): void {
    const input = s.pending as I;
    s.pending = undefined;
    s.due = false;
    const job = this.run(key, input);
    const running = { job, input, startedAt: this.timers.now() };
    s.running = running;
    this.stats.started++;
    job.result.then(
      (value) => this.settle(key, s, running, { ok: true, value }),
      (error: Error) => this.settle(key, s, running, { ok: false, error }),
    );
  }

  private settle(key: string, s: FileState<I, R>, running: NonNullable<FileState<I, R>['running']>, outcome: Outcome<R>): void {
    if (this.files.get(key) !== s || s.running !== running) return; // cancelled or removed: a newer text owns the file
    s.running = undefined;
    if (!outcome.ok && outcome.error.message === 'cancelled') return;
    this.stats.completed++;
    if (s.pending !== undefined && s.due) this.start(key, s);
    try {
      this.onDone(key, running.input, outcome);
    } finally {
      if (!this.isBusy(key)) this.onBusy(key, false);
    }
  }
}
