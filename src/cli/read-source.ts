// Reads one position file for the CLI: refused above the size limit without reading it, and re-read when it changed
// during the read (size, mtime or inode differ before and after), so the result is the old or the new file, never a mix.
import { readFileSync, statSync, type Stats } from 'node:fs';
import { changedWhileReadUnread, maxBytesForPath, READ_ATTEMPTS, tooLargeUnread } from '../engine/core/limits';
import type { Diagnostic } from '../engine/core/types';

export interface FileSystem {
  stat(path: string): Pick<Stats, 'size' | 'mtimeMs' | 'ino' | 'isFile'>;
  read(path: string): Buffer;
}

export const NODE_FS: FileSystem = { stat: (p) => statSync(p), read: (p) => readFileSync(p) };

export { READ_ATTEMPTS };

export type ReadResult = { bytes: Buffer } | { unread: Diagnostic } | { error: string };

function same(a: ReturnType<FileSystem['stat']>, b: ReturnType<FileSystem['stat']>): boolean {
  return a.size === b.size && a.mtimeMs === b.mtimeMs && a.ino === b.ino;
}

export function readSource(path: string, fs: FileSystem = NODE_FS): ReadResult {
  try {
    for (let attempt = 0; attempt < READ_ATTEMPTS; attempt++) {
      const before = fs.stat(path);
      if (before.size > maxBytesForPath(path)) return { unread: tooLargeUnread(path, before.size) };
      const bytes = fs.read(path);
      const after = fs.stat(path);
      if (same(before, after) && bytes.length === after.size) return { bytes };
    }
    return { unread: changedWhileReadUnread() };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { error: code ? `${code}: ${(e as Error).message}` : (e as Error).message };
  }
}
