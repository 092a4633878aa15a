// The stated limits of a position file (README "Limits"): above them a file gets one diagnostic and is not read.
// Measured on one core of the CI machine: JSON reads at ~3.5 MB/s, CSV faster, YAML at ~0.7 MB/s — so a file at
// its limit is read in about 6 s, never minutes.
import type { Diagnostic, FileFormat } from './types';
import { diagnostic } from './diagnostics';

/** Largest JSON or CSV position file read: 20 MB (bytes on disk; the engine checks the decoded text's length). */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** Largest YAML position file read: 4 MB (the YAML parser is about 5× slower than JSON's). */
export const MAX_YAML_BYTES = 4 * 1024 * 1024;
/** Most positions (and loans, and CSV rows) one file may hold. */
export const MAX_POSITIONS = 200_000;
/** Young generation of an engine worker thread (CLI and extension; 3 × its semi-space): GC of short-lived Decimals was a fifth of a worker's time. */
export const WORKER_YOUNG_GENERATION_MB = 96;

export function maxBytes(format: FileFormat): number {
  return format === 'yaml' ? MAX_YAML_BYTES : MAX_FILE_BYTES;
}

/** The limit for a path by its extension (before reading it): YAML names get the YAML limit. */
export function maxBytesForPath(path: string): number {
  return /\.ya?ml$/i.test(path) ? MAX_YAML_BYTES : MAX_FILE_BYTES;
}

/** Megabytes, for messages. */
export function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export function tooLargeMessage(size: number, limit: number, format: string): string {
  return `This file is ${megabytes(size)}; ${format} position files above ${megabytes(limit)} are not read (README "Limits") — split it`;
}

/** How often a reader re-reads a file whose size or modification time moved during the read. */
export const READ_ATTEMPTS = 3;

/** The whole report of a file refused from its size on disk, before reading it (CLI and extension alike). */
export function tooLargeUnread(path: string, size: number): Diagnostic {
  const limit = maxBytesForPath(path);
  return diagnostic('error', 'file-too-large', tooLargeMessage(size, limit, limit === MAX_YAML_BYTES ? 'YAML' : 'JSON and CSV'));
}

/** The whole report of a file that kept changing while it was read, READ_ATTEMPTS times in a row. */
export function changedWhileReadUnread(): Diagnostic {
  return diagnostic('error', 'file-changed-while-read', `The file changed while it was read, ${READ_ATTEMPTS} times in a row (its size or modification time moved); it is not evaluated — run the check again when the writer is done`);
}

/** Largest history (OHLC CSV) file read: the CSV limit. */
export const MAX_HISTORY_BYTES = MAX_FILE_BYTES;

/**
 * A referenced file's text, read only when it is a regular file within `max` bytes (a FIFO, a device or a 200 MB
 * file a position file points to is never read: the caller reports it as unreadable). The file system is passed in
 * (the engine reads nothing itself).
 */
export function readBounded(stat: () => { isFile(): boolean; size: number }, read: () => string, max = MAX_HISTORY_BYTES): string | undefined {
  try {
    const s = stat();
    return s.isFile() && s.size <= max ? read() : undefined;
  } catch {
    return undefined;
  }
}
