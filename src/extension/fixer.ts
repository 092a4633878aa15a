// "Apply fix": the command behind the panel's button and Ctrl+. (liquidationLens.applyFix), and Quick Fix code
// actions on Problems (engine fixes of at-risk rows, planned in the worker, and the engine's suggestions such as "did you mean"). Edits are
// safe (issue 13 §5): every fix is applied only to the text it was computed on — Apply compares the text the row was
// evaluated on (hash) and then the document version across its confirmation; a Quick Fix carries the document
// version it was computed on — and refuses with STALE_FIX_MESSAGE otherwise. Apply asks first, naming the file, the
// value and the new value, with a diff preview (issue 14). Each fix is ONE WorkspaceEdit: one undo restores the file.
import * as vscode from 'vscode';
import type { FixKind, TextEdit } from '../engine/fix/fix-edits';
import type { ResultRow } from '../engine/evaluate/report';
import { accountKeyOf, applyEdits, fixChoices, isFixKind } from './fixes';
import { accountFixDisplay, accountFixVerb } from '../presentation/account-lines';
import { basisOf, isStale, STALE_FIX_MESSAGE } from './edit-safety';
import { confirmationMessage, valueChanges } from './fix-confirmation';
import { FixPreviews, PREVIEW_SCHEME } from './fix-preview';
import { SOURCE } from './problems';
import { boundedRef, rowKey } from './rows';
import { findRow } from './row-heads';
import { suggestionFor } from './suggestion-fixes';
import type { WorkspaceStore } from './workspace-store';
import type { FixPlanResult } from './worker/worker-protocol';
import { canEdit, UNTRUSTED_EDIT_MESSAGE } from './trust';

export interface ApplyFixArgs {
  key: string;
  kind: FixKind;
  asset: string | null;
}

/** Internal command of the panel's account headers: applies a cross account's one wallet fix. */
export const APPLY_ACCOUNT_FIX_COMMAND = 'liquidationLens.applyAccountFix';

/** Internal command of the Quick Fixes: applies edits only to the document version they were computed on. */
export const APPLY_EDITS_COMMAND = 'liquidationLens.applyEdits';

interface RangeEdit {
  startLine: number;
  startCharacter: number;
  endLine: number;
  endCharacter: number;
  newText: string;
}

interface ApplyEditsArgs {
  uri: string;
  version: number;
  edits: RangeEdit[];
}

function rangeEdits(doc: vscode.TextDocument, edits: readonly TextEdit[]): RangeEdit[] {
  return edits.map((e) => {
    const a = doc.positionAt(e.offset);
    const b = doc.positionAt(e.offset + e.length);
    return { startLine: a.line, startCharacter: a.character, endLine: b.line, endCharacter: b.character, newText: e.newText };
  });
}

function workspaceEdit(uri: vscode.Uri, edits: readonly RangeEdit[]): vscode.WorkspaceEdit {
  const we = new vscode.WorkspaceEdit();
  for (const e of edits) we.replace(uri, new vscode.Range(e.startLine, e.startCharacter, e.endLine, e.endCharacter), e.newText);
  return we;
}

function refuseStale(store: WorkspaceStore, uri: vscode.Uri): false {
  store.reevaluate(uri);
  void vscode.window.showWarningMessage(STALE_FIX_MESSAGE);
  return false;
}

async function applyOnce(edit: vscode.WorkspaceEdit): Promise<boolean> {
  // applyEdit also carries the document's version: the editor refuses it if the text changed in between.
  const applied = await vscode.workspace.applyEdit(edit);
  if (!applied) void vscode.window.showWarningMessage('Liquidation Lens: the editor refused the fix (the file may be read-only, or it changed).');
  return applied;
}

/** A Quick Fix's edits, if the document is still at the version they were computed on. */
async function applyCheckedEdits(store: WorkspaceStore, args: ApplyEditsArgs): Promise<boolean> {
  if (!canEdit()) return false;
  const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === args.uri);
  if (!doc) return false;
  if (doc.version !== args.version) return refuseStale(store, doc.uri);
  return applyOnce(workspaceEdit(doc.uri, args.edits));
}

type Answer = 'apply' | 'cancel';

/** The diff previews of this session (registered by registerFixes). */
let previews: FixPreviews | undefined;

/** The modal question (Apply / Preview diff / Cancel); after a preview, the same question beside the diff. */
async function confirm(doc: vscode.TextDocument, message: string, after: string): Promise<Answer> {
  const pick = await vscode.window.showWarningMessage(message, { modal: true, detail: 'One undo (Ctrl+Z) restores the file.' }, 'Apply', 'Preview diff');
  if (pick === 'Apply') return 'apply';
  if (pick !== 'Preview diff') return 'cancel';
  await previews?.show(doc, after, `${vscode.workspace.asRelativePath(doc.uri)}: now ↔ after the fix`);
  const again = await vscode.window.showInformationMessage(message, 'Apply', 'Cancel');
  return again === 'Apply' ? 'apply' : 'cancel';
}

/**
 * The common path of Apply: the file must still hold the text the fix was computed on (hash), the edits are planned in
 * the worker on exactly that text, the user confirms (file, value, new value), and the document version must not have
 * moved meanwhile; then ONE WorkspaceEdit.
 */
async function applyPlanned(store: WorkspaceStore, uri: vscode.Uri, evaluatedText: string, plan: (text: string) => Promise<FixPlanResult>, verb: (title: string) => string): Promise<boolean> {
  // The fix the user saw was computed on evaluatedText: the file must still hold exactly that text.
  const basis = basisOf(evaluatedText);
  const doc = await vscode.workspace.openTextDocument(uri);
  const text = doc.getText();
  if (isStale(basis, { text, version: null })) return refuseStale(store, doc.uri);
  const version = doc.version;
  // Planned in the worker on exactly this text (so the offsets are right).
  const planned = await plan(text);
  if (!planned.ok) {
    void vscode.window.showInformationMessage(`Liquidation Lens: cannot apply the fix: ${planned.reason}.`);
    return false;
  }
  const message = confirmationMessage(verb(planned.title), valueChanges(text, planned.edits), doc.uri.path);
  if (await confirm(doc, message, applyEdits(text, planned.edits)) !== 'apply') return false;
  // The question may have been open for a while: a bot or the user may have changed the file meanwhile.
  if (doc.isClosed || isStale({ ...basis, version }, { text: doc.getText(), version: doc.version })) return refuseStale(store, doc.uri);
  return applyOnce(workspaceEdit(doc.uri, rangeEdits(doc, planned.edits)));
}

/** Applies one fix of the row `key` after the user confirmed it; tells the user why when it cannot. */
export async function applyFix(store: WorkspaceStore, args: ApplyFixArgs): Promise<boolean> {
  if (!canEdit()) return false;
  const found = store.findByKey(args.key);
  const entry = found && store.entry(found.uri);
  if (!found || !entry) {
    void vscode.window.showInformationMessage('Liquidation Lens: that position is no longer in the workspace.');
    return false;
  }
  // The panel names a long asset by its boundedRef: back to the file's own asset name.
  const choice = fixChoices(found.row).find((c) => c.kind === args.kind && (c.asset === args.asset || (c.asset !== null && boundedRef(c.asset) === args.asset)));
  const asset = choice ? choice.asset : args.asset;
  return applyPlanned(store, found.uri, entry.text, (text) => store.planFix(found.uri, text, args.key, args.kind, asset), (title) => choice?.verb ?? title);
}

export interface ApplyAccountFixArgs {
  /** The account's key (fixes.ts accountKeyOf: file, venue, account label). */
  account: string;
}

/**
 * Applies a cross account's fix (issue 14): ONE edit of the wallet shared by its cross legs, after the same checks and
 * confirmation as a row's fix; tells the user why when it cannot.
 */
export async function applyAccountFix(store: WorkspaceStore, args: ApplyAccountFixArgs): Promise<boolean> {
  if (!canEdit()) return false;
  // The panel's header carries the account's key bounded (boundedRef: a long account name is cut and hashed).
  const matches = (a: Pick<ResultRow, 'file' | 'venue' | 'account'>): boolean => boundedRef(accountKeyOf(a)) === args.account || accountKeyOf(a) === args.account;
  const entry = store.files().find((f) => f.evaluation.accounts?.some(matches));
  const account = entry?.evaluation.accounts?.find(matches);
  if (!entry || !account) {
    void vscode.window.showInformationMessage('Liquidation Lens: that account is no longer in the workspace.');
    return false;
  }
  const leg = findRow(entry.evaluation.rows, (r) => r.id === account.legs[0])?.row;
  const view = accountFixDisplay(account, leg?.settleCurrency ?? null, null);
  return applyPlanned(store, entry.uri, entry.text, (text) => store.planAccountFix(entry.uri, text, args.account), (title) => (view && view.amount !== null ? accountFixVerb(view) : title));
}

function quickFix(title: string, diagnostic: vscode.Diagnostic, doc: vscode.TextDocument, edits: RangeEdit[]): vscode.CodeAction {
  const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
  action.diagnostics = [diagnostic];
  const args: ApplyEditsArgs = { uri: doc.uri.toString(), version: doc.version, edits };
  action.command = { command: APPLY_EDITS_COMMAND, title, arguments: [args] };
  return action;
}

export class FixCodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(private readonly store: WorkspaceStore) {}

  async provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext, token?: vscode.CancellationToken): Promise<vscode.CodeAction[]> {
    const ours = context.diagnostics.filter((d) => d.source === SOURCE && typeof d.code === 'string');
    if (ours.length === 0) return [];
    const text = doc.getText();
    const entry = this.store.entry(doc.uri);
    // Rows and diagnostics are those of the last evaluation; they name the right places only while the document holds its text.
    if (!entry || entry.text !== text) return [];
    const evaluation = entry.evaluation;
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of ours) {
      const code = diagnostic.code as string;
      if (!code.startsWith('position-')) {
        const s = suggestionFor(evaluation.file, { code, message: diagnostic.message, startLine: diagnostic.range.start.line, startCharacter: diagnostic.range.start.character });
        if (!s) continue;
        const action = quickFix(`Liquidation Lens: ${s.title}`, diagnostic, doc, [{ ...s, newText: s.replacement }]);
        action.isPreferred = true;
        if (!vscode.workspace.isTrusted) action.disabled = { reason: UNTRUSTED_EDIT_MESSAGE };
        actions.push(action);
        continue;
      }
      const row = findRow(evaluation.rows, (r) => r.line - 1 === diagnostic.range.start.line)?.row;
      if (!row) continue;
      const key = rowKey(row);
      for (const choice of fixChoices(row)) {
        const plan = await this.store.planFix(doc.uri, text, key, choice.kind, choice.asset);
        if (token?.isCancellationRequested) return [];
        const action = quickFix(`Liquidation Lens: ${choice.label}`, diagnostic, doc, plan.ok ? rangeEdits(doc, plan.edits) : []);
        if (!vscode.workspace.isTrusted) action.disabled = { reason: UNTRUSTED_EDIT_MESSAGE };
        else if (!plan.ok) action.disabled = { reason: plan.reason };
        else action.isPreferred = !actions.some((a) => a.isPreferred);
        actions.push(action);
      }
    }
    return actions;
  }
}

export function registerFixes(store: WorkspaceStore): vscode.Disposable {
  const own = new FixPreviews();
  previews = own;
  return vscode.Disposable.from(
    own,
    vscode.workspace.registerTextDocumentContentProvider(PREVIEW_SCHEME, own),
    vscode.languages.registerCodeActionsProvider({ scheme: 'file' }, new FixCodeActions(store), FixCodeActions.metadata),
    vscode.commands.registerCommand('liquidationLens.applyFix', (args: unknown) => {
      const a = args as Partial<ApplyFixArgs> | undefined;
      if (!a || typeof a.key !== 'string' || !isFixKind(a.kind)) return false;
      return applyFix(store, { key: a.key, kind: a.kind, asset: typeof a.asset === 'string' ? a.asset : null });
    }),
    vscode.commands.registerCommand(APPLY_ACCOUNT_FIX_COMMAND, (args: unknown) => {
      const a = args as Partial<ApplyAccountFixArgs> | undefined;
      if (!a || typeof a.account !== 'string') return false;
      return applyAccountFix(store, { account: a.account });
    }),
    vscode.commands.registerCommand(APPLY_EDITS_COMMAND, (args: unknown) => {
      const a = args as Partial<ApplyEditsArgs> | undefined;
      if (!a || typeof a.uri !== 'string' || typeof a.version !== 'number' || !Array.isArray(a.edits)) return false;
      return applyCheckedEdits(store, a as ApplyEditsArgs);
    }),
  );
}
