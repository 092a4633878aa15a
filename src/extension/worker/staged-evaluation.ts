// A new file's evaluation in up to three requests (issue 10: a large workspace is listed and counted in the panel long
// before every fix search has run): `list` (its rows as read, no figure computed; only when `list` is set), `preview`
// (its rows before fixes and risk details), then `evaluate`; each early stage is handed to `onStage`. The pool runs lists and previews ahead of waiting
// evaluations (a list joins the priority queue first, so a scan lists every file before it previews them); the worker
// keeps the parse from the list for the preview, and the preview's first stage for the evaluation. One job for the
// queue: cancelling it cancels whichever request is running.
import { Cancelled, type WorkerPool } from './worker-pool';
import type { EvaluationResult, EvaluationSettings, FileInput, PreviewResult } from './worker-protocol';

export type EarlyStage = 'list' | 'preview';

interface Job<R> {
  result: Promise<R>;
  cancel(): void;
}

export function stagedEvaluation(
  pool: WorkerPool, file: FileInput, options: EvaluationSettings, onStage: (stage: EarlyStage, p: PreviewResult) => void, list = true,
): Job<EvaluationResult> {
  let cancelled = false;
  let current: { cancel(): void };
  const next = <R>(running: { result: Promise<R>; cancel(): void }): Promise<R> => {
    current = running;
    return running.result.then((value) => {
      if (cancelled) throw new Cancelled();
      return value;
    });
  };
  const previewed = (): Promise<PreviewResult> => next(pool.preview({ type: 'preview', file, options }));
  const first = list
    ? next(pool.list({ type: 'list', file, options })).then((listed) => {
      onStage('list', listed);
      return previewed();
    })
    : previewed();
  const result = first.then((preview) => {
    onStage('preview', preview);
    return next(pool.evaluate({ type: 'evaluate', file, options }));
  });
  return { result, cancel: () => { cancelled = true; current.cancel(); } };
}
