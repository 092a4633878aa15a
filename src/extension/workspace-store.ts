// The per-file evaluation state: the files discovery.ts finds on each scan, one watcher per folder, edits (the
// document's text wins over the disk) going through the coalescing queue to the worker pool (src/extension/worker). A
// file keeps its last rows while it is re-evaluated (`updating`); its new rows replace them in the RowIndex, which
// reports what changed. Unpinned files are re-aged on a timer from their cached parse in the worker. A worker crash or
// hang becomes an error diagnostic on the file.
import * as vscode from 'vscode';
import type { FileEvaluation } from '../engine/evaluate/evaluate-file';
import type { ResultRow } from '../engine/evaluate/report';
import type { RowRiskInputs } from '../engine/evaluate/row-charts';
import type { RiskSettings } from '../engine/core/types';
import { resolveSettings, type EffectiveSettings } from '../engine/core/settings';
import { dirname } from 'node:path';
import { discoverPositionFiles, quickLookPositionFiles } from './discovery';
import { readSettings, type ExtensionSettings } from './settings';
import { RowIndex, type RowChanges } from './panel/row-index';
import { EvaluationQueue } from './worker/evaluation-queue';
import { Cancelled, WorkerFailure, WorkerPool } from './worker/worker-pool';
import type { EvaluationResult, FileInput, FixPlanResult, PreviewResult } from './worker/worker-protocol';
import { stagedEvaluation, type EarlyStage } from './worker/staged-evaluation';
import { readAhead } from './read-ahead';
import type { FixKind } from '../engine/fix/fix-edits';
import type { StressReport } from '../engine/evaluate/report';
import type { WhatIfOutcome, WhatIfScenario } from '../engine/evaluate/what-if';
import { LineTracker } from './line-tracker';
import { measured, recordEvent } from './host-stats';
import { entriesInSlices, prepared, type PreparedResult } from './worker/prepared-result';
import type { Diagnostic } from '../engine/core/types';
import { NODE_WORKSPACE_FS, readWorkspaceFile } from './read-workspace-file';
import type { HostRow } from './rows';
import type { RowRest } from './row-rest';
import type { RowList } from './row-heads';
import { wholeRowOf, type RowEntry } from './panel/row-entry';

/**
 * What the store keeps of a file's evaluation: its rows without their details (as the worker's text: row-heads.ts;
 * each read parses one), and their details, which `rest` holds as text.
 */
export interface StoredEvaluation extends Pick<FileEvaluation, 'file' | 'now' | 'accounts'> {
  rows: RowList;
  rest?: RowRest;
}

export interface StoreEntry {
  uri: vscode.Uri;
  /** The text the evaluation was computed on (fix edits are offsets into it). */
  text: string;
  evaluation: StoredEvaluation;
  pinned: boolean;
  risk: RiskSettings;
  /** Where each row's line is in the open document now (null: hidden until the next evaluation). */
  lines: LineTracker;
}

export interface StoreChange {
  changed: vscode.Uri[];
  removed: vscode.Uri[];
  /** Rows added, removed and updated by this change. */
  rows: RowChanges;
  /** Only the files' `updating` state changed (no new rows). */
  updatingOnly?: boolean;
}

/** A staged evaluation's early results: the last stage shown, so a late listing never replaces a preview. */
interface PreviewToken {
  shown: EarlyStage | null;
}

const RESCAN_DEBOUNCE_MS = 400;
const REAGE_MS = 60_000;
/** Files a scan reads at once (issue 10: every file is listed before the first previews run; the queue holds the texts anyway). */
const READ_AHEAD = 32;
/**
 * A new file is listed before its preview from this size (~100 JSON positions): below it the preview itself takes a
 * few ms, less than the round trip of a request on a busy host (~20 ms), so a listing would only double the requests
 * (measured: 300 files of 100 positions, listed first, counted in 7.7 s, with ~2 ms of worker time per listing).
 */
const LIST_FIRST_AT = 16 * 1024;

export class WorkspaceStore implements vscode.Disposable {
  private readonly entries = new Map<string, StoreEntry>();
  private readonly emitter = new vscode.EventEmitter<StoreChange>();
  private readonly disposables: vscode.Disposable[] = [];
  private watchers: vscode.Disposable[] = [];
  /** History file (fsPath) → the position files that read it, re-evaluated when it changes. */
  private readonly historyReaders = new Map<string, Set<string>>();
  private rescanTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly reageTimer: ReturnType<typeof setInterval>;
  private scanning: Promise<void> | undefined;
  private readonly pool: WorkerPool;
  /** The preview a file waits for (dropped once its full result or a newer request arrives). */
  private readonly previews = new Map<string, PreviewToken>();
  private readonly queue: EvaluationQueue<FileInput, PreparedResult>;
  /** Every row, by file, with the sorted views the panel and the status bar read. */
  readonly index = new RowIndex();
  settings: ExtensionSettings;
  /** The panel's session overrides (its horizon control): the CLI flags' precedence, above files and settings. */
  private sessionOverrides: RiskSettings = {};
  epoch = 0;
  lastEvaluated = new Date();
  readonly onDidChange = this.emitter.event;

  constructor(private readonly log: vscode.LogOutputChannel, workerScript: string, poolSize: number) {
    this.settings = this.loadSettings();
    this.pool = new WorkerPool({ script: workerScript, size: poolSize, onLog: (m) => this.log.warn(m) });
    // Activated by a position file in the workspace (package.json activationEvents): the first one is on its way.
    this.pool.warm();
    this.queue = new EvaluationQueue<FileInput, PreparedResult>(
      (key, input) => prepared(key, this.evaluation(key, input), { base: () => this.index.keysOf(key) }),
      (key, input, outcome) => this.onEvaluated(key, input, outcome),
      (key, busy) => this.onBusy(key, busy),
    );
    this.reageTimer = setInterval(() => this.reage(), REAGE_MS);
    this.disposables.push(
      this.emitter,
      vscode.workspace.onDidChangeTextDocument((e) => this.onEdit(e)),
      vscode.workspace.onDidSaveTextDocument((doc) => this.known(doc.uri) && this.enqueue(doc.uri, doc.getText(), true)),
      vscode.workspace.onDidCloseTextDocument((doc) => this.known(doc.uri) && void this.evaluateFromDisk(doc.uri)),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.scheduleRescan()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('liquidationLens')) {
          this.settings = this.loadSettings();
          this.resetWatchers();
          void this.refreshAll();
        }
      }),
    );
    this.resetWatchers();
  }

  dispose(): void {
    clearInterval(this.reageTimer);
    if (this.rescanTimer) clearTimeout(this.rescanTimer);
    this.queue.dispose();
    this.pool.dispose();
    for (const d of [...this.watchers, ...this.disposables]) d.dispose();
  }

  /** The time the rows were evaluated at: the pinned `evaluationTime` setting, else the last evaluation. */
  evaluationTime(): Date {
    const pinned = this.settings.risk.evaluationTime;
    return typeof pinned === 'number' ? new Date(pinned) : this.lastEvaluated;
  }

  /**
   * Every row of every file (or those whose entry `keep` accepts), in the docs/results.md §2 order (kept
   * incrementally, not sorted per call). Each row is parsed from its file's text: a few µs a row.
   */
  rows(keep?: (e: RowEntry) => boolean): HostRow[] {
    const out: HostRow[] = [];
    for (const e of this.index.defaultRows.all()) if (!keep || keep(e)) out.push(e.row);
    return out;
  }

  files(): StoreEntry[] {
    return [...this.entries.values()];
  }

  entry(uri: vscode.Uri): StoreEntry | undefined {
    return this.entries.get(uri.toString());
  }

  /** Files being evaluated (their rows are the previous ones). */
  isUpdating(uri: vscode.Uri): boolean {
    return this.queue.isBusy(uri.toString());
  }

  /**
   * A row whole, its risk inputs and its file by the panel's row key (only rows the store knows: the webview cannot
   * name other files).
   */
  findByKey(key: string): { row: ResultRow; inputs: RowRiskInputs | null; uri: vscode.Uri; pending: boolean } | undefined {
    const e = this.index.find(key);
    const entry = e && this.entries.get(e.fileKey);
    if (!e || !entry) return undefined;
    const row = wholeRowOf(e);
    return { row, inputs: e.rest?.riskInputs(e.at, row.id) ?? null, uri: entry.uri, pending: e.pending };
  }

  /** The file's effective risk settings: extension settings, the file's own `risk:`, then the session overrides (docs/format.md §6). */
  settingsFor(uri: vscode.Uri): EffectiveSettings {
    return resolveSettings(this.settings.risk, this.entries.get(uri.toString())?.risk, this.sessionOverrides);
  }

  /** The settings' risk layer with the session overrides on top (what the panel's header and footer print). */
  effectiveRisk(): RiskSettings {
    return { ...this.settings.risk, ...this.sessionOverrides };
  }

  /** The session's horizon override (seconds), undefined when none. */
  get horizonOverride(): number | undefined {
    return this.sessionOverrides.horizon;
  }

  /** Sets (seconds) or clears (null) the session's horizon override and re-evaluates every file. */
  setHorizonOverride(seconds: number | null): Promise<void> {
    const { horizon: _old, ...rest } = this.sessionOverrides;
    void _old;
    this.sessionOverrides = seconds === null ? rest : { ...rest, horizon: seconds };
    return this.refreshAll();
  }

  /** The workspace was trusted: restricted settings now apply (package.json untrustedWorkspaces), so re-read them. */
  reloadSettings(): Promise<void> {
    this.settings = this.loadSettings();
    this.resetWatchers();
    return this.refreshAll();
  }

  /**
   * Re-discover the position files and evaluate them (command "Refresh", settings change, startup: every file;
   * `force` false, after files were created or deleted: only new files and files whose text changed).
   */
  refreshAll(force = true): Promise<void> {
    const run = async () => {
      try {
        await this.scanAll(force);
      } catch (err) {
        this.log.error('scan failed', err);
      }
    };
    this.scanning = (this.scanning ?? Promise.resolve()).then(run);
    return this.scanning;
  }

  /** The edits of one fix, planned in the worker on exactly `text`. */
  planFix(uri: vscode.Uri, text: string, rowKey: string, kind: FixKind, asset: string | null): Promise<FixPlanResult> {
    return this.pool.plan({ type: 'plan', file: this.input(uri, text), options: this.evaluationOptions(), rowKey, kind, asset }).result
      .catch((err: Error) => ({ ok: false as const, reason: `the fix could not be computed: ${err.message}` }));
  }

  /** The one wallet edit of a cross account's fix (issue 14), planned in the worker on exactly `text`. */
  planAccountFix(uri: vscode.Uri, text: string, accountKey: string): Promise<FixPlanResult> {
    return this.pool.planAccount({ type: 'planAccount', file: this.input(uri, text), options: this.evaluationOptions(), accountKey }).result
      .catch((err: Error) => ({ ok: false as const, reason: `the fix could not be computed: ${err.message}` }));
  }

  /** The engine's stress test over every file, in the worker. */
  stress(scaleByVolatility: boolean): Promise<StressReport> {
    const files = [...this.entries.values()].map((e) => this.input(e.uri, e.text));
    return this.pool.stress({ type: 'stress', files, options: this.evaluationOptions(), scaleByVolatility }).result;
  }

  /** One row under a what-if scenario, re-evaluated in the worker from the text its rows were computed on. */
  whatIf(uri: vscode.Uri, rowId: string, scenario: WhatIfScenario): Promise<WhatIfOutcome> {
    const entry = this.entries.get(uri.toString());
    if (!entry) return Promise.resolve({ ok: false, reason: 'this file is no longer evaluated' });
    return this.pool.whatIf({ type: 'whatIf', file: this.input(uri, entry.text), options: this.evaluationOptions(), rowId, scenario }).result
      .catch((err: Error) => ({ ok: false as const, reason: `the what-if could not be computed: ${err.message}` }));
  }

  private evaluationOptions() {
    const overrides = Object.keys(this.sessionOverrides).length ? { overrides: { ...this.sessionOverrides } } : {};
    return { settings: this.settings.risk, ...overrides, ...(this.settings.defaultVenue ? { defaultVenue: this.settings.defaultVenue } : {}) };
  }

  private input(uri: vscode.Uri, text: string): FileInput {
    const multiRoot = (vscode.workspace.workspaceFolders?.length ?? 0) > 1;
    const path = vscode.workspace.asRelativePath(uri, multiRoot).replace(/\\/g, '/');
    return { key: uri.toString(), path, absPath: uri.fsPath, root: this.rootOf(uri), text };
  }

  private loadSettings(): ExtensionSettings {
    const config = vscode.workspace.getConfiguration('liquidationLens');
    const settings = readSettings((key) => config.get(key));
    for (const p of settings.problems) this.log.warn(p);
    return settings;
  }

  private known(uri: vscode.Uri): boolean {
    return this.entries.has(uri.toString());
  }

  private resetWatchers(): void {
    for (const w of this.watchers) w.dispose();
    this.watchers = [];
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, this.settings.include));
      watcher.onDidCreate(() => this.scheduleRescan());
      watcher.onDidDelete(() => this.scheduleRescan());
      watcher.onDidChange((uri) => {
        const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
        if (open?.isDirty) return; // the buffer wins until it is saved or closed
        if (this.known(uri)) void this.evaluateFromDisk(uri);
        else this.scheduleRescan();
      });
      this.watchers.push(watcher);
      const history = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, '**/*.{csv,txt}'));
      history.onDidChange((uri) => this.onHistoryChanged(uri));
      history.onDidCreate((uri) => this.onHistoryChanged(uri));
      this.watchers.push(history);
    }
  }

  private scheduleRescan(): void {
    if (this.rescanTimer) clearTimeout(this.rescanTimer);
    this.rescanTimer = setTimeout(() => void this.refreshAll(false), RESCAN_DEBOUNCE_MS);
  }

  private onEdit(e: vscode.TextDocumentChangeEvent): void {
    const key = e.document.uri.toString();
    const entry = this.entries.get(key);
    if (!entry || e.contentChanges.length === 0) return;
    entry.lines.apply(e.contentChanges.map((c) => ({ startLine: c.range.start.line, endLine: c.range.end.line, newLines: countNewlines(c.text) })));
    this.enqueue(e.document.uri, e.document.getText(), false);
  }

  private enqueue(uri: vscode.Uri, text: string, immediate: boolean): void {
    this.queue.change(uri.toString(), this.input(uri, text), immediate);
  }

  /**
   * Discovers the files and queues each for evaluation; the rows arrive file by file as the worker finishes them. The
   * first scan starts on its quick look when that answers before findFiles, whose answer then decides (files it does
   * not list are dropped, the others queued).
   */
  private async scanAll(force: boolean): Promise<void> {
    const found = discoverPositionFiles(this.settings);
    const queued = new Set<string>();
    const early = this.entries.size === 0 ? await Promise.race([found.then(() => null), quickLookPositionFiles(this.settings).catch(() => null)]) : null;
    if (early) {
      recordEvent('quick look', { files: early.length });
      await this.readAndQueue(early, force, queued);
    }
    const uris = await found;
    recordEvent('discovered', { files: uris.length });
    const seen = new Set(uris.map((u) => u.toString()));
    const removed: vscode.Uri[] = [];
    const rows: RowChanges = { added: [], removed: [], updated: [] };
    for (const [key, e] of this.entries) {
      if (!seen.has(key)) {
        this.forget(key);
        rows.removed.push(...this.index.removeFile(key).removed);
        removed.push(e.uri);
      }
    }
    if (removed.length) this.fire({ changed: [], removed, rows });
    await this.readAndQueue(uris.filter((u) => !queued.has(u.toString())), force, queued);
    this.log.info(`queued ${uris.length} position file(s) for evaluation`);
  }

  /** Reads the files (READ_AHEAD at once) and queues each new or changed one (every one when `force`); notes them in `queued`. */
  private async readAndQueue(uris: readonly vscode.Uri[], force: boolean, queued: Set<string>): Promise<void> {
    for await (const { uri, text } of readAhead(uris, READ_AHEAD, async (uri) => ({ uri, text: await this.textOf(uri) }))) {
      queued.add(uri.toString());
      if (text === undefined) continue;
      const known = this.entries.get(uri.toString());
      if (!force && known && known.text === text && (known.evaluation.rows.length || known.evaluation.file.dialect || this.queue.isBusy(uri.toString()))) continue;
      if (!known) {
        this.entries.set(uri.toString(), {
          uri, text, evaluation: { file: { path: this.input(uri, text).path, dialect: null, format: null, venue: null, diagnostics: [] }, rows: [], now: Date.now() },
          pinned: false, risk: {}, lines: new LineTracker([]),
        });
      }
      this.enqueue(uri, text, true);
    }
  }

  private forget(key: string): void {
    this.previews.delete(key);
    this.queue.remove(key);
    this.pool.forget(key);
    this.entries.delete(key);
    for (const readers of this.historyReaders.values()) readers.delete(key);
  }

  /**
   * The file's text: its open document's, else the disk's (src/extension/read-workspace-file.ts). Undefined when it is
   * not evaluated: a file above the size limit (or that kept changing) gets its one diagnostic here, without being
   * read; an unreadable file, symlink loop or dangling link is skipped with a log line and forgotten.
   */
  private async textOf(uri: vscode.Uri): Promise<string | undefined> {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open) return open.getText();
    const read = await readWorkspaceFile(uri, uri.scheme === 'file' ? NODE_WORKSPACE_FS : vscode.workspace.fs);
    if ('text' in read) return read.text;
    if ('unread' in read) this.setUnread(uri, read.unread);
    else this.skip(uri, read.skipped);
    return undefined;
  }

  /** A file not read: its whole report is this one diagnostic (no worker involved; an evaluation in flight is dropped). */
  private setUnread(uri: vscode.Uri, unread: Diagnostic): void {
    const key = uri.toString();
    const known = this.entries.get(key);
    const same = known?.evaluation.file.diagnostics.length === 1 && known.evaluation.file.diagnostics[0]!.message === unread.message && !known.evaluation.rows.length;
    this.previews.delete(key);
    this.queue.remove(key);
    this.pool.forget(key);
    if (same && known) return;
    this.log.warn(`${uri.fsPath}: ${unread.message}`);
    this.entries.set(key, {
      uri, text: '', evaluation: { file: { path: this.input(uri, '').path, dialect: null, format: null, venue: null, diagnostics: [{ ...unread }] }, rows: [], now: Date.now() },
      pinned: true, risk: {}, lines: new LineTracker([]),
    });
    this.noteHistoryReaders(key, []);
    this.index.setUpdating(key, false);
    this.fire({ changed: [uri], removed: [], rows: this.index.setFile(key, [], []) });
  }

  /** A file that cannot be read: a log line, and its earlier rows (if any) are removed. */
  private skip(uri: vscode.Uri, line: string): void {
    this.log.warn(line);
    const key = uri.toString();
    if (!this.entries.has(key)) return;
    this.forget(key);
    this.fire({ changed: [], removed: [uri], rows: { added: [], removed: this.index.removeFile(key).removed, updated: [] } });
  }

  /** Re-evaluates one known file now (its open document's text, else the disk): a stale fix was refused. */
  reevaluate(uri: vscode.Uri): void {
    if (this.known(uri)) void this.evaluateFromDisk(uri);
  }

  private async evaluateFromDisk(uri: vscode.Uri): Promise<void> {
    const text = await this.textOf(uri);
    if (text !== undefined) this.enqueue(uri, text, true);
  }

  private onBusy(key: string, busy: boolean): void {
    const entry = this.entries.get(key);
    this.index.setUpdating(key, busy);
    if (entry) this.fire({ changed: [entry.uri], removed: [], rows: { added: [], removed: [], updated: [] }, updatingOnly: true });
  }

  /**
   * A file the panel shows no rows of yet is listed first when it is large (its rows as read, pending), then previewed
   * (rows before their fixes and risk details, shown as updating): a large workspace is counted in the panel within
   * seconds, long before every fix search has run.
   */
  private evaluation(key: string, input: FileInput): { result: Promise<EvaluationResult>; cancel(): void } {
    const options = this.evaluationOptions();
    if (this.index.entriesOf(key).length > 0) return this.pool.evaluate({ type: 'evaluate', file: input, options });
    const token: PreviewToken = { shown: null };
    this.previews.set(key, token);
    return stagedEvaluation(this.pool, input, options, (stage, p) => void this.showPreview(key, token, stage, p), input.text.length >= LIST_FIRST_AT);
  }

  private async showPreview(key: string, token: PreviewToken, stage: EarlyStage, p: PreviewResult): Promise<void> {
    const live = (): boolean => this.previews.get(key) === token && this.entries.has(key) && token.shown !== 'preview';
    try {
      const parsed = await entriesInSlices(key, p, { cancelled: () => !live(), pending: stage === 'list', base: () => this.index.keysOf(key) });
      if (!live()) return; // the preview's rows (sliced too) may land before the listing's: never show them over it
      token.shown = stage;
      const rows = measured(`row index (${stage})`, () => this.index.setFile(key, parsed.rows, p.sigs, parsed.entries, parsed.sorted, parsed.lookup));
      this.fire({ changed: [], removed: [], rows });
      recordEvent(stage === 'list' ? 'list shown' : 'preview shown', { rows: parsed.rows.length });
    } catch (e) {
      if (!(e instanceof Cancelled)) this.log.warn(`preview not shown: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  private onEvaluated(key: string, input: FileInput, outcome: { ok: true; value: PreparedResult } | { ok: false; error: Error }): void {
    this.previews.delete(key);
    const entry = this.entries.get(key);
    if (!entry) return;
    let result: Pick<PreparedResult, 'file' | 'now' | 'pinned' | 'risk' | 'historyPaths' | 'sigs' | 'accounts'> & Partial<Pick<PreparedResult, 'rest' | 'entries' | 'sorted' | 'lookup'>> & { rows: RowList };
    if (outcome.ok) {
      result = outcome.value;
      this.log.debug(`evaluated ${input.path}: ${result.rows.length} row(s) in ${Math.round(outcome.value.ms)} ms${outcome.value.reusedParse ? ' (parse reused)' : ''}`);
    } else {
      if (outcome.error instanceof Cancelled) return;
      const why = outcome.error instanceof WorkerFailure ? outcome.error.message : `the evaluation failed: ${outcome.error.message}`;
      this.log.error(`${input.path}: ${why}`);
      result = {
        file: { path: input.path, dialect: null, format: null, venue: null, diagnostics: [{ severity: 'error', code: 'internal-error', message: `Liquidation Lens could not evaluate this file: ${why}. The worker was restarted; edit or save the file to try again.`, line: 1, column: 1, endLine: 1, endColumn: 2 }] },
        rows: [], now: Date.now(), pinned: true, risk: {}, historyPaths: [], sigs: [],
      };
    }
    entry.text = input.text;
    entry.evaluation = { file: result.file, rows: result.rows, now: result.now, ...(result.rest ? { rest: result.rest } : {}), ...(result.accounts ? { accounts: result.accounts } : {}) };
    entry.pinned = result.pinned;
    entry.risk = result.risk;
    // Lines are right only if the document still holds the evaluated text; otherwise hidden until the next result.
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
    const current = !open || open.getText() === input.text;
    entry.lines = measured('line tracker', () => new LineTracker((result.entries ?? []).map((e) => (current ? Math.max(0, e.line - 1) : null))));
    this.noteHistoryReaders(key, result.historyPaths);
    const rows = measured('row index', () => this.index.setFile(key, result.rows, result.sigs, result.entries, result.sorted, result.lookup));
    this.fire({ changed: [entry.uri], removed: [], rows });
  }

  /** The folder a file's `history:` paths must stay inside (issue 13): its workspace folder, else its own folder. */
  private rootOf(uri: vscode.Uri): string {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    return folder && folder.uri.scheme === 'file' ? folder.uri.fsPath : dirname(uri.fsPath);
  }

  private noteHistoryReaders(key: string, paths: readonly string[]): void {
    for (const readers of this.historyReaders.values()) readers.delete(key);
    for (const path of paths) {
      const readers = this.historyReaders.get(path) ?? new Set<string>();
      readers.add(key);
      this.historyReaders.set(path, readers);
    }
  }

  /** New bars in a history file: re-evaluate every position file that reads it (the buffer's text when open). */
  private onHistoryChanged(history: vscode.Uri): void {
    for (const key of this.historyReaders.get(history.fsPath) ?? []) {
      const entry = this.entries.get(key);
      if (!entry) continue;
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
      if (open) this.enqueue(entry.uri, open.getText(), true);
      else void this.evaluateFromDisk(entry.uri);
    }
  }

  /** Unpinned files age with the clock (staleness, horizon): re-evaluated from their text when the queue is idle. */
  private reage(): void {
    if (!this.queue.idle()) return;
    for (const e of this.entries.values()) if (!e.pinned) this.enqueue(e.uri, e.text, true);
  }

  private fire(change: StoreChange): void {
    if (!change.updatingOnly) {
      this.epoch++;
      this.lastEvaluated = new Date();
    }
    measured(`store change (${change.rows.added.length}+ ${change.rows.updated.length}~ ${change.rows.removed.length}-)`, () => this.emitter.fire(change));
  }
}

function countNewlines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) n++;
  return n;
}
