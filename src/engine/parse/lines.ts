// Offsets → 1-based line/column (UTF-16 units, endColumn exclusive), shared by every reader.
import type { Span } from '../core/types';

export class LineIndex {
  private readonly starts: number[] = [0];
  /** A leading BOM is not shown by editors, so it does not count in line 1's columns. */
  private readonly bom: boolean;

  constructor(private readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) this.starts.push(i + 1);
      else if (c === 13 && text.charCodeAt(i + 1) !== 10) this.starts.push(i + 1);
    }
    this.bom = text.charCodeAt(0) === 0xfeff;
  }

  position(offset: number): { line: number; column: number } {
    const off = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineAt(off);
    return { line: line + 1, column: this.columnAt(off, line) };
  }

  span(offset: number, length: number): Span {
    const start = Math.max(0, Math.min(offset, this.text.length));
    const end = Math.max(start, Math.min(offset + Math.max(0, length), this.text.length));
    const a = this.lineAt(start);
    // most spans end on the line they start on: no second search then
    const next = this.starts[a + 1];
    const b = next === undefined || end < next ? a : this.lineAt(end);
    return { offset: start, length: end - start, line: a + 1, column: this.columnAt(start, a), endLine: b + 1, endColumn: this.columnAt(end, b) };
  }

  /** The 0-based line holding `off` (the last line start ≤ off). */
  private lineAt(off: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= off) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  private columnAt(off: number, line: number): number {
    const column = off - this.starts[line]! + 1;
    return line === 0 && this.bom && off > 0 ? column - 1 : column;
  }

  /** The start of the file (BOM skipped), for file-level diagnostics. */
  fileStart(): Span {
    return this.span(this.bom ? 1 : 0, 0);
  }
}
