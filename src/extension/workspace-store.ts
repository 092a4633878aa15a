// Discovery and the per-file evaluation cache: findFiles per workspace folder (include/exclude settings, files.exclude,
// .gitignore), one watcher per folder, debounced re-evaluation on edits (the document's text wins over the disk).
import * as vscode from 'vscode';
import type { FileEvaluation } from '../engine/evaluate/evaluate-file';
import type { ResultRow } from '../engine/evaluate/report';
import { resolveSettings, type EffectiveSettings } from '../engine/core/settings';
import { dirname } from 'node:path';
import { realpathOrUndefined, safeEvaluate } from './evaluator';
import { historyPaths } from '../engine/evaluate/history-refs';
import { gitIgnored } from './gitignore';
import { rowKey, sortRows } from './rows';
import { readSettings, type ExtensionSettings } from './settings';

export interface StoreEntry {
  uri: vscode.Uri;
  /** The text the evaluation was computed on (fix edits are offsets into it). */
  text: string;
  evaluation: FileEvaluation;
}

export interface StoreChange {
  changed: vscode.Uri[];
  removed: vscode.Uri[];
}

const EDIT_DEBOUNCE_MS = 300;
const RESCAN_DEBOUNCE_MS = 400;
const MAX_BYTES = 50 * 1024 * 1024;

export class WorkspaceStore implements vscode.Disposable {
  private readonly entries = new Map<string, StoreEntry>();
  private readonly emitter = new vscode.EventEmitter<StoreChange>();
  private readonly disposables: vscode.Disposable[] = [];
  private watchers: vscode.Disposable[] = [];
  /** History file (fsPath) → the position files that read it, re-evaluated when it changes. */
  private readonly historyReaders = new Map<string, Set<string>>();
  private readonly editTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private rescanTimer: ReturnType<typeof setTimeout> | undefined;
  private scanning: Promise<void> | undefined;
  settings: ExtensionSettings;
  epoch = 0;
  lastEvaluated = new Date();
  readonly onDidChange = this.emitter.event;

  constructor(private readonly log: vscode.LogOutputChannel) {
    this.settings = this.loadSettings();
    this.disposables.push(
      this.emitter,
      vscode.workspace.onDidChangeTextDocument((e) => this.onEdit(e.document)),
      vscode.workspace.onDidSaveTextDocument((doc) => this.known(doc.uri) && this.evaluateNow(doc.uri, doc.getText())),
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
    for (const t of this.editTimers.values()) clearTimeout(t);
    if (this.rescanTimer) clearTimeout(this.rescanTimer);
    for (const d of [...this.watchers, ...this.disposables]) d.dispose();
  }

  /** The time the rows were evaluated at: the pinned `evaluationTime` setting, else the last evaluation. */
  evaluationTime(): Date {
    const pinned = this.settings.risk.evaluationTime;
    return typeof pinned === 'number' ? new Date(pinned) : this.lastEvaluated;
  }

  /** Every row of every file, in the docs/results.md §2 order. */
  rows(): ResultRow[] {
    return sortRows([...this.entries.values()].flatMap((e) => e.evaluation.rows));
  }

  files(): StoreEntry[] {
    return [...this.entries.values()];
  }

  entry(uri: vscode.Uri): StoreEntry | undefined {
    return this.entries.get(uri.toString());
  }

  /** A row and its file by the panel's row key (only rows the store knows: the webview cannot name other files). */
  findByKey(key: string): { row: ResultRow; uri: vscode.Uri } | undefined {
    for (const e of this.entries.values()) {
      const row = e.evaluation.rows.find((r) => rowKey(r) === key);
      if (row) return { row, uri: e.uri };
    }
    return undefined;
  }

  /** The file's effective risk settings: extension settings, then the file's own `risk:` (docs/format.md §6). */
  settingsFor(uri: vscode.Uri): EffectiveSettings {
    return resolveSettings(this.settings.risk, this.entries.get(uri.toString())?.evaluation.parsed?.risk);
  }

  /** The workspace was trusted: restricted settings now apply (package.json untrustedWorkspaces), so re-read them. */
  reloadSettings(): Promise<void> {
    this.settings = this.loadSettings();
    this.resetWatchers();
    return this.refreshAll();
  }

  /** Re-discover and re-evaluate every position file (command "Refresh", settings change, startup). */
  refreshAll(): Promise<void> {
    const run = async () => {
      try {
        await this.scanAll();
      } catch (err) {
        this.log.error('scan failed', err);
      }
    };
    this.scanning = (this.scanning ?? Promise.resolve()).then(run);
    return this.scanning;
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
    this.rescanTimer = setTimeout(() => void this.refreshAll(), RESCAN_DEBOUNCE_MS);
  }

  private onEdit(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    if (!this.entries.has(key)) return;
    const pending = this.editTimers.get(key);
    if (pending) clearTimeout(pending);
    this.editTimers.set(key, setTimeout(() => {
      this.editTimers.delete(key);
      this.evaluateNow(doc.uri, doc.getText());
    }, EDIT_DEBOUNCE_MS));
  }

  private excludeGlob(): string | undefined {
    const ex = this.settings.exclude;
    if (ex.length === 0) return undefined; // undefined keeps files.exclude in force
    return ex.length === 1 ? ex[0] : `{${ex.join(',')}}`;
  }

  private async discover(): Promise<vscode.Uri[]> {
    const found: vscode.Uri[] = [];
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const include = new vscode.RelativePattern(folder, this.settings.include);
      const exclude = this.excludeGlob();
      let uris = await vscode.workspace.findFiles(include, exclude ? new vscode.RelativePattern(folder, exclude) : undefined);
      if (this.settings.respectGitignore && folder.uri.scheme === 'file' && uris.length) {
        const ignored = await gitIgnored(folder.uri.fsPath, uris.map((u) => u.fsPath));
        uris = uris.filter((u) => !ignored.has(u.fsPath));
      }
      found.push(...uris);
    }
    return found;
  }

  private async scanAll(): Promise<void> {
    const uris = await this.discover();
    const seen = new Set(uris.map((u) => u.toString()));
    const removed: vscode.Uri[] = [];
    for (const [key, e] of this.entries) {
      if (!seen.has(key)) {
        this.entries.delete(key);
        removed.push(e.uri);
      }
    }
    const changed: vscode.Uri[] = [];
    for (const uri of uris) {
      const text = await this.textOf(uri);
      this.store(uri, text);
      changed.push(uri);
    }
    this.log.info(`evaluated ${uris.length} position file(s), ${this.rows().length} position(s)`);
    this.fire({ changed, removed });
  }

  private async textOf(uri: vscode.Uri): Promise<string> {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open) return open.getText();
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      if (stat.size > MAX_BYTES) return '';
      return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
    } catch (err) {
      this.log.warn(`cannot read ${uri.fsPath}`, err);
      return '';
    }
  }

  /** Re-evaluates one known file now (its open document's text, else the disk): a stale fix was refused. */
  reevaluate(uri: vscode.Uri): void {
    if (this.known(uri)) void this.evaluateFromDisk(uri);
  }

  private async evaluateFromDisk(uri: vscode.Uri): Promise<void> {
    const text = await this.textOf(uri);
    this.evaluateNow(uri, text);
  }

  private evaluateNow(uri: vscode.Uri, text: string): void {
    this.store(uri, text);
    this.fire({ changed: [uri], removed: [] });
  }

  /** The stored evaluation when it was computed on `text`, else a fresh one of `text` (not stored). */
  evaluationFor(uri: vscode.Uri, text: string): FileEvaluation {
    const entry = this.entries.get(uri.toString());
    if (entry && entry.text === text) return entry.evaluation;
    return this.evaluateText(uri, text);
  }

  private evaluateText(uri: vscode.Uri, text: string): FileEvaluation {
    const multiRoot = (vscode.workspace.workspaceFolders?.length ?? 0) > 1;
    const path = vscode.workspace.asRelativePath(uri, multiRoot).replace(/\\/g, '/');
    return safeEvaluate({ path, absPath: uri.fsPath, text, root: this.rootOf(uri) }, { settings: this.settings.risk, defaultVenue: this.settings.defaultVenue });
  }

  /** The folder a file's `history:` paths must stay inside (issue 13): its workspace folder, else its own folder. */
  private rootOf(uri: vscode.Uri): string {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    return folder && folder.uri.scheme === 'file' ? folder.uri.fsPath : dirname(uri.fsPath);
  }

  private store(uri: vscode.Uri, text: string): void {
    const evaluation = this.evaluateText(uri, text);
    this.entries.set(uri.toString(), { uri, text, evaluation });
    this.noteHistoryReaders(uri, evaluation);
  }

  private noteHistoryReaders(uri: vscode.Uri, evaluation: FileEvaluation): void {
    const key = uri.toString();
    for (const readers of this.historyReaders.values()) readers.delete(key);
    for (const path of historyPaths(evaluation.parsed, uri.fsPath, this.rootOf(uri), realpathOrUndefined)) {
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
      if (open) this.evaluateNow(entry.uri, open.getText());
      else void this.evaluateFromDisk(entry.uri);
    }
  }

  private fire(change: StoreChange): void {
    this.epoch++;
    this.lastEvaluated = new Date();
    this.emitter.fire(change);
  }
}
