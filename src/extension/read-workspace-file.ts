// Reads one position file from the workspace for the extension, as the CLI does (src/cli/read-source.ts): the size is
// checked from a stat first, so a file above the limit gets one diagnostic and is never read into memory; a file
// rewritten during the read is read again (size or mtime moved), so the result is the old or the new file, never a
// mix; a symlink loop, dangling link, folder or unreadable file is skipped with a log line. No `vscode` import: the
// store passes `vscode.workspace.fs` (or, for `file:` URIs, NODE_WORKSPACE_FS), the tests a fake.
import { lstat, readFile, stat } from 'node:fs/promises';
import { changedWhileReadUnread, maxBytesForPath, READ_ATTEMPTS, tooLargeUnread } from '../engine/core/limits';
import type { Diagnostic } from '../engine/core/types';

/** vscode.FileType bits. */
const FILE = 1;
const SYMBOLIC_LINK = 64;

export interface WorkspaceFileSystem<U> {
  stat(uri: U): PromiseLike<{ type: number; size: number; mtime: number }>;
  readFile(uri: U): PromiseLike<Uint8Array>;
}

/** The file's text; or its whole report (`unread`: too large, kept changing); or a log line (`skipped`: not read). */
export type WorkspaceRead = { text: string } | { unread: Diagnostic } | { skipped: string };

const DIRECTORY = 2;

const decoder = new TextDecoder('utf-8');

/**
 * `vscode.workspace.fs`'s stat and read for `file:` URIs, on Node's fs in the extension host: the same types (a link
 * carries the SymbolicLink bit beside its target's type; a dangling link or a loop is SymbolicLink alone), without
 * three round trips to the workbench per file (issue 10: a scan's reads queued behind the host's other messages).
 */
export const NODE_WORKSPACE_FS: WorkspaceFileSystem<{ fsPath: string }> = {
  async stat(uri) {
    const link = await lstat(uri.fsPath);
    const target = link.isSymbolicLink() ? await stat(uri.fsPath).catch(() => null) : link;
    const kind = !target ? 0 : target.isFile() ? FILE : target.isDirectory() ? DIRECTORY : 0;
    return { type: kind | (link.isSymbolicLink() ? SYMBOLIC_LINK : 0), size: target?.size ?? 0, mtime: target?.mtimeMs ?? 0 };
  },
  readFile: (uri) => readFile(uri.fsPath),
};

export async function readWorkspaceFile<U extends { fsPath: string; path: string }>(uri: U, fs: WorkspaceFileSystem<U>): Promise<WorkspaceRead> {
  try {
    for (let attempt = 0; attempt < READ_ATTEMPTS; attempt++) {
      const before = await fs.stat(uri);
      if (!(before.type & FILE)) {
        return { skipped: `skipped ${uri.fsPath}: ${before.type & SYMBOLIC_LINK ? 'dangling symlink or symlink loop' : 'not a file'}` };
      }
      if (before.size > maxBytesForPath(uri.path)) return { unread: tooLargeUnread(uri.path, before.size) };
      const bytes = await fs.readFile(uri);
      const after = await fs.stat(uri);
      if (after.size === before.size && after.mtime === before.mtime && bytes.length === after.size) return { text: decoder.decode(bytes) };
    }
    return { unread: changedWhileReadUnread() };
  } catch (e) {
    return { skipped: `skipped ${uri.fsPath}: cannot read it (${reason(e)})` };
  }
}

function reason(e: unknown): string {
  if (!(e instanceof Error)) return String(e);
  const code = (e as Error & { code?: unknown }).code;
  return typeof code === 'string' && code && !e.message.includes(code) ? `${code}: ${e.message}` : e.message;
}
