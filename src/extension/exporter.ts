// "Export": the workspace report as Markdown (the CLI's formatter, docs/results.md §1.1) or JSON (the CLI's --format json),
// to the clipboard or a new untitled document.
import * as vscode from 'vscode';
import { formatMarkdown } from '../cli/formats/markdown';
import { buildReport } from '../engine/evaluate/evaluate-file';
import type { Report } from '../engine/evaluate/report';
import type { WorkspaceStore } from './workspace-store';

export type ExportFormat = 'markdown' | 'json';

export function exportText(report: Report, format: ExportFormat): string {
  return format === 'markdown' ? formatMarkdown(report) : JSON.stringify(report, null, 2) + '\n';
}

export function workspaceReport(store: WorkspaceStore): Report {
  return buildReport(store.files().map((f) => f.evaluation), store.evaluationTime().getTime());
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
  const text = exportText(workspaceReport(store), picked.format);
  if (picked.target === 'clipboard') {
    await vscode.env.clipboard.writeText(text);
    void vscode.window.showInformationMessage(`Liquidation Lens: report copied as ${picked.format === 'json' ? 'JSON' : 'Markdown'}.`);
    return;
  }
  const doc = await vscode.workspace.openTextDocument({ language: picked.format, content: text });
  await vscode.window.showTextDocument(doc, { preview: false });
}
