// CodeLens on each position's entry line, from the store's cached rows (no parsing in the provider, which is called often;
// cf. vscode-extension-samples codelens-sample); clicking opens the panel on that row. Setting `liquidationLens.codeLens` turns them off.
import * as vscode from 'vscode';
import { codeLensTitle } from './problems';
import { rowKey } from './rows';
import type { WorkspaceStore } from './workspace-store';

/** Registered in main.ts (it needs the panel). */
export const SHOW_IN_PANEL_COMMAND = 'liquidationLens.showInPanel';

export class PositionLenses implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly subscription: vscode.Disposable;
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(private readonly store: WorkspaceStore) {
    this.subscription = store.onDidChange(() => this.changed.fire());
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }

  provideCodeLenses(doc: vscode.TextDocument): vscode.CodeLens[] {
    if (!this.store.settings.codeLens) return [];
    const rows = this.store.entry(doc.uri)?.evaluation.rows ?? [];
    return rows.filter((r) => r.line >= 1 && r.line <= doc.lineCount).map((r) => {
      const line = r.line - 1;
      return new vscode.CodeLens(new vscode.Range(line, 0, line, 0), {
        title: codeLensTitle(r),
        tooltip: 'Open this position in the Liquidation Lens panel',
        command: SHOW_IN_PANEL_COMMAND,
        arguments: [rowKey(r)],
      });
    });
  }
}
