// Safe evaluation of one position file: the engine never crashes the extension host. An exception becomes an
// error diagnostic on line 1 (code "internal-error") and the file reports no rows.
import { readFileSync, realpathSync } from 'node:fs';
import { evaluateFile, type EvaluateOptions, type FileEvaluation, type SourceFile } from '../engine/evaluate/evaluate-file';
import type { RiskSettings, VenueId } from '../engine/core/types';

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
    const message = err instanceof Error ? err.message : String(err);
    return {
      file: {
        path: source.path, dialect: null, format: null, venue: null,
        diagnostics: [{ severity: 'error', code: 'internal-error', message: `Liquidation Lens could not evaluate this file: ${message}`, line: 1, column: 1, endLine: 1, endColumn: 2 }],
      },
      rows: [],
      parsed: null,
      now: Date.now(),
    };
  }
}
