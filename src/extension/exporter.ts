// "Export": the workspace report as Markdown (the CLI's formatter, docs/results.md §1.1) or JSON (the CLI's --format json),
// to the clipboard or a new untitled document.
// "Export": the workspace report as Markdown (the one markdown formatter of src/presentation, shared with the CLI's
// --format markdown) or JSON (the CLI's --format json), to the clipboard or a new untitled document. The time
// printed is the time the numbers were computed at (each file's evaluation time), never the wall clock.
import * as vscode from 'vscode';
import { buildReport, type FileEvaluation } from '../engine/evaluate/evaluate-file';
import type { Report } from '../engine/evaluate/report';
import { markdownReport } from '../presentation/markdown-report';
import type { FileTimes } from '../presentation/row-shape';
import type { WorkspaceStore } from './workspace-store';
import { wholeRow } from './row-rest';

export type ExportFormat = 'markdown' | 'json';

export function exportText(report: Report, format: ExportFormat, times?: FileTimes): string {
  return format === 'markdown' ? markdownReport(report, times) : JSON.stringify(report, null, 2) + '\n';
}

/** Each file's evaluation time, ISO. */
export function fileTimes(parts: ReadonlyArray<Pick<FileEvaluation, 'file' | 'now'>>): Record<string, string> {
  return Object.fromEntries(parts.map((p) => [p.file.path, new Date(p.now).toISOString()]));
}

/** The report's `now`: the earliest time a file was evaluated at (all the same unless files pin their own). */
export function reportNow(parts: ReadonlyArray<Pick<FileEvaluation, 'now'>>, fallback: number): number {
  return parts.length ? Math.min(...parts.map((p) => p.now)) : fallback;
}

export function workspaceReport(store: WorkspaceStore): { report: Report; times: FileTimes } {
  const parts = store.files().map(({ evaluation: e }) => ({ ...e, rows: e.rows.map((r, i) => wholeRow(r, e.rest, i)) }));
  return { report: buildReport(parts, reportNow(parts, store.evaluationTime().getTime())), times: fileTimes(parts) };
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
