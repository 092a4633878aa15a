// The evaluation worker (bundled as dist/extension-worker.js, run in a worker_threads Worker by worker-pool.ts): the
// engine off the extension host's thread. One request at a time; the parse of each file is cached with its text, so
// re-ageing an unpinned file on a timer (same text, new clock) does not parse it again.
import { parentPort, workerData } from 'node:worker_threads';
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { readBounded } from '../../engine/core/limits';
import { dirname } from 'node:path';
import { internalError } from '../../engine/core/diagnostics';
import { parseFile } from '../../engine/parse';
import { evaluateParsed, type FileEvaluation } from '../../engine/evaluate/evaluate-file';
import { listedRows } from '../../engine/evaluate/listed-rows';
import { whatIf } from '../../engine/evaluate/what-if';
import { historyPaths } from '../../engine/evaluate/history-refs';
import { resolveSettings } from '../../engine/core/settings';
import { stressTest } from '../../engine/stress/stress-test';
import type { ParsedFile } from '../../engine/core/types';
import { planAccountFix, planFix } from '../fixes';
import type { EvaluationSettings, FileInput, WorkerRequest, WorkerResponse } from './worker-protocol';
import { signatureOf } from './row-signature';
import { encodeChunks, rowText } from './row-chunks';
import { warmUp } from './warm-up';
import { runInBackground } from './background-priority';

interface CachedParse {
  text: string;
  venue: string | undefined;
  parsed: ParsedFile | null;
  error: string | null;
}

interface CachedEvaluation {
  text: string;
  optionsSig: string;
  evaluation: FileEvaluation;
}

const MAX_CACHED = 5000;
const parses = new Map<string, CachedParse>();
const evaluations = new Map<string, CachedEvaluation>();
const testHooks = (workerData as { testHooks?: boolean } | null)?.testHooks === true;

function realpathOrUndefined(p: string): string | undefined {
  try {
    return realpathSync.native(p);
  } catch {
    return undefined;
  }
}

function readHistory(absPath: string): string | undefined {
  return readBounded(() => statSync(absPath), () => readFileSync(absPath, 'utf8'));
}

function remember<V>(map: Map<string, V>, key: string, value: V): void {
  map.delete(key);
  map.set(key, value);
  if (map.size > MAX_CACHED) map.delete(map.keys().next().value as string);
}

function parseOf(file: FileInput, options: EvaluationSettings): { parsed: ParsedFile | null; error: string | null; reused: boolean } {
  // The reader's own inputs (default venue, taker fees) key the cached parse with the text.
  const venue = JSON.stringify([options.defaultVenue ?? null, options.settings.takerFees ?? null]);
  const hit = parses.get(file.key);
  if (hit && hit.text === file.text && hit.venue === venue) return { parsed: hit.parsed, error: hit.error, reused: true };
  let parsed: ParsedFile | null = null;
  let error: string | null = null;
  try {
    const takerFees = options.settings.takerFees;
    parsed = parseFile(file.path, file.text, { ...(options.defaultVenue ? { defaultVenue: options.defaultVenue } : {}), ...(takerFees && Object.keys(takerFees).length ? { takerFees } : {}) });
  } catch (e) {
    error = e instanceof Error ? e.message : String(e);
  }
  remember(parses, file.key, { text: file.text, venue, parsed, error });
  return { parsed, error, reused: false };
}

function evalOptionsOf(options: EvaluationSettings) {
  return { settings: options.settings, ...(options.overrides ? { overrides: options.overrides } : {}), readFile: readHistory, realpath: realpathOrUndefined, ...(options.defaultVenue ? { defaultVenue: options.defaultVenue } : {}) };
}

/**
 * Sends the rows as JSON chunks (row-chunks.ts); returns their signatures, hashed from the same JSON — empty for a
 * listing, whose rows the host replaces whole with the preview's (an empty signature counts as changed).
 */
function sendRows(id: number, evaluation: FileEvaluation, sign = true): string[] {
  const texts = evaluation.rows.map(rowText);
  for (const chunk of encodeChunks(evaluation.rows, texts, evaluation.riskInputs)) post({ type: 'rows', id, chunk });
  return sign ? texts.map((t) => signatureOf(t.head, t.details)) : texts.map(() => '');
}

/** A first stage kept for the `evaluate` that follows its `preview` (same text and settings). */
interface CachedPreview {
  text: string;
  optionsSig: string;
  first: FileEvaluation;
  reused: boolean;
}

const firstStages = new Map<string, CachedPreview>();

function preview(file: FileInput, options: EvaluationSettings): FileEvaluation {
  const { parsed, error, reused } = parseOf(file, options);
  if (!parsed) return failed(file, error);
  const first = evaluateParsed(file, parsed, [], { ...evalOptionsOf(options), preview: true });
  if (first.complete) remember(firstStages, file.key, { text: file.text, optionsSig: JSON.stringify(options), first, reused });
  return first;
}

/** The file as read (its parse is kept for the preview that follows): rows without any computed figure. */
function list(file: FileInput, options: EvaluationSettings): FileEvaluation {
  const { parsed, error } = parseOf(file, options);
  if (!parsed) return failed(file, error);
  const horizon = resolveSettings(options.settings, parsed.risk, options.overrides).horizon;
  return { file: { path: file.path, dialect: parsed.dialect, format: parsed.format, venue: parsed.venue, diagnostics: [] }, rows: listedRows(file.path, parsed, horizon), parsed, now: Date.now() };
}

function failed(file: FileInput, error: string | null): FileEvaluation {
  return { file: { path: file.path, dialect: null, format: null, venue: null, diagnostics: [internalError('read', error)] }, rows: [], parsed: null, now: Date.now() };
}

/** The full evaluation: the kept first stage completed when this text's preview ran here, else both stages at once. */
function evaluate(file: FileInput, options: EvaluationSettings): { evaluation: FileEvaluation; reused: boolean } {
  const optionsSig = JSON.stringify(options);
  const staged = firstStages.get(file.key);
  firstStages.delete(file.key);
  let result: { evaluation: FileEvaluation; reused: boolean };
  if (staged && staged.text === file.text && staged.optionsSig === optionsSig) {
    result = { evaluation: staged.first.complete!(), reused: staged.reused };
  } else {
    const { parsed, error, reused } = parseOf(file, options);
    result = { evaluation: parsed ? evaluateParsed(file, parsed, [], evalOptionsOf(options)) : failed(file, error), reused };
  }
  remember(evaluations, file.key, { text: file.text, optionsSig, evaluation: result.evaluation });
  return result;
}

/** The last evaluation of exactly this text and settings (fixes are offsets into it), else a new one. */
function evaluationOf(file: FileInput, options: EvaluationSettings): FileEvaluation {
  const hit = evaluations.get(file.key);
  if (hit && hit.text === file.text && hit.optionsSig === JSON.stringify(options)) return hit.evaluation;
  return evaluate(file, options).evaluation;
}

function post(msg: WorkerResponse): void {
  parentPort!.postMessage(msg);
}

function handle(req: WorkerRequest): void {
  switch (req.type) {
    case 'evaluate': {
      const t0 = performance.now();
      const { evaluation, reused } = evaluate(req.file, req.options);
      const sigs = sendRows(req.id, evaluation);
      const effective = resolveSettings(req.options.settings, evaluation.parsed?.risk, req.options.overrides);
      post({
        type: 'evaluated', id: req.id,
        result: {
          file: evaluation.file, sigs, now: evaluation.now, pinned: typeof effective.evaluationTime === 'number',
          risk: evaluation.parsed?.risk ?? {}, historyPaths: historyPaths(evaluation.parsed, req.file.absPath, req.file.root ?? dirname(req.file.absPath), realpathOrUndefined),
          ms: performance.now() - t0, reusedParse: reused, ...(evaluation.accounts?.length ? { accounts: evaluation.accounts } : {}),
        },
      });
      return;
    }
    case 'list':
    case 'preview': {
      const t0 = performance.now();
      const first = req.type === 'list' ? list(req.file, req.options) : preview(req.file, req.options);
      const sigs = sendRows(req.id, first, req.type === 'preview');
      post({ type: 'previewed', id: req.id, sigs, ms: performance.now() - t0 });
      return;
    }
    case 'plan': {
      const plan = planFix(req.file.text, evaluationOf(req.file, req.options), req.rowKey, req.kind, req.asset);
      post({ type: 'planned', id: req.id, result: plan.ok ? { ok: true, title: plan.title, edits: plan.edits } : plan });
      return;
    }
    case 'planAccount': {
      const plan = planAccountFix(req.file.text, evaluationOf(req.file, req.options), req.accountKey);
      post({ type: 'planned', id: req.id, result: plan.ok ? { ok: true, title: plan.title, edits: plan.edits } : plan });
      return;
    }
    case 'stress': {
      const parts = req.files.map((f) => evaluationOf(f, req.options));
      post({ type: 'stressed', id: req.id, report: stressTest(parts, undefined, { scaleByVolatility: req.scaleByVolatility }) });
      return;
    }
    case 'whatIf': {
      // The file's own evaluation (cached with its text) gives the parse and the evaluation time: the neutral
      // scenario then returns exactly the row the panel shows.
      const ev = evaluationOf(req.file, req.options);
      const result = ev.parsed
        ? whatIf(req.file, ev.parsed, req.rowId, req.scenario, { ...evalOptionsOf(req.options), now: ev.now })
        : { ok: false as const, reason: 'the file could not be read' };
      post({ type: 'whatIfDone', id: req.id, result });
      return;
    }
    case 'forget':
      parses.delete(req.key);
      firstStages.delete(req.key);
      evaluations.delete(req.key);
      post({ type: 'done', id: req.id });
      return;
    case 'debug':
      if (!testHooks) return post({ type: 'failed', id: req.id, message: 'test hooks are off' });
      if (req.action === 'crash') throw new Error('crash requested by a test');
      if (req.action === 'exit') process.exit(3);
      for (;;) { /* hang requested by a test */ }
  }
}

let requested = false;
if (parentPort) runInBackground();
if (parentPort && !testHooks) warmUp(() => requested);

parentPort?.on('message', (req: WorkerRequest) => {
  requested = true;
  try {
    handle(req);
  } catch (e) {
    if (req.type === 'debug') throw e;
    post({ type: 'failed', id: req.id, message: e instanceof Error ? e.message : String(e) });
  }
});
