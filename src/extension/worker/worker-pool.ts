// A small pool of evaluation workers (worker_threads). Each worker runs one request at a time; requests wait in a
// ranked queue (what a user waits for, then listings, previews, evaluations: Rank); a worker is handed its next listing
// while it still runs a request. A request can be cancelled: waiting, it is dropped; running, its worker is terminated
// and replaced (the engine is synchronous, so termination is the only way to stop it). A crash (an exception escaping
// the worker, an exit) or a request running past its wall-clock guard rejects that request
// with a WorkerFailure and replaces the worker: the extension never dies with it. No vscode import: unit-tested with
// the real bundle.
import { Worker } from 'node:worker_threads';
import { measured, recordEvent } from '../host-stats';
import type { EvaluationResult, FixPlanResult, PreviewResult, WorkerRequest, WorkerResponse } from './worker-protocol';
import type { ChunkText } from './row-chunks';
import type { StressReport } from '../../engine/evaluate/report';
import type { WhatIfOutcome } from '../../engine/evaluate/what-if';
import { WORKER_YOUNG_GENERATION_MB } from '../../engine/core/limits';

export class WorkerFailure extends Error {
  constructor(readonly reason: 'crash' | 'timeout' | 'failed', message: string) {
    super(message);
  }
}

export class Cancelled extends Error {
  constructor() {
    super('cancelled');
  }
}

export interface PoolOptions {
  /** Path of dist/extension-worker.js. */
  script: string;
  size?: number;
  /** Wall-clock guard of one request, in ms (default: 60 s plus 1 s per 10,000 characters of text). */
  guardMs?: (req: WorkerRequest) => number;
  testHooks?: boolean;
  onLog?: (message: string) => void;
}

/** A request in flight: its result, and a way to stop it. */
export interface Running<T> {
  readonly id: number;
  readonly result: Promise<T>;
  cancel(): void;
}

/**
 * The queue's order: what a user waits for (fix plans, what-if, stress, test hooks), then listings (a scan is listed
 * before anything is priced), previews (priced before any fix search), evaluations; first come first served within one.
 */
const Rank = { asked: 0, list: 1, preview: 2, evaluate: 3 } as const;

type Payload = WorkerRequest extends infer R ? (R extends WorkerRequest ? Omit<R, 'id'> : never) : never;

interface Job {
  id: number;
  req: WorkerRequest;
  /** Its place in the queue (Rank): it waits behind every job of its rank or lower. */
  rank: number;
  /** The result's rows as JSON chunks, as they arrive. */
  chunks: ChunkText[];
  resolve(value: unknown): void;
  reject(err: Error): void;
  slot?: Slot;
  timer?: ReturnType<typeof setTimeout>;
  /** When it was handed to a worker (performance.now()), for the host stats. */
  started?: number;
}

interface Slot {
  worker: Worker | undefined;
  job: Job | undefined;
  /**
   * A listing already handed to the worker behind `job`, so it runs without a round trip through the host (a listing
   * takes ~2 ms for 100 positions, the round trip ~20 ms on a busy host). Cancelled, it is dropped here and its answer
   * ignored; if `job` is cancelled or fails, the worker is replaced and this listing waits again.
   */
  next: Job | undefined;
}

/**
 * Workers for a machine of `cores`: one fewer than the cores (the host thread, the workbench and V8's GC helper threads
 * keep one), at least one, at most four. Measured on 2 cores: a second worker made 30,000 positions only ~5 % faster
 * (each worker ~30 % slower with the other running) while the host competed for the cores.
 */
export function workerCount(cores: number): number {
  return Math.max(1, Math.min(4, cores - 1));
}

export function defaultGuardMs(req: WorkerRequest): number {
  const chars = req.type === 'stress' ? req.files.reduce((n, f) => n + f.text.length, 0) : 'file' in req ? req.file.text.length : 0;
  // Generous: the deterministic work budget is the real limit; this only catches a hang (a busy 2-core machine
  // evaluates a 3 MB, 20,000-position file in 60–170 s).
  return 60_000 + Math.round(chars / 10);
}

export class WorkerPool {
  private readonly slots: Slot[];
  private readonly waiting: Job[] = [];
  private nextId = 1;
  private disposed = false;
  /** Workers started so far (restarts included), for tests and logs. */
  started = 0;

  constructor(private readonly options: PoolOptions) {
    this.slots = Array.from({ length: Math.max(1, options.size ?? 1) }, () => ({ worker: undefined, job: undefined, next: undefined }));
  }

  get size(): number {
    return this.slots.length;
  }

  /** Requests waiting or running. */
  get load(): number {
    return this.waiting.length + this.slots.filter((s) => s.job).length + this.slots.filter((s) => s.next).length;
  }

  evaluate(req: Extract<Payload, { type: 'evaluate' }>): Running<EvaluationResult> {
    return this.submit(req, Rank.evaluate);
  }

  /**
   * A file's first-stage rows (no fixes or risk details); an `evaluate` of the same text that follows completes them.
   * Ahead of waiting evaluations (a fraction of their cost), so a workspace's rows are all shown before its fix searches.
   */
  preview(req: Extract<Payload, { type: 'preview' }>): Running<PreviewResult> {
    return this.submit(req, Rank.preview);
  }

  /** A file's rows as read (no figure computed yet): ahead of waiting previews, so a workspace is listed first. */
  list(req: Extract<Payload, { type: 'list' }>): Running<PreviewResult> {
    return this.submit(req, Rank.list);
  }

  plan(req: Extract<Payload, { type: 'plan' }>): Running<FixPlanResult> {
    return this.submit(req, Rank.asked);
  }

  planAccount(req: Extract<Payload, { type: 'planAccount' }>): Running<FixPlanResult> {
    return this.submit(req, Rank.asked);
  }

  stress(req: Extract<Payload, { type: 'stress' }>): Running<StressReport> {
    return this.submit(req, Rank.asked);
  }

  whatIf(req: Extract<Payload, { type: 'whatIf' }>): Running<WhatIfOutcome> {
    return this.submit(req, Rank.asked);
  }

  /** Starts the idle slots' workers now (activation: the bundle loads while the workspace is being searched). */
  warm(): void {
    if (this.disposed) return;
    for (const s of this.slots) if (!s.worker) this.spawn(s);
  }

  forget(key: string): void {
    // Caches are per worker: tell each live one (best effort, not awaited).
    for (const s of this.slots) s.worker?.postMessage({ type: 'forget', id: 0, key } satisfies WorkerRequest);
  }

  debug(action: 'crash' | 'hang' | 'exit'): Running<void> {
    return this.submit({ type: 'debug', action }, Rank.asked);
  }

  dispose(): void {
    this.disposed = true;
    for (const job of this.waiting.splice(0)) job.reject(new Cancelled());
    for (const s of this.slots) {
      s.next?.reject(new Cancelled());
      s.next = undefined;
      if (s.job) this.finish(s.job, new Cancelled());
      void s.worker?.terminate();
      s.worker = undefined;
    }
  }

  private submit<T>(payload: Payload, rank: number): Running<T> {
    const id = this.nextId++;
    let job!: Job;
    const result = new Promise<T>((resolve, reject) => {
      job = { id, req: { ...payload, id } as WorkerRequest, rank, chunks: [], resolve: resolve as (v: unknown) => void, reject };
    });
    result.catch(() => undefined); // a cancelled request nobody awaits is not an unhandled rejection
    if (this.disposed) job.reject(new Cancelled());
    else {
      const at = this.waiting.findIndex((j) => j.rank > rank);
      this.waiting.splice(at < 0 ? this.waiting.length : at, 0, job);
      this.pump();
    }
    return { id, result, cancel: () => this.cancel(job) };
  }

  private cancel(job: Job): void {
    const at = this.waiting.indexOf(job);
    if (at >= 0) {
      this.waiting.splice(at, 1);
      job.reject(new Cancelled());
      return;
    }
    const slot = job.slot;
    if (slot && slot.next === job) {
      slot.next = undefined; // the worker still runs it (a few ms); its answer has no job to land on
      job.reject(new Cancelled());
      return;
    }
    if (!slot || slot.job !== job) return;
    this.finish(job, new Cancelled());
    this.replace(slot);
    this.pump();
  }

  private pump(): void {
    if (this.disposed) return;
    for (const slot of this.slots) {
      if (!slot.job && this.waiting.length) {
        const job = this.waiting.shift()!;
        job.slot = slot;
        (slot.worker ?? this.spawn(slot)).postMessage(job.req);
        this.run(slot, job);
      }
      if (slot.job && !slot.next && slot.worker && this.waiting[0]?.req.type === 'list') {
        const job = this.waiting.shift()!;
        job.slot = slot;
        slot.next = job;
        slot.worker.postMessage(job.req);
      }
    }
  }

  /** `job` (already posted to the slot's worker) is the one it runs now: its guard starts. */
  private run(slot: Slot, job: Job): void {
    slot.job = job;
    job.started = performance.now();
    recordEvent('job start', { type: job.req.type, waiting: this.waiting.length });
    job.timer = setTimeout(() => this.fail(slot, job, 'timeout', `the evaluation did not finish within ${Math.round(this.guard(job.req) / 1000)} s`), this.guard(job.req));
  }

  private guard(req: WorkerRequest): number {
    return (this.options.guardMs ?? defaultGuardMs)(req);
  }

  private spawn(slot: Slot): Worker {
    const worker = new Worker(this.options.script, { workerData: { testHooks: this.options.testHooks === true }, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } });
    this.started++;
    slot.worker = worker;
    worker.on('message', (msg: WorkerResponse) => measured(`worker message ${msg.type}`, () => this.onMessage(slot, worker, msg)));
    worker.on('error', (err) => {
      if (slot.worker === worker && slot.job) this.fail(slot, slot.job, 'crash', `the evaluation worker crashed: ${err.message}`);
    });
    worker.on('exit', (code) => {
      if (slot.worker !== worker) return;
      slot.worker = undefined;
      if (slot.job) this.fail(slot, slot.job, 'crash', `the evaluation worker exited (code ${code})`);
    });
    worker.unref();
    return worker;
  }

  /** Terminates the slot's worker (a listing handed to it ahead waits again, first); a new one starts with the next request. */
  private replace(slot: Slot): void {
    if (slot.next) {
      slot.next.slot = undefined;
      this.waiting.unshift(slot.next);
      slot.next = undefined;
    }
    const old = slot.worker;
    slot.worker = undefined;
    if (old) void old.terminate();
  }

  private fail(slot: Slot, job: Job, reason: 'crash' | 'timeout', message: string): void {
    if (slot.job !== job) return;
    this.options.onLog?.(`worker request ${job.req.type} #${job.id}: ${message}; restarting the worker`);
    this.finish(job, new WorkerFailure(reason, message));
    this.replace(slot);
    this.pump();
  }

  private finish(job: Job, outcome: Error | { value: unknown }): void {
    if (job.timer) clearTimeout(job.timer);
    if (job.started !== undefined) recordEvent('job end', { type: job.req.type, ms: Math.round(performance.now() - job.started), ...(outcome instanceof Error ? { error: outcome.name } : {}) });
    const slot = job.slot;
    if (slot && slot.job === job) slot.job = undefined;
    if (outcome instanceof Error) job.reject(outcome);
    else job.resolve(outcome.value);
  }

  private onMessage(slot: Slot, worker: Worker, msg: WorkerResponse): void {
    if (slot.worker !== worker) return;
    const job = slot.job;
    if (!job || job.id !== msg.id) return;
    switch (msg.type) {
      case 'rows':
        job.chunks.push(msg.chunk);
        return;
      case 'previewed':
        recordEvent('worker time', { type: job.req.type, ms: Math.round(msg.ms) });
        this.finish(job, { value: { chunks: job.chunks, sigs: msg.sigs } });
        break;
      case 'evaluated':
        recordEvent('worker time', { type: 'evaluate', ms: Math.round(msg.result.ms) });
        this.finish(job, { value: { ...msg.result, chunks: job.chunks } });
        break;
      case 'planned':
        this.finish(job, { value: msg.result });
        break;
      case 'stressed':
        this.finish(job, { value: msg.report });
        break;
      case 'whatIfDone':
        this.finish(job, { value: msg.result });
        break;
      case 'done':
        this.finish(job, { value: undefined });
        break;
      case 'failed':
        this.finish(job, new WorkerFailure('failed', msg.message));
        break;
    }
    // the listing handed over ahead is what the worker runs now
    if (!slot.job && slot.next) {
      const next = slot.next;
      slot.next = undefined;
      this.run(slot, next);
    }
    this.pump();
  }
}
