// The CLI's confinement root (issue 13): `--root` when given; else the working directory when the checked path
// lies inside it, else the checked folder (a checked file's own folder).
import { statSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';

function isInside(root: string, abs: string): boolean {
  const rel = relative(root, abs);
  return rel === '' || (rel !== '..' && !rel.startsWith('..' + sep) && !isAbsolute(rel));
}

/** The root for one checked path (as given on the command line). */
export function rootFor(checked: string, rootFlag: string | null, cwd = process.cwd()): string {
  if (rootFlag !== null) return resolve(cwd, rootFlag);
  const abs = resolve(cwd, checked);
  if (isInside(cwd, abs)) return cwd;
  try {
    return statSync(abs).isDirectory() ? abs : dirname(abs);
  } catch {
    return dirname(abs);
  }
}

/** The checked path a discovered file came from (the first that contains it, else itself). */
export function checkedPathOf(file: string, checked: string[], cwd = process.cwd()): string {
  for (const c of checked) {
    const abs = resolve(cwd, c);
    if (abs === file || isInside(abs, file)) return c;
  }
  return file;
}

/** fs.realpathSync.native, undefined when the path does not resolve. */
export function realpathOrUndefined(p: string): string | undefined {
  try {
    return realpathSync.native(p);
  } catch {
    return undefined;
  }
}
