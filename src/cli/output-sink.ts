// Writes the output in ~1 MB chunks and waits for 'drain' when the stream is full (backpressure), so a huge report
// never sits in memory as one string. A closed pipe (`| head`) ends the output quietly.

export interface WritableLike {
  write(chunk: string): boolean;
  once(event: 'drain' | 'error', cb: () => void): unknown;
  on(event: 'error', cb: (e: Error) => void): unknown;
  removeListener(event: 'drain' | 'error', cb: () => void): unknown;
}

export class OutputSink {
  private parts: string[] = [];
  private size = 0;
  private broken = false;

  constructor(private readonly stream: WritableLike, private readonly limit = 1 << 20) {
    stream.on('error', () => {
      this.broken = true;
    });
  }

  /** Queues `s`; returns a promise to await when the chunk was handed to a full stream, else null. */
  write(s: string): Promise<void> | null {
    this.parts.push(s);
    this.size += s.length;
    return this.size >= this.limit ? this.flush() : null;
  }

  async flush(): Promise<void> {
    if (!this.parts.length) return;
    const chunk = this.parts.join('');
    this.parts = [];
    this.size = 0;
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
