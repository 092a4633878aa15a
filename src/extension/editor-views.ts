// The thin vscode adapter for the in-editor surfaces: Problems (per-file set), Error-Lens-style after-line text,
// hovers and the status bar item. All text comes from the pure functions of problems.ts.
import * as vscode from 'vscode';
import type { Status } from '../engine/core/types';
import { accountKeyOf } from './fixes';
import { decorationText, diagnosticSpecsInSlices, hoverMarkdown, MAX_DIAGNOSTICS, SOURCE, type DiagnosticSpec } from './problems';
import { PART, ProblemSets } from './problem-sets';
import { yieldToHost } from './steps';
import type { StoreChange, WorkspaceStore } from './workspace-store';
import { statusTextOf } from './status-text';
import { measured } from './host-stats';
import { wholeRow } from './row-rest';

const SEVERITY: Record<DiagnosticSpec['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

export function toDiagnostic(spec: DiagnosticSpec, doc?: vscode.TextDocument): vscode.Diagnostic {
  let range = new vscode.Range(spec.startLine, spec.startCharacter, spec.endLine, spec.endCharacter);
  if (doc) range = doc.validateRange(range);
  const d = new vscode.Diagnostic(range, spec.message, SEVERITY[spec.severity]);
  d.source = SOURCE;
  d.code = spec.code;
  return d;
}

/** What tells two of our diagnostics apart (ProblemSets skips a part that holds the same). */
function diagnosticSig(d: vscode.Diagnostic): string {
  const r = d.range;
  return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}|${d.severity}|${String(d.code)}|${d.message}`;
}

const DECORATION_COLOR: Record<Status, string> = {
  liquidatable: 'editorError.foreground',
  critical: 'editorError.foreground',
  warning: 'editorWarning.foreground',
  watch: 'editorInfo.foreground',
  unknown: 'descriptionForeground',
  safe: 'descriptionForeground',
};

/** Diagnostics built a slice (then a yield): the 1,000 of a large file took one long host task; a slice is one
 * ProblemSets part. */
const PROBLEMS_SLICE = PART;

export class EditorViews implements vscode.Disposable {
  private readonly diagnostics = new ProblemSets<vscode.Uri, vscode.Diagnostic>('liquidationLens', MAX_DIAGNOSTICS, (name) => vscode.languages.createDiagnosticCollection(name), diagnosticSig);
  private readonly decorationTypes = new Map<Status, vscode.TextEditorDecorationType>();
  private readonly status = vscode.window.createStatusBarItem('liquidationLens.status', vscode.StatusBarAlignment.Left, 50);
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly store: WorkspaceStore) {
    for (const status of Object.keys(DECORATION_COLOR) as Status[]) {
      this.decorationTypes.set(status, vscode.window.createTextEditorDecorationType({
        after: { color: new vscode.ThemeColor(DECORATION_COLOR[status]), margin: '0 0 0 3em', fontStyle: status === 'safe' ? 'italic' : 'normal' },
        rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
      }));
    }
    this.status.name = 'Liquidation Lens';
    this.status.command = 'liquidationLens.openPanel';
    this.disposables.push(
      this.diagnostics, this.status, ...this.decorationTypes.values(),
      store.onDidChange((c) => measured('editor views', () => this.update(c))),
      vscode.window.onDidChangeVisibleTextEditors(() => this.decorateVisible()),
      // Only the visible lines are decorated (a 20,000-position file has 20,000 rows): follow the scroll.
      vscode.window.onDidChangeTextEditorVisibleRanges((e) => this.scheduleDecorate(e.textEditor.document.uri)),
      // While a document is typed in, its rows follow the edits or hide (LineTracker), never on the wrong line.
      vscode.workspace.onDidChangeTextDocument((e) => this.store.entry(e.document.uri) && this.scheduleDecorate(e.document.uri)),
      vscode.languages.registerHoverProvider({ scheme: 'file' }, { provideHover: (doc, pos) => this.hover(doc, pos) }),
    );
  }

  private decorateTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly toDecorate = new Set<string>();

  private scheduleDecorate(uri: vscode.Uri): void {
    this.toDecorate.add(uri.toString());
    if (this.decorateTimer) return;
    this.decorateTimer = setTimeout(() => {
      this.decorateTimer = undefined;
      const keys = new Set(this.toDecorate);
      this.toDecorate.clear();
      this.decorateVisible(keys);
    }, 30);
  }

  dispose(): void {
    if (this.decorateTimer) clearTimeout(this.decorateTimer);
    for (const d of this.disposables) d.dispose();
  }

  private update(change: StoreChange): void {
    if (!change.updatingOnly) {
      for (const uri of change.removed) this.diagnostics.delete(uri);
      for (const uri of change.changed) void this.refreshProblems(uri);
      // Only the changed files' editors are redrawn.
      this.decorateVisible(new Set([...change.changed, ...change.removed].map((u) => u.toString())));
    }
    this.updateStatus();
  }

  /** Per file: the newest refresh wins (an older one still slicing drops its result). */
  private readonly problemsGeneration = new Map<string, number>();

  /** Problems of one file, built in slices (a 20,000-row file must not hold the host). */
  private async refreshProblems(uri: vscode.Uri): Promise<void> {
    const key = uri.toString();
    const generation = (this.problemsGeneration.get(key) ?? 0) + 1;
    this.problemsGeneration.set(key, generation);
    const entry = this.store.entry(uri);
    if (!entry) return;
    const specs = await diagnosticSpecsInSlices(entry.evaluation.file, entry.evaluation.rows);
    if (this.problemsGeneration.get(key) !== generation || !this.store.entry(uri)) return;
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
    const diagnostics: vscode.Diagnostic[] = [];
    for (let i = 0; i < specs.length; i += PROBLEMS_SLICE) {
      if (i > 0) await yieldToHost();
      if (this.problemsGeneration.get(key) !== generation) return;
      measured('problems (build)', () => { for (const s of specs.slice(i, i + PROBLEMS_SLICE)) diagnostics.push(toDiagnostic(s, doc)); });
    }
    if (!this.store.entry(uri)) return;
    const current = (): boolean => this.problemsGeneration.get(key) === generation && this.store.entry(uri) !== undefined;
    await this.diagnostics.set(uri, diagnostics, yieldToHost, current);
  }

  private decorateVisible(only?: ReadonlySet<string>): void {
    const enabled = this.store.settings.inlineDecorations;
    for (const editor of vscode.window.visibleTextEditors) {
      if (only && !only.has(editor.document.uri.toString())) continue;
      const entry = this.store.entry(editor.document.uri);
      const byStatus = new Map<Status, vscode.DecorationOptions[]>();
      if (enabled && entry) {
        const margin = 200;
        const ranges = editor.visibleRanges.map((r) => [r.start.line - margin, r.end.line + margin] as const);
        const rows = entry.evaluation.rows;
        for (let i = 0; i < rows.length; i++) {
          // the line first: only the rows in view are read (parsed from their text)
          const line = entry.lines.line(i);
          if (line === null || line >= editor.document.lineCount) continue;
          if (ranges.length && !ranges.some(([a, b]) => line >= a && line <= b)) continue;
          const r = rows.at(i)!;
          const end = editor.document.lineAt(line).range.end;
          const list = byStatus.get(r.status) ?? [];
          list.push({ range: new vscode.Range(end, end), renderOptions: { after: { contentText: decorationText(r) } } });
          byStatus.set(r.status, list);
        }
      }
      for (const [status, type] of this.decorationTypes) editor.setDecorations(type, byStatus.get(status) ?? []);
    }
  }

  /** From the index's per-file aggregates: O(files), no pass over the rows. */
  private updateStatus(): void {
    const look = statusTextOf(this.store.index.totals().counts, this.store.index.updatingCount);
    if (!look) {
      this.status.hide();
      return;
    }
    this.status.text = look.text;
    this.status.tooltip = look.tooltip;
    this.status.accessibilityInformation = { label: look.tooltip };
    this.status.backgroundColor = look.alarm ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
    this.status.show();
  }

  private hover(doc: vscode.TextDocument, pos: vscode.Position): vscode.Hover | undefined {
    const entry = this.store.entry(doc.uri);
    if (!entry) return undefined;
    let i = 0;
    while (i < entry.evaluation.rows.length && entry.lines.line(i) !== pos.line) i++;
    const row = entry.evaluation.rows.at(i);
    if (!row) return undefined;
    const account = entry.evaluation.accounts?.find((a) => accountKeyOf(a) === accountKeyOf(row));
    const md = new vscode.MarkdownString(hoverMarkdown(wholeRow(row, entry.evaluation.rest, i), account));
    md.isTrusted = false;
    md.supportHtml = false;
    return new vscode.Hover(md);
  }
}
