// Progress of a long `check` on a terminal (docs/results.md §1): one line on stderr, rewritten in place with `\r`, shown only
// after the run has taken `delayMs`, cleared at the end. Off on a pipe, a file or with --quiet.

export interface ProgressStream {
  write(s: string): unknown;
  isTTY?: boolean;
}

export class Progress {
  private files = 0;
  private positions = 0;
  private width = 0;
  private lastDraw = 0;
  private timer: ReturnType<typeof setInterval> | null = null;
  private readonly start: number;

  constructor(
    private readonly stream: ProgressStream,
    readonly enabled: boolean,
    private readonly totalFiles: number,
    private readonly clock: () => number = Date.now,
    private readonly delayMs = 1000,
  ) {
    this.start = clock();
  }

  /** Whether progress shows at all: a terminal on stderr and no --quiet. */
  static wanted(stream: ProgressStream, quiet: boolean): boolean {
    return !quiet && stream.isTTY === true;
  }

  /** Redraws on a timer too, so a long file in a worker still shows the clock moving. */
  startTimer(): void {
    if (!this.enabled || this.timer) return;
    this.timer = setInterval(() => this.draw(), 250);
    this.timer.unref?.();
  }

  fileDone(positions: number): void {
    this.files++;
    this.positions += positions;
    this.draw();
  }

  private draw(): void {
    if (!this.enabled) return;
    const t = this.clock();
    if (t - this.start < this.delayMs || t - this.lastDraw < 100) return;
    this.lastDraw = t;
    const secs = Math.floor((t - this.start) / 1000);
    const line = `liquidation-lens: ${this.files}/${this.totalFiles} files · ${this.positions.toLocaleString('en-US')} positions · ${secs} s`;
    this.stream.write('\r' + line + ' '.repeat(Math.max(0, this.width - line.length)));
    this.width = line.length;
  }

  /** Clears the line (if one was drawn) and stops the timer. */
  done(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    if (this.width > 0) this.stream.write('\r' + ' '.repeat(this.width) + '\r');
    this.width = 0;
  }
}
