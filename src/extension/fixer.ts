// "Apply fix": Quick Fix code actions on the Problems of at-risk rows, and the command behind the panel's button
// and Ctrl+. . Every fix is computed on the document's current text (re-evaluated when it differs from what the
// store evaluated, so the offsets are right) and applied as ONE WorkspaceEdit: one undo step.
import * as vscode from 'vscode';
import type { FixKind, TextEdit } from '../engine/fix/fix-edits';
import { fixChoices, isFixKind } from './fixes';
import { SOURCE } from './problems';
import { rowKey } from './rows';
import type { WorkspaceStore } from './workspace-store';
import { canEdit, UNTRUSTED_EDIT_MESSAGE } from './trust';

export interface ApplyFixArgs {
  key: string;
  kind: FixKind;
  asset: string | null;
}

function workspaceEdit(doc: vscode.TextDocument, edits: readonly TextEdit[]): vscode.WorkspaceEdit {
  const we = new vscode.WorkspaceEdit();
  for (const e of edits) {
    const range = new vscode.Range(doc.positionAt(e.offset), doc.positionAt(e.offset + e.length));
    we.replace(doc.uri, range, e.newText);
  }
  return we;
}

type Prepared = { ok: true; title: string; edit: vscode.WorkspaceEdit } | { ok: false; reason: string };

/** The fix's edits, planned in the worker on exactly the document's text (so the offsets are right). */
async function prepare(store: WorkspaceStore, doc: vscode.TextDocument, key: string, kind: FixKind, asset: string | null): Promise<Prepared> {
  const text = doc.getText();
  const plan = await store.planFix(doc.uri, text, key, kind, asset);
  if (doc.getText() !== text) return { ok: false, reason: 'the file changed while the fix was computed; try again' };
  return plan.ok ? { ok: true, title: plan.title, edit: workspaceEdit(doc, plan.edits) } : plan;
}

/** Applies one fix of the row `key`; tells the user why when it cannot. */
export async function applyFix(store: WorkspaceStore, args: ApplyFixArgs): Promise<boolean> {
  if (!canEdit()) return false;
  const found = store.findByKey(args.key);
  if (!found) {
    void vscode.window.showInformationMessage('Liquidation Lens: that position is no longer in the workspace.');
    return false;
  }
  const doc = await vscode.workspace.openTextDocument(found.uri);
  const prepared = await prepare(store, doc, args.key, args.kind, args.asset);
  if (!prepared.ok) {
    void vscode.window.showInformationMessage(`Liquidation Lens: cannot apply the fix: ${prepared.reason}.`);
    return false;
  }
  const applied = await vscode.workspace.applyEdit(prepared.edit);
  if (!applied) void vscode.window.showWarningMessage('Liquidation Lens: the editor refused the fix (the file may be read-only).');
  return applied;
}

export class FixCodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(private readonly store: WorkspaceStore) {}

  async provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext, token?: vscode.CancellationToken): Promise<vscode.CodeAction[]> {
    const ours = context.diagnostics.filter((d) => d.source === SOURCE && typeof d.code === 'string' && d.code.startsWith('position-'));
    if (ours.length === 0) return [];
    const text = doc.getText();
    const entry = this.store.entry(doc.uri);
    // Rows are those of the last evaluation; they name the right lines only while the document holds its text.
    if (!entry || entry.text !== text) return [];
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of ours) {
      const row = entry.evaluation.rows.find((r) => r.line - 1 === diagnostic.range.start.line);
      if (!row) continue;
      const key = rowKey(row);
      for (const choice of fixChoices(row)) {
        const plan = await this.store.planFix(doc.uri, text, key, choice.kind, choice.asset);
        if (token?.isCancellationRequested) return [];
        const action = new vscode.CodeAction(`Liquidation Lens: ${choice.label}`, vscode.CodeActionKind.QuickFix);
        action.diagnostics = [diagnostic];
        if (!vscode.workspace.isTrusted) {
          action.disabled = { reason: UNTRUSTED_EDIT_MESSAGE };
        } else if (plan.ok) {
          action.edit = workspaceEdit(doc, plan.edits);
          action.isPreferred = actions.length === 0;
        } else {
          action.disabled = { reason: plan.reason };
        }
        actions.push(action);
      }
    }
    return actions;
  }
}

export function registerFixes(store: WorkspaceStore): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.languages.registerCodeActionsProvider({ scheme: 'file' }, new FixCodeActions(store), FixCodeActions.metadata),
    vscode.commands.registerCommand('liquidationLens.applyFix', (args: unknown) => {
      const a = args as Partial<ApplyFixArgs> | undefined;
      if (!a || typeof a.key !== 'string' || !isFixKind(a.kind)) return false;
      return applyFix(store, { key: a.key, kind: a.kind, asset: typeof a.asset === 'string' ? a.asset : null });
    }),
  );
}
