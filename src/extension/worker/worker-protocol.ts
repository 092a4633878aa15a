// Messages between the extension host and its evaluation worker (worker_threads; both sides are ours, same bundle
// version, so plain TypeScript types — the untrusted side is the webview, whose messages are valibot-checked).
import type { RiskSettings, VenueId } from '../../engine/core/types';
import type { AccountReport, FileReport, StressReport } from '../../engine/evaluate/report';
import type { FixKind, TextEdit } from '../../engine/fix/fix-edits';
import type { WhatIfOutcome, WhatIfScenario } from '../../engine/evaluate/what-if';
import type { ChunkText } from './row-chunks';

/** One position file as the worker evaluates it. */
export interface FileInput {
  /** The store's key of the file (its URI). */
  key: string;
  /** Path printed in results. */
  path: string;
  absPath: string;
  /** The folder its `history:` paths must stay inside (its workspace folder). */
  root?: string;
  text: string;
}

export interface EvaluationSettings {
  settings: RiskSettings;
  /** Session overrides (the panel's horizon control): highest precedence, like the CLI's flags. */
  overrides?: RiskSettings;
  defaultVenue?: VenueId;
}

export type WorkerRequest =
  | { type: 'evaluate'; id: number; file: FileInput; options: EvaluationSettings }
  /**
   * The first stage only (rows without fixes and risk details, answered by `rows` + `previewed`); the worker keeps it,
   * so an `evaluate` of the same text and settings that lands on it completes that stage instead of starting over.
   */
  | { type: 'preview'; id: number; file: FileInput; options: EvaluationSettings }
  /**
   * The file as read, before anything is computed (listed-rows.ts; answered by `rows` + `listed`): the panel lists it
   * while the worker computes; the parse is kept for the `preview` that follows.
   */
  | { type: 'list'; id: number; file: FileInput; options: EvaluationSettings }
  | { type: 'plan'; id: number; file: FileInput; options: EvaluationSettings; rowKey: string; kind: FixKind; asset: string | null }
  /** The one wallet edit of a cross account's fix (issue 14); `accountKey` as fixes.ts accountKeyOf. */
  | { type: 'planAccount'; id: number; file: FileInput; options: EvaluationSettings; accountKey: string }
  | { type: 'stress'; id: number; files: FileInput[]; options: EvaluationSettings; scaleByVolatility: boolean }
  | { type: 'forget'; id: number; key: string }
  /** One row re-evaluated under a scenario, from the file's cached parse (issue 14 "What-if"); the file is not touched. */
  | { type: 'whatIf'; id: number; file: FileInput; options: EvaluationSettings; rowId: string; scenario: WhatIfScenario }
  /** Only honoured when the worker was started with test hooks: makes it crash or hang, for the tests. */
  | { type: 'debug'; id: number; action: 'crash' | 'hang' | 'exit' };

/** What the host keeps of an evaluation (the parse stays in the worker). */
export interface EvaluationResult {
  file: FileReport;
  /** The rows and their risk inputs as JSON chunks (row-chunks.ts), parsed on the host in slices. */
  chunks: ChunkText[];
  /** Per row (same order): a hash of its content, so the host can tell updated rows from unchanged ones. */
  sigs: string[];
  /** The file's cross accounts with their one wallet fix (docs/results.md §2.4). */
  accounts?: AccountReport[];
  /** Evaluation time used (Unix ms). */
  now: number;
  /** True when the file's effective settings pin an `evaluationTime` (it never re-ages). */
  pinned: boolean;
  /** The file's own `risk:` block (for the effective settings of its rows). */
  risk: RiskSettings;
  /** History files it reads (absolute paths). */
  historyPaths: string[];
  /** Milliseconds spent in the worker. */
  ms: number;
  /** True when the parse was reused (a re-age of the same text). */
  reusedParse: boolean;
}

/** A file's rows before their fixes and risk details (EvalContext.preview), or as read (`list`): shown until the full ones. */
export interface PreviewResult {
  chunks: ChunkText[];
  sigs: string[];
}

export type FixPlanResult = { ok: true; title: string; edits: TextEdit[] } | { ok: false; reason: string };

export type WorkerResponse =
  /** Rows are sent as JSON chunks before `evaluated`/`previewed` (row-chunks.ts), parsed by the host in slices. */
  | { type: 'rows'; id: number; chunk: ChunkText }
  /** A `preview` (or `list`) request's rows are all sent. */
  | { type: 'previewed'; id: number; sigs: string[]; ms: number }
  | { type: 'evaluated'; id: number; result: Omit<EvaluationResult, 'chunks'> }
  | { type: 'planned'; id: number; result: FixPlanResult }
  | { type: 'stressed'; id: number; report: StressReport }
  | { type: 'done'; id: number }
  | { type: 'whatIfDone'; id: number; result: WhatIfOutcome }
  | { type: 'failed'; id: number; message: string };
