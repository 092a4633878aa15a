// "Export": the workspace report as Markdown (the one markdown formatter of src/presentation, shared with the CLI's
// --format markdown) or JSON (the CLI's --format json), to the clipboard or a new untitled document (export-report.ts
// builds it).
import * as vscode from 'vscode';
import type { Report } from '../engine/evaluate/report';
import type { FileTimes } from '../presentation/row-shape';
import { exportText, storedReport } from './export-report';
import type { WorkspaceStore } from './workspace-store';

export function workspaceReport(store: WorkspaceStore): { report: Report; times: FileTimes } {
  return storedReport(store.files().map((f) => f.evaluation), store.evaluationTime().getTime());
}

const CHOICES = [
  { label: '$(markdown) Markdown to the clipboard', format: 'markdown', target: 'clipboard' },
  { label: '$(markdown) Markdown in a new document', format: 'markdown', target: 'document' },
  { label: '$(json) JSON to the clipboard', format: 'json', target: 'clipboard' },
  { label: '$(json) JSON in a new document', format: 'json', target: 'document' },
] as const;

export async function exportReport(store: WorkspaceStore): Promise<void> {
  const picked = await vscode.window.showQuickPick(CHOICES.map((c) => ({ ...c })), { placeHolder: 'Export the Liquidation Lens report' });
  if (!picked) return;
  const { report, times } = workspaceReport(store);
  const text = exportText(report, picked.format, times);
  if (picked.target === 'clipboard') {
    await vscode.env.clipboard.writeText(text);
    void vscode.window.showInformationMessage(`Liquidation Lens: report copied as ${picked.format === 'json' ? 'JSON' : 'Markdown'}.`);
    return;
  }
  const doc = await vscode.workspace.openTextDocument({ language: picked.format, content: text });
  await vscode.window.showTextDocument(doc, { preview: false });
}
