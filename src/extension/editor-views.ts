// The thin vscode adapter for the in-editor surfaces: Problems (per-file set), Error-Lens-style after-line text,
// hovers and the status bar item. All text comes from the pure functions of problems.ts.
import * as vscode from 'vscode';
import type { ResultRow } from '../engine/evaluate/report';
import type { Status } from '../engine/core/types';
import { decorationText, diagnosticSpecsForFile, hoverMarkdown, SOURCE, type DiagnosticSpec } from './problems';
import type { StoreChange, WorkspaceStore } from './workspace-store';
import { statusText } from './status-text';

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

const DECORATION_COLOR: Record<Status, string> = {
  liquidatable: 'editorError.foreground',
  critical: 'editorError.foreground',
  warning: 'editorWarning.foreground',
  watch: 'editorInfo.foreground',
  unknown: 'descriptionForeground',
  safe: 'descriptionForeground',
};

export class EditorViews implements vscode.Disposable {
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('liquidationLens');
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
      store.onDidChange((c) => this.update(c)),
      vscode.window.onDidChangeVisibleTextEditors(() => this.decorateVisible()),
      vscode.languages.registerHoverProvider({ scheme: 'file' }, { provideHover: (doc, pos) => this.hover(doc, pos) }),
    );
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  private update(change: StoreChange): void {
    for (const uri of change.removed) this.diagnostics.delete(uri);
    for (const uri of change.changed) {
      const entry = this.store.entry(uri);
      if (!entry) continue;
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      const specs = diagnosticSpecsForFile(entry.evaluation.file, entry.evaluation.rows);
      this.diagnostics.set(uri, specs.map((s) => toDiagnostic(s, doc)));
    }
    this.decorateVisible();
    this.updateStatus();
  }

  private decorateVisible(): void {
    const enabled = this.store.settings.inlineDecorations;
    for (const editor of vscode.window.visibleTextEditors) {
      const rows = this.store.entry(editor.document.uri)?.evaluation.rows ?? [];
      const byStatus = new Map<Status, vscode.DecorationOptions[]>();
      if (enabled) {
        for (const r of rows) {
          const line = Math.max(0, r.line - 1);
          if (line >= editor.document.lineCount) continue;
          const end = editor.document.lineAt(line).range.end;
          const list = byStatus.get(r.status) ?? [];
          list.push({ range: new vscode.Range(end, end), renderOptions: { after: { contentText: decorationText(r) } } });
          byStatus.set(r.status, list);
        }
      }
      for (const [status, type] of this.decorationTypes) editor.setDecorations(type, byStatus.get(status) ?? []);
    }
  }

  private updateStatus(): void {
    const look = statusText(this.store.rows());
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
    const rows: ResultRow[] = this.store.entry(doc.uri)?.evaluation.rows ?? [];
    const row = rows.find((r) => r.line - 1 === pos.line);
    if (!row) return undefined;
    const md = new vscode.MarkdownString(hoverMarkdown(row));
    md.isTrusted = false;
    md.supportHtml = false;
    return new vscode.Hover(md);
  }
}
