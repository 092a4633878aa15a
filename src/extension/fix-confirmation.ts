// What Apply asks before it edits (issue 14 "Controls that do what they look like"): the fix, each value that
// changes with its old and new text, and the file — e.g. `Add 3,908.53 USDT margin: walletBalance "25000" →
// "28908.53" in desk.positions.yaml?`. Pure; file strings are inert (presentation/inert-text.ts).
import type { TextEdit } from '../engine/fix/fix-edits';
import { messageText, nameText, plainText } from '../presentation/inert-text';

export interface ValueChange {
  field: string;
  from: string;
  to: string;
}

const unquote = (s: string): string => s.replace(/^(["'])(.*)\1$/s, '$2');

/** Each edit as field, old value and new value (quotes of the file's own style removed), in file order. */
export function valueChanges(text: string, edits: readonly TextEdit[]): ValueChange[] {
  return [...edits].sort((a, b) => a.offset - b.offset).map((e) => ({
    field: e.field,
    from: unquote(text.slice(e.offset, e.offset + e.length)),
    to: unquote(e.newText),
  }));
}

/** The file's name as shown: its last path segment. */
export function fileLabel(path: string): string {
  return path.split(/[\\/]/).pop() || path;
}

/** `Add 3,908.53 USDT margin: walletBalance "25000" → "28908.53" in desk.positions.yaml?` */
export function confirmationMessage(verb: string, changes: readonly ValueChange[], file: string): string {
  const values = changes.map((c) => `${nameText(c.field)} "${plainText(c.from, 40)}" → "${plainText(c.to, 40)}"`).join(', ');
  return `${messageText(verb)}: ${values} in ${plainText(fileLabel(file), 120)}?`;
}
