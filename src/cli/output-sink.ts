// Writes the output in ~1 MB chunks and waits for 'drain' when the stream is full (backpressure), so a huge report
// never sits in memory as one string. Pieces are strings or the rows' UTF-8 bytes straight from the spool (no decode
// and re-encode); a chunk always ends at a piece boundary, so it never splits a character. A closed pipe (`| head`)
// ends the output quietly.

export interface WritableLike {
  write(chunk: string | Uint8Array): boolean;
  once(event: 'drain' | 'error', cb: () => void): unknown;
  on(event: 'error', cb: (e: Error) => void): unknown;
  removeListener(event: 'drain' | 'error', cb: () => void): unknown;
}

export class OutputSink {
  private buf: Buffer;
  private used = 0;
  private broken = false;

  constructor(private readonly stream: WritableLike, private readonly limit = 1 << 20) {
    this.buf = Buffer.allocUnsafe(Math.max(limit, 1));
    stream.on('error', () => {
      this.broken = true;
    });
  }

  /** Queues `s`; returns a promise to await when the chunk was handed to a full stream, else null. */
  write(s: string | Uint8Array): Promise<void> | null {
    const n = typeof s === 'string' ? Buffer.byteLength(s) : s.length;
    if (this.used + n > this.buf.length) {
      if (this.used > 0) this.grow(this.used + n);
      else this.buf = Buffer.allocUnsafe(n);
    }
    if (typeof s === 'string') this.buf.write(s, this.used);
    else this.buf.set(s, this.used);
    this.used += n;
    return this.used >= this.limit ? this.flush() : null;
  }

  /** Keeps the queued bytes and makes room for `size` (a piece never straddles two chunks). */
  private grow(size: number): void {
    const next = Buffer.allocUnsafe(Math.max(size, this.limit));
    this.buf.copy(next, 0, 0, this.used);
    this.buf = next;
  }

  async flush(): Promise<void> {
    if (!this.used) return;
    const chunk = this.buf.subarray(0, this.used);
    this.buf = Buffer.allocUnsafe(Math.max(this.limit, 1));
    this.used = 0;
    if (this.broken) return;
    if (this.stream.write(chunk)) return;
    await new Promise<void>((resolve) => {
      const done = (): void => {
        this.stream.removeListener('drain', done);
        this.stream.removeListener('error', done);
        resolve();
      };
      this.stream.once('drain', done);
      this.stream.once('error', done);
    });
  }
}
