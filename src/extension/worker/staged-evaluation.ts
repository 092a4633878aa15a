// A new file's evaluation in two requests (issue 10: a large workspace is counted in the panel long before every fix
// search has run): `preview` (its rows before fixes and risk details, handed to `onPreview`), then `evaluate`. The
// pool runs previews ahead of waiting evaluations, so a scan's rows are all shown before its fix searches; a worker
// that ran a file's preview completes that first stage instead of starting over. One job for the queue: cancelling
// it cancels whichever request is running.
import { Cancelled, type WorkerPool } from './worker-pool';
import type { EvaluationResult, EvaluationSettings, FileInput, PreviewResult } from './worker-protocol';

interface Job<R> {
  result: Promise<R>;
  cancel(): void;
}

export function stagedEvaluation(pool: WorkerPool, file: FileInput, options: EvaluationSettings, onPreview: (p: PreviewResult) => void): Job<EvaluationResult> {
  let cancelled = false;
  const first = pool.preview({ type: 'preview', file, options });
  let current: { cancel(): void } = first;
  const result = first.result.then((preview) => {
    if (cancelled) throw new Cancelled();
    onPreview(preview);
    const full = pool.evaluate({ type: 'evaluate', file, options });
    current = full;
    return full.result;
  });
  return { result, cancel: () => { cancelled = true; current.cancel(); } };
}
