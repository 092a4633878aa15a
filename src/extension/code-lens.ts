// CodeLens on each position's entry line, from the store's cached rows (no parsing in the provider, which is called often;
// cf. vscode-extension-samples codelens-sample); clicking opens the panel on that row. Setting `liquidationLens.codeLens` turns them off.
import * as vscode from 'vscode';
import { codeLensTitle } from './problems';
import { rowKey, type HostRow } from './rows';
import type { WorkspaceStore } from './workspace-store';

/** Registered in main.ts (it needs the panel). */
export const SHOW_IN_PANEL_COMMAND = 'liquidationLens.showInPanel';

/** A lens knows its row; its title is formatted only when VS Code resolves it (the lenses in view). */
class PositionLens extends vscode.CodeLens {
  constructor(range: vscode.Range, readonly row: HostRow) {
    super(range);
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
    entry.evaluation.rows.forEach((r, i) => {
      const line = entry.lines.line(i);
      if (line === null || line >= doc.lineCount) return;
      lenses.push(new PositionLens(new vscode.Range(line, 0, line, 0), r));
    });
    return lenses;
  }

  resolveCodeLens(lens: PositionLens): PositionLens {
    lens.command = {
      title: codeLensTitle(lens.row),
      tooltip: 'Open this position in the Liquidation Lens panel',
      command: SHOW_IN_PANEL_COMMAND,
      arguments: [rowKey(lens.row)],
    };
    return lens;
  }
}
