// Safe evaluation of one position file: the engine never crashes the extension host. An exception becomes an
// error diagnostic on line 1 (code "internal-error") and the file reports no rows.
import { readFileSync, realpathSync } from 'node:fs';
import { evaluateFile, type EvaluateOptions, type FileEvaluation, type SourceFile } from '../engine/evaluate/evaluate-file';
import type { RiskSettings, VenueId } from '../engine/core/types';
import { internalError } from '../engine/core/diagnostics';

export function readHistoryFile(absPath: string): string | undefined {
  try {
    return readFileSync(absPath, 'utf8');
  } catch {
    return undefined;
  }
}

/** Resolves symlinks so a `history:` link pointing outside the workspace folder is refused (issue 13). */
export function realpathOrUndefined(p: string): string | undefined {
  try {
    return realpathSync.native(p);
  } catch {
    return undefined;
  }
}

export interface EvaluationContext {
  settings: RiskSettings;
  defaultVenue: VenueId | undefined;
  readFile?: (absPath: string) => string | undefined;
}

export function safeEvaluate(source: SourceFile, ctx: EvaluationContext): FileEvaluation {
  const options: EvaluateOptions = { settings: ctx.settings, readFile: ctx.readFile ?? readHistoryFile, realpath: realpathOrUndefined };
  if (ctx.defaultVenue) options.defaultVenue = ctx.defaultVenue;
  try {
    const result = evaluateFile(source, options);
    if (!result || !result.file || !Array.isArray(result.rows)) throw new Error('the engine returned no result');
    return result;
  } catch (err) {
    return {
      file: {
        path: source.path, dialect: null, format: null, venue: null,
        diagnostics: [internalError('evaluate', err)],
      },
      rows: [],
      parsed: null,
      now: Date.now(),
    };
  }
}
