// Edits are safe (issue 13 §5): a fix is applied only to the exact text it was computed on. Pure (no vscode): the
// basis of a fix is the text's hash and, for an open document, its version; anything else refuses with one message.
import { createHash } from 'node:crypto';

export const STALE_FIX_MESSAGE =
  'Liquidation Lens: the file changed since this fix was computed; it is being re-evaluated — try again.';

/** What a fix was computed on: the text's SHA-256 and the open document's version (null for a file not open). */
export interface EditBasis {
  hash: string;
  version: number | null;
}

export function textHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function basisOf(text: string, version: number | null = null): EditBasis {
  return { hash: textHash(text), version };
}

/** True when the current text (or the document's version, when both are known) is not the one of the basis. */
export function isStale(basis: EditBasis, current: { text: string; version: number | null }): boolean {
  if (basis.version !== null && current.version !== null && basis.version !== current.version) return true;
  return basis.hash !== textHash(current.text);
}
