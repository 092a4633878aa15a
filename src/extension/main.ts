// Composition root: wires the store, the editor surfaces, the panel and the commands; every disposable goes into
// context.subscriptions. Nothing here throws out of activate: evaluation errors become diagnostics.
import * as vscode from 'vscode';
import { availableParallelism } from 'node:os';
import { isAtRisk } from '../presentation/describe';
import { atRiskPickItem } from './problems';
import { PositionLenses } from './code-lens';
import { EditorViews } from './editor-views';
import { exportReport } from './exporter';
import { registerFixes } from './fixer';
import { PositionsPanel } from './panel/panel';
import { createSample } from './sample-file';
import { rowKey } from './rows';
import { WorkspaceStore } from './workspace-store';
import { onTrustGranted } from './trust';
import { workerCount } from './worker/worker-pool';
import { startHostStats } from './host-stats';

export function activate(context: vscode.ExtensionContext): void {
  context.subscriptions.push(startHostStats());
  const log = vscode.window.createOutputChannel('Liquidation Lens', { log: true });
  // The engine runs in worker threads (worker-pool.ts workerCount): the extension host never waits.
  const workerScript = vscode.Uri.joinPath(context.extensionUri, 'dist', 'extension-worker.js').fsPath;
  const store = new WorkspaceStore(log, workerScript, workerCount(availableParallelism()));
  const views = new EditorViews(store);
  const reveal = (key: string, preserveFocus: boolean): Promise<void> => revealRow(store, key, preserveFocus, panel);
  const panel: PositionsPanel = new PositionsPanel(context, store, log, reveal);
  const lenses = new PositionLenses(store);
  context.subscriptions.push(
    log, store, views, panel, lenses, registerFixes(store),
    vscode.languages.registerCodeLensProvider({ scheme: 'file' }, lenses),
    vscode.commands.registerCommand('liquidationLens.openPanel', () => panel.show()),
    vscode.commands.registerCommand('liquidationLens.showInPanel', (key: unknown) => panel.show(typeof key === 'string' ? key : undefined)),
    vscode.commands.registerCommand('liquidationLens.export', () => exportReport(store)),
    vscode.commands.registerCommand('liquidationLens.refresh', () => store.refreshAll()),
    vscode.commands.registerCommand('liquidationLens.showAtRisk', () => showAtRisk(store, panel)),
    vscode.commands.registerCommand('liquidationLens.createSample', async () => {
      if (await createSample(context.extensionUri)) void store.refreshAll(false);
    }),
    // Restricted Mode → trusted: the workspace's restricted settings now count; Quick Fixes and Apply are enabled.
    onTrustGranted(() => void store.reloadSettings()),
  );
  void store.refreshAll().then(() => {
    if (store.settings.openPanelOnStartup && !panel.isOpen) panel.show();
  });
}

export function deactivate(): void {
  // everything is disposed through context.subscriptions
}

async function revealRow(store: WorkspaceStore, key: string, preserveFocus: boolean, panel?: PositionsPanel): Promise<void> {
  const found = store.findByKey(key);
  if (!found) return;
  const { row, uri } = found;
  const pos = new vscode.Position(Math.max(0, row.line - 1), Math.max(0, row.column - 1));
  const doc = await vscode.workspace.openTextDocument(uri);
  const besidePanel = panel?.isOpen ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
  const editor = await vscode.window.showTextDocument(doc, { selection: new vscode.Range(pos, pos), preserveFocus, viewColumn: besidePanel, preview: true });
  editor.revealRange(new vscode.Range(pos, pos), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

async function showAtRisk(store: WorkspaceStore, panel: PositionsPanel): Promise<void> {
  const rows = store.rows((e) => !e.pending && isAtRisk(e.status));
  if (rows.length === 0) {
    void vscode.window.showInformationMessage('Liquidation Lens: no position at watch or worse.');
    return;
  }
  const items = rows.map((r) => ({ ...atRiskPickItem(r), key: rowKey(r) }));
  const picked = await vscode.window.showQuickPick(items, { placeHolder: `${rows.length} position(s) at watch or worse`, matchOnDescription: true, matchOnDetail: true });
  if (picked) await revealRow(store, picked.key, false, panel);
}
