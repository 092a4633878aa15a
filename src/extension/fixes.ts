// Applying a fix (docs/format.md §7): which fixes a row offers, and the engine's text edits for one of them, computed on
// the exact text they will be applied to. Pure (no vscode): the adapter in fixer.ts turns the edits into one
// WorkspaceEdit, so a fix is one undo step.
import { accountFixEdits, fixEdits, type EditResult, type FixKind, type TextEdit } from '../engine/fix/fix-edits';
import type { FileEvaluation } from '../engine/evaluate/evaluate-file';
import type { AccountReport, ResultRow } from '../engine/evaluate/report';
import { fixActions, fixVerb } from '../presentation/describe';
import { FIX_KINDS } from '../protocol/messages';
import { rowKey, type HostRow } from './rows';


export interface FixChoice {
  kind: FixKind;
  /** Asset of a loan fix (a key of `fix.addCollateral` / `fix.repayDebt`); null for perps. */
  asset: string | null;
  /** "Add 77,365.22 USDT margin → safe" */
  label: string;
  /** "Add 77,365.22 USDT margin": what the confirmation asks. */
  verb: string;
}

/** Every fix the engine found for a row (each loan asset its own), margin/collateral first; empty when none. */
export function fixChoices(row: HostRow): FixChoice[] {
  if (!row.fix) return [];
  const target = row.fix.target;
  return fixActions(row.fix, row.settleCurrency, row.symbol, true)
    .map((a) => ({ kind: a.kind, asset: a.asset, label: `${fixVerb(a)} → ${target}`, verb: fixVerb(a) }));
}

export function isFixKind(s: unknown): s is FixKind {
  return typeof s === 'string' && (FIX_KINDS as readonly string[]).includes(s);
}

export type FixPlan = { ok: true; title: string; edits: TextEdit[]; row: ResultRow } | { ok: false; reason: string };

/** The edits of one fix of the row `key`, from an evaluation of exactly `text`. Never throws. */
export function planFix(text: string, evaluation: FileEvaluation, key: string, kind: FixKind, asset: string | null): FixPlan {
  const row = evaluation.rows.find((r) => rowKey(r) === key);
  if (!row) return { ok: false, reason: 'the position is not in this file any more' };
  if (!evaluation.parsed) return { ok: false, reason: 'the file could not be read, so it cannot be edited' };
  let result: EditResult;
  try {
    result = fixEdits(text, evaluation.parsed, row, kind, asset ?? undefined);
  } catch (err) {
    return { ok: false, reason: `the fix could not be computed: ${err instanceof Error ? err.message : String(err)}` };
  }
  if ('reason' in result) return { ok: false, reason: result.reason };
  if (result.edits.length === 0) return { ok: false, reason: 'the fix changes nothing in the file' };
  return { ok: true, title: result.title, edits: result.edits, row };
}

/** Rows of one account share this key (file, venue, account label): the panel's group and the engine's account entry. */
export function accountKeyOf(r: Pick<ResultRow, 'file' | 'venue' | 'account'>): string {
  return `${r.file}\u0000${r.venue ?? ''}\u0000${r.account ?? ''}`;
}

export type AccountFixPlan = { ok: true; title: string; edits: TextEdit[]; account: AccountReport } | { ok: false; reason: string };

/** The one wallet edit of the cross account `key` (accountKeyOf), from an evaluation of exactly `text`. Never throws. */
export function planAccountFix(text: string, evaluation: Pick<FileEvaluation, 'parsed' | 'accounts'>, key: string): AccountFixPlan {
  const account = evaluation.accounts?.find((a) => accountKeyOf(a) === key);
  if (!account) return { ok: false, reason: 'the account is not in this file any more' };
  if (!evaluation.parsed) return { ok: false, reason: 'the file could not be read, so it cannot be edited' };
  let result: EditResult;
  try {
    result = accountFixEdits(text, evaluation.parsed, account);
  } catch (err) {
    return { ok: false, reason: `the fix could not be computed: ${err instanceof Error ? err.message : String(err)}` };
  }
  if ('reason' in result) return { ok: false, reason: result.reason };
  if (result.edits.length === 0) return { ok: false, reason: 'the fix changes nothing in the file' };
  return { ok: true, title: result.title, edits: result.edits, account };
}

/** The text after the edits (non-overlapping offsets into the original text), for previews and tests. */
export function applyEdits(text: string, edits: readonly Pick<TextEdit, 'offset' | 'length' | 'newText'>[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.offset - a.offset)) out = out.slice(0, e.offset) + e.newText + out.slice(e.offset + e.length);
  return out;
}

type PlainEdit = Pick<TextEdit, 'offset' | 'length' | 'newText'>;

/** The edits that undo `edits` on the edited text (offsets into it): applying both restores `text` byte for byte. */
export function invertEdits(text: string, edits: readonly PlainEdit[]): PlainEdit[] {
  let shift = 0;
  return [...edits].sort((a, b) => a.offset - b.offset).map((e) => {
    const inverse = { offset: e.offset + shift, length: e.newText.length, newText: text.slice(e.offset, e.offset + e.length) };
    shift += e.newText.length - e.length;
    return inverse;
  });
}
