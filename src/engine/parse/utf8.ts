// UTF-8 decoding with the position of the first invalid byte (docs/format.md §7).
import type { Diagnostic } from '../core/types';
import { LineIndex } from './lines';
import { diagnostic } from '../core/diagnostics';

/** Length of the valid UTF-8 prefix of `bytes` (index of the first byte that starts an invalid sequence). */
export function firstInvalidByte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let need: number;
    let min: number;
    if (b < 0x80) { i++; continue; }
    else if (b >= 0xc2 && b <= 0xdf) { need = 1; min = 0x80; }
    else if (b >= 0xe0 && b <= 0xef) { need = 2; min = 0x800; }
    else if (b >= 0xf0 && b <= 0xf4) { need = 3; min = 0x10000; }
    else return i;
    let cp = b & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/**
 * Decodes UTF-8 (a BOM is kept as U+FEFF so offsets match the bytes' text; columns ignore it). Invalid bytes
 * become U+FFFD and an error diagnostic at the first one.
 */
export function decodeUtf8(bytes: Uint8Array): { text: string; diagnostics: Diagnostic[] } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes), diagnostics: [] };
  } catch {
    const bad = firstInvalidByte(bytes);
    const text = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(bytes);
    const at = bad < 0 ? bytes.length : bad;
    const prefix = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(0, at));
    const lines = new LineIndex(text);
    const span = lines.span(prefix.length, 1);
    const byte = bytes[at];
    const hex = byte === undefined ? 'end of file' : `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    return {
      text,
      diagnostics: [diagnostic('error', 'invalid-utf8', `The file is not valid UTF-8: byte ${hex} at byte offset ${at} cannot be decoded (save the file as UTF-8)`, span)],
    };
  }
}
