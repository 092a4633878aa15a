// Orchestration: file text → parse → evaluate every account → result rows (docs/results.md §2–§5).
import { decodeUtf8, parseFile } from '../parse';
import type { Diagnostic, ParsedFile, RiskSettings, UnknownEntry, VenueId } from '../core/types';
import type { AccountReport, FileReport, Report, ResultRow } from './report';
import { compareAccounts } from '../fix/account-fix';
import { resolveSettings } from '../core/settings';
import { EvalContext, type WorkSteps } from './file-context';
import { HistoryCache } from './volatility-source';
import { perpRows } from './perp-rows';
import { loanRows } from './loan-rows';
import { compareRows } from './row-order';
import { formatDuration } from '../core/time';
import { stressTest } from '../stress/stress-test';
import { internalError } from '../core/diagnostics';
import { escapeText } from '../core/quote-text';
import type { RealPath } from '../core/path-confinement';
import type { RowRiskInputs } from './row-charts';
import { dirname } from 'node:path';
import { timerFor, type StageTimings } from './stage-timings';

export interface SourceFile {
  /** Path as printed in results (relative to the CLI's cwd or the workspace folder, with `/`). */
  path: string;
  /** Absolute path, used to resolve `history:` files relative to this file. */
  absPath: string;
  /** Decoded text; ignored when `bytes` is given (then decoded here, invalid UTF-8 becoming a diagnostic). */
  text: string;
  bytes?: Uint8Array;
  /** Set when the file was not read (too large, changing while read): this diagnostic is its whole report. */
  unread?: Diagnostic;
  /** Folder the file's references (`history:`) must stay inside; default: EvaluateOptions.root, else the file's folder. */
  root?: string;
}

export interface EvaluateOptions {
  /** Evaluation time in Unix ms; default: the file's `evaluationTime`, else the clock. CLI --now wins over files. */
  now?: number;
  /** The clock reading to use when neither `now` nor a file's `evaluationTime` pins the time (read once per run, so
   *  files evaluated apart, e.g. in parallel workers, share one evaluation time); default: Date.now() per call. */
  clock?: number;
  /** Highest-precedence overrides (CLI flags). */
  overrides?: RiskSettings;
  /** Defaults from the extension settings (lower than a file's `risk:`). */
  settings?: RiskSettings;
  defaultVenue?: VenueId;
  stress?: boolean;
  /** Synchronous reader for history files; returns undefined when unreadable. */
  readFile?: (absPath: string) => string | undefined;
  /** Folder referenced paths must stay inside (issue 13); default: each file's own folder. */
  root?: string;
  /** Resolves symlinks (e.g. fs.realpathSync.native) so a link pointing outside the root is refused. */
  realpath?: RealPath;
  /** Shared across files of one run so a history file is read once. */
  historyCache?: HistoryCache;
  /** Stop after the first stage (prices, statuses, probabilities): see FileEvaluation.complete. */
  preview?: boolean;
  /** Filled with the milliseconds spent in the costly stages (the benchmark's separate figures). */
  timings?: StageTimings;
}

export interface FileEvaluation {
  file: FileReport;
  rows: ResultRow[];
  /** The parsed accounts, for stress tests and fixes (not serialised). */
  parsed: ParsedFile | null;
  /** Evaluation time used for this file. */
  now: number;
  /** The file's cross accounts (docs/results.md §2.4). */
  accounts?: AccountReport[];
  /** Each row's risk inputs by row id (JSON-safe, not part of the report): its charts' source (row-charts.ts). */
  riskInputs?: Record<string, RowRiskInputs>;
  /** The work this file cost, in counted steps (README "Limits"); absent when it was not read. */
  steps?: WorkSteps;
  /**
   * Set on a preview (EvaluateOptions.preview): its rows lack fixes and risk details, its diagnostics are not yet
   * collected; `complete()` finishes the same rows in place and returns the full evaluation, as without `preview`.
   */
  complete?: () => FileEvaluation;
}

export function unknownRow(u: UnknownEntry, path: string, horizon: number): ResultRow {
  return {
    file: path, line: u.span.line, column: u.span.column, id: u.id, kind: u.kind, venue: u.venue, account: u.account,
    settleCurrency: null, symbol: u.symbol, side: u.side, marginMode: null, walletSource: null, size: null, entryPrice: null,
    markPrice: null, markAge: null, stale: false, liquidationPrice: null, liquidationPriceSource: null, liquidationPrices: null, bankruptcyPrice: null,
    reportedLiquidationPrice: null, reportedDeviation: null, marginBalance: null, maintenanceMargin: null, marginRatio: null,
    venueMarginRatio: null, healthFactor: null, healthFactorIdeal: null, tier: null, distance: null, volatility: null,
    volatilitySource: null, horizon: formatDuration(horizon), liquidationProbability: null, status: 'unknown', reason: u.reason,
    fix: null, details: { var: null, es: null, liquidationCost: null, timeToLiquidation: null },
  };
}

function decode(source: SourceFile): { text: string; diagnostics: Diagnostic[] } {
  if (!source.bytes) return { text: source.text, diagnostics: [] };
  return decodeUtf8(source.bytes);
}

export function evaluateFile(source: SourceFile, options: EvaluateOptions = {}): FileEvaluation {
  const now = options.now ?? options.clock ?? Date.now();
  if (source.unread) return { file: { path: source.path, dialect: null, format: null, venue: null, diagnostics: [{ ...source.unread }] }, rows: [], parsed: null, now };
  try {
    const { text, diagnostics } = decode(source);
    const takerFees = { ...options.settings?.takerFees, ...options.overrides?.takerFees };
    const parsed = parseFile(source.path, text, { ...(options.defaultVenue ? { defaultVenue: options.defaultVenue } : {}), ...(Object.keys(takerFees).length ? { takerFees } : {}) });
    return evaluateParsed(source, parsed, diagnostics, options);
  } catch (e) {
    return { file: { path: source.path, dialect: null, format: null, venue: null, diagnostics: [internalError('read', e)] }, rows: [], parsed: null, now };
  }
}

/**
 * The evaluation of an already parsed file (`decodeDiagnostics`: those of decoding its bytes). Lets a caller that keeps
 * the parse (the extension's worker re-ageing unpinned files on a timer) re-evaluate without parsing again. The parse
 * is only read, never changed, so one parse serves any number of evaluations.
 */
export function evaluateParsed(source: Pick<SourceFile, 'path' | 'absPath' | 'root'>, parsed: ParsedFile, decodeDiagnostics: Diagnostic[], options: EvaluateOptions = {}): FileEvaluation {
  const history = options.historyCache ?? new HistoryCache(options.readFile);
  const report: FileReport = { path: source.path, dialect: null, format: null, venue: null, diagnostics: [] };
  let now = options.now ?? options.clock ?? Date.now();
  const diagnostics = decodeDiagnostics;
  try {
    Object.assign(report, { dialect: parsed.dialect, format: parsed.format, venue: parsed.venue });
    const settings = resolveSettings(options.settings, parsed.risk, options.overrides);
    if (options.now === undefined && typeof settings.evaluationTime === 'number') now = settings.evaluationTime;
    const root = source.root ?? options.root ?? dirname(source.absPath);
    const ctx = new EvalContext(source.path, source.absPath, now, settings, history, root, options.realpath, timerFor(options.timings));
    const rows: ResultRow[] = [];
    for (const account of parsed.accounts) {
      ctx.steps += account.kind === 'perp' ? 2 * account.positions.length : 2 * account.loans.length;
      rows.push(...(account.kind === 'perp' ? perpRows(account, ctx) : loanRows(account, ctx)));
    }
    ctx.steps += parsed.unknown.length;
    rows.push(...parsed.unknown.map((u) => unknownRow(u, source.path, settings.horizon)));
    const complete = (): FileEvaluation => {
      try {
        ctx.completeRows();
        report.diagnostics = sortDiagnostics([...diagnostics, ...parsed.diagnostics, ...ctx.diagnostics]);
        return { file: report, rows, accounts: ctx.accounts, parsed, now, riskInputs: ctx.riskInputs, steps: { read: parsed.readSteps ?? 0, evaluate: ctx.steps } };
      } catch (e) {
        report.diagnostics.push(internalError('evaluate', e));
        return { file: report, rows: [], parsed: null, now };
      }
    };
    if (!options.preview) return complete();
    return { file: { ...report, diagnostics: [] }, rows, parsed, now, riskInputs: ctx.riskInputs, complete };
  } catch (e) {
    report.diagnostics.push(internalError('evaluate', e));
    return { file: report, rows: [], parsed: null, now };
  }
}

/** Sorted by place; every message escaped once more (issue 13: no control, bidi or line-break character reaches a surface). */
function sortDiagnostics(ds: Diagnostic[]): Diagnostic[] {
  for (const d of ds) d.message = escapeText(d.message);
  return ds.sort((a, b) => a.line - b.line || a.column - b.column);
}

export function evaluate(sources: SourceFile[], options: EvaluateOptions = {}): Report {
  const historyCache = options.historyCache ?? new HistoryCache(options.readFile);
  const parts = sources.map((s) => evaluateFile(s, { ...options, historyCache }));
  const now = options.now ?? parts[0]?.now ?? options.clock ?? Date.now();
  const report = buildReport(parts, now);
  FILE_TIMES.set(report, Object.fromEntries(parts.map((p) => [p.file.path, new Date(p.now).toISOString()])));
  if (options.stress) report.stress = stressTest(parts);
  return report;
}

/** Each file's evaluation time of a report built by `evaluate` (not serialised: the JSON keeps `now`, docs/results.md §2). */
const FILE_TIMES = new WeakMap<Report, Record<string, string>>();

/** The time each file's numbers were computed at (files may pin their own `evaluationTime`, docs/format.md §6). */
export function fileTimesOf(report: Report): Record<string, string> | undefined {
  return FILE_TIMES.get(report);
}

/** Records each file's evaluation time (ISO) for a report assembled outside `evaluate` (the parallel CLI). */
export function setFileTimes(report: Report, times: Record<string, string>): void {
  FILE_TIMES.set(report, times);
}

export function buildReport(parts: Array<Pick<FileEvaluation, 'file' | 'rows' | 'accounts'>>, now: number): Report {
  const positions = parts.flatMap((p) => p.rows).sort(compareRows);
  const accounts = parts.flatMap((p) => p.accounts ?? []).sort(compareAccounts);
  const byStatus = { liquidatable: 0, critical: 0, warning: 0, watch: 0, safe: 0, unknown: 0 };
  for (const r of positions) byStatus[r.status]++;
  const errors = parts.reduce((n, p) => n + p.file.diagnostics.filter((d) => d.severity === 'error').length, 0);
  return {
    version: 1,
    now: new Date(now).toISOString(),
    files: parts.map((p) => p.file),
    positions,
    accounts,
    summary: { files: parts.length, positions: positions.length, errors, byStatus },
  };
}
