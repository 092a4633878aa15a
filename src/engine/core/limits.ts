// The stated limits of a position file (README "Limits"): above them a file gets one diagnostic and is not read.

/** Largest position file read: 50 MB (bytes on disk; the engine checks the decoded text's length, ≤ bytes). */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;
/** Most positions (and loans, and CSV rows) one file may hold. */
export const MAX_POSITIONS = 200_000;

/** Megabytes, for messages. */
export function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
