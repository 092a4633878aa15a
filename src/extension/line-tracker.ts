// Where each row of a file is while its document is edited: rows below an edit move with it, rows on an edited line
// are hidden (null) until the next evaluation. Decorations, CodeLens and hovers read it, so they follow the text or
// disappear, never sit on the wrong line. Pure (0-based lines).

export interface LineEdit {
  /** First and last line of the replaced range (0-based, before the edit). */
  startLine: number;
  endLine: number;
  /** Line breaks in the inserted text. */
  newLines: number;
}

export class LineTracker {
  private readonly lines: Array<number | null>;

  constructor(lines: ReadonlyArray<number | null>) {
    this.lines = [...lines];
  }

  /** The current line of row `i`, or null when hidden. */
  line(i: number): number | null {
    return this.lines[i] ?? null;
  }

  /** Applies one change event's edits (VS Code lists them so that each applies to the text before the event). */
  apply(edits: readonly LineEdit[]): void {
    // Later edits first, so earlier ranges stay valid.
    for (const e of [...edits].sort((a, b) => b.startLine - a.startLine)) {
      const delta = e.newLines - (e.endLine - e.startLine);
      for (let i = 0; i < this.lines.length; i++) {
        const l = this.lines[i];
        if (l === null || l === undefined) continue;
        if (l > e.endLine) this.lines[i] = l + delta;
        else if (l >= e.startLine) this.lines[i] = null;
      }
    }
  }
}
