// CodeLens on each position's entry line, from the store's rows (no parsing in the provider, which is called often; a
// lens reads its row only when resolved; cf. vscode-extension-samples codelens-sample); clicking opens the panel on
// that row. Setting `liquidationLens.codeLens` turns them off.
import * as vscode from 'vscode';
import { codeLensTitle } from './problems';
import { rowKey, type HostRow } from './rows';
import type { RowList } from './row-heads';
import type { WorkspaceStore } from './workspace-store';

/** Registered in main.ts (it needs the panel). */
export const SHOW_IN_PANEL_COMMAND = 'liquidationLens.showInPanel';

/** A lens knows its row's place; the row is read and its title formatted only when VS Code resolves it (the lenses in view). */
class PositionLens extends vscode.CodeLens {
  constructor(range: vscode.Range, private readonly rows: RowList, private readonly at: number) {
    super(range);
  }

  get row(): HostRow | undefined {
    return this.rows.at(this.at);
  }
}

export class PositionLenses implements vscode.CodeLensProvider<PositionLens>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly subscription: vscode.Disposable;
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(private readonly store: WorkspaceStore) {
    // New rows of a file, or edits while it is typed in (its lenses follow the edit or hide: LineTracker).
    this.subscription = store.onDidChange((c) => { if (!c.updatingOnly) this.changed.fire(); });
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }

  provideCodeLenses(doc: vscode.TextDocument): PositionLens[] {
    if (!this.store.settings.codeLens) return [];
    const entry = this.store.entry(doc.uri);
    if (!entry) return [];
    const lenses: PositionLens[] = [];
    const rows = entry.evaluation.rows;
    for (let i = 0; i < rows.length; i++) {
      const line = entry.lines.line(i);
      if (line === null || line >= doc.lineCount) continue;
      lenses.push(new PositionLens(new vscode.Range(line, 0, line, 0), rows, i));
    }
    return lenses;
  }

  resolveCodeLens(lens: PositionLens): PositionLens {
    const row = lens.row;
    if (!row) return lens;
    lens.command = {
      title: codeLensTitle(row),
      tooltip: 'Open this position in the Liquidation Lens panel',
      command: SHOW_IN_PANEL_COMMAND,
      arguments: [rowKey(row)],
    };
    return lens;
  }
}
