// A quick first look for position files in a `file:` workspace folder, on Node's fs, while `workspace.findFiles`
// searches (issue 10: its search took 0.5–2 s while the workbench starts, the largest part of counting a workspace).
// The scan starts listing what this finds and reconciles with findFiles' answer, which alone decides: a file found
// here but not there is dropped, one found only there is added. Conservative, so the two rarely differ: symbolic
// links, `.git` and `node_modules` are left to findFiles, and past `limit` directory entries it gives up (null).
// No `vscode` import: the store passes the folder, its include glob and its exclude globs.
import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import picomatch from 'picomatch';

const LEFT_TO_FIND_FILES = new Set(['.git', 'node_modules']);

/** The files under `root` matching `include` and none of `exclude` (globs relative to root), or null past `limit` entries. */
export async function quickFind(root: string, include: string, exclude: readonly string[], limit = 20_000): Promise<string[] | null> {
  const matches = picomatch(include, { dot: true });
  const excluded = exclude.length ? picomatch([...exclude], { dot: true }) : () => false;
  const found: string[] = [];
  const dirs = [root];
  let entries = 0;
  while (dirs.length) {
    const dir = dirs.pop()!;
    let list;
    try {
      list = await readdir(dir, { withFileTypes: true });
    } catch {
      continue; // findFiles decides about a folder that cannot be read
    }
    entries += list.length;
    if (entries > limit) return null;
    for (const e of list) {
      if (LEFT_TO_FIND_FILES.has(e.name) || e.isSymbolicLink()) continue;
      const abs = join(dir, e.name);
      const rel = relative(root, abs).split(sep).join('/');
      if (excluded(rel)) continue;
      if (e.isDirectory()) dirs.push(abs);
      else if (e.isFile() && matches(rel)) found.push(abs);
    }
  }
  return found.sort();
}
