// Confinement of the paths a position file refers to (issue 13 item 1): `history:` and any future reference
// resolves inside a root (the workspace folder in the extension; the CLI's working directory or checked folder, or
// `--root`). Absolute paths (POSIX, `C:\`, `C:`, `\\server\share`, `//server`), `..` that leaves the root and
// symlinks that point outside it are refused, before anything is opened. Pure: the real-path lookup is injected.
import { isAbsolute, relative, resolve, sep } from 'node:path';

export const OUTSIDE_ROOT = 'history-outside-root';

export type Confined =
  | { ok: true; absPath: string }
  | { ok: false; rule: string };

/** Resolves a path through symlinks; undefined when it does not exist or cannot be resolved. */
export type RealPath = (absPath: string) => string | undefined;

function inside(root: string, abs: string): boolean {
  const rel = relative(root, abs);
  return rel === '' || (!rel.startsWith('..' + sep) && rel !== '..' && !isAbsolute(rel));
}

/** Why a written reference is refused on its face (before resolving), or null. */
export function refusedForm(ref: string): string | null {
  if (ref.includes('\0')) return 'a path must not contain a NUL character';
  if (/^[a-zA-Z]:/.test(ref)) return 'absolute paths are not allowed (a Windows drive path); write a path relative to this file, inside the root';
  if (/^[\\/]{2}/.test(ref)) return 'absolute paths are not allowed (a network share path); write a path relative to this file, inside the root';
  if (/^[\\/]/.test(ref) || isAbsolute(ref)) return 'absolute paths are not allowed; write a path relative to this file, inside the root';
  return null;
}

/**
 * Where a reference written in a file at `fromDir` points, if it stays inside `root`. Backslashes count as
 * separators on every platform (`..\..\x` is `../../x`). With `realpath`, the target and the root are compared
 * after resolving symlinks; a target that cannot be resolved is refused (nothing to open).
 */
export function confine(ref: string, fromDir: string, root: string, realpath?: RealPath): Confined {
  const form = refusedForm(ref);
  if (form) return { ok: false, rule: form };
  const rootAbs = resolve(root);
  const abs = resolve(fromDir, ref.replace(/\\/g, '/'));
  if (!inside(rootAbs, abs)) return { ok: false, rule: 'the path leaves the root folder (`..`); history files must be inside it' };
  if (!realpath) return { ok: true, absPath: abs };
  const real = realpath(abs);
  if (real === undefined) return { ok: true, absPath: abs }; // does not exist: the reader reports it unreadable
  const realRoot = realpath(rootAbs) ?? rootAbs;
  if (!inside(realRoot, real)) return { ok: false, rule: 'the path is a symlink (or goes through one) that points outside the root folder' };
  return { ok: true, absPath: real };
}
