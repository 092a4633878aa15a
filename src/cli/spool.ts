// Where the serialised rows wait for the global sort: a row is kept as its final text, once, and the sort moves only
// small records that point into the spool (offset, length). In memory up to `spillAt` bytes, then in a temp file,
// so a million rows never sit in the heap as strings. A worker's spool still in memory at its end is handed to the
// main thread whole (its buffers transferred, not copied); a spilled one is read from its file, whole when it is small
// enough (one read instead of one per row). Rows' bytes go to the output without being decoded.
import { closeSync, fstatSync, openSync, readSync, writeSync } from 'node:fs';

/** A spool file up to this size is read whole for the output pass; a larger one is read row by row. */
const READ_WHOLE_AT = 768 * 1024 * 1024;

/** A worker's spool at its end, for the main thread: its bytes (transferable buffers) or "read my file". */
export type SpoolHandover = { chunks: Uint8Array[]; starts: number[] } | { file: true };

export interface SpoolRef {
  spool: number;
  offset: number;
  length: number;
}

export class Spool {
  private chunks: Buffer[] = [];
  private starts: number[] = [];
  private fd: number | null = null;
  private size = 0;
  private readBuf = Buffer.alloc(64 * 1024);

  /** `path`: the temp file to spill to; `spillAt`: bytes kept in memory before spilling (0: always on disk). */
  constructor(readonly id: number, private readonly path: string, private readonly spillAt: number) {
    if (spillAt <= 0) this.fd = openSync(path, 'w+');
  }

  /** Appends the texts (one write); returns each text's [offset, length] in bytes, flattened. */
  append(texts: string[]): number[] {
    let total = 0;
    for (const t of texts) total += Buffer.byteLength(t);
    // each text encoded straight into its place (no joined string to flatten and encode again); never from Node's
    // shared pool, so the buffer can be transferred to another thread whole
    const buf = Buffer.allocUnsafeSlow(total);
    const refs: number[] = [];
    let at = 0;
    for (const t of texts) {
      const n = buf.write(t, at);
      refs.push(this.size + at, n);
      at += n;
    }
    if (this.fd === null && this.size + buf.length > this.spillAt) this.spill();
    if (this.fd !== null) writeSync(this.fd, buf, 0, buf.length, this.size);
    else {
      this.chunks.push(buf);
      this.starts.push(this.size);
    }
    this.size += buf.length;
    return refs;
  }

  private spill(): void {
    this.fd = openSync(this.path, 'w+');
    let at = 0;
    for (const c of this.chunks) {
      writeSync(this.fd, c, 0, c.length, at);
      at += c.length;
    }
    this.chunks = [];
    this.starts = [];
  }

  private whole: Buffer | null = null;

  read(offset: number, length: number): string {
    if (this.fd !== null && this.whole === null) return readAt(this.fd, offset, length, this);
    return this.bytes(offset, length).toString('utf8');
  }

  /** The bytes of one text; valid until the next call (a view into the spool or its reusable read buffer). */
  bytes(offset: number, length: number): Buffer {
    if (this.whole !== null) return this.whole.subarray(offset, offset + length);
    if (this.fd !== null) {
      if (this.size <= READ_WHOLE_AT) {
        this.whole = readWhole(this.fd, this.size);
        return this.whole.subarray(offset, offset + length);
      }
      return readBytesAt(this.fd, offset, length, this);
    }
    let lo = 0, hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    const start = offset - this.starts[lo]!;
    return this.chunks[lo]!.subarray(start, start + length);
  }

  /** Reusable read buffer (grown on demand). */
  buffer(length: number): Buffer {
    if (this.readBuf.length < length) this.readBuf = Buffer.alloc(Math.max(length, this.readBuf.length * 2));
    return this.readBuf;
  }

  /** Ends a worker's spool: its in-memory chunks (to transfer) or, once spilled, its closed file. */
  handOver(): SpoolHandover {
    if (this.fd === null) {
      const out = { chunks: this.chunks, starts: this.starts };
      this.chunks = [];
      this.starts = [];
      return out;
    }
    this.close();
    return { file: true };
  }

  /** The main thread's view of a worker's spool: the chunks it handed over, else its file at `path`. */
  static received(id: number, path: string, h: SpoolHandover): Spool {
    if ('file' in h) return Spool.reader(id, path);
    const s = new Spool(id, path, Infinity);
    s.chunks = h.chunks.map((c) => Buffer.from(c.buffer, c.byteOffset, c.byteLength));
    s.starts = h.starts;
    s.size = h.chunks.reduce((n, c) => n + c.byteLength, 0);
    return s;
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
    this.chunks = [];
    this.whole = null;
  }

  /** Opens another thread's spool file for reading. */
  static reader(id: number, path: string): Spool {
    const s = new Spool(id, path, Infinity);
    s.fd = openSync(path, 'r');
    s.size = fstatSync(s.fd).size;
    return s;
  }
}

function readAt(fd: number, offset: number, length: number, spool: Spool): string {
  return readBytesAt(fd, offset, length, spool).toString('utf8');
}

function readBytesAt(fd: number, offset: number, length: number, spool: Spool): Buffer {
  const buf = spool.buffer(length);
  fill(fd, buf, offset, length);
  return buf.subarray(0, length);
}

function readWhole(fd: number, size: number): Buffer {
  const buf = Buffer.allocUnsafe(size);
  fill(fd, buf, 0, size);
  return buf;
}

function fill(fd: number, buf: Buffer, offset: number, length: number): void {
  let got = 0;
  while (got < length) {
    const n = readSync(fd, buf, got, length - got, offset + got);
    if (n === 0) throw new Error('spool file shorter than expected');
    got += n;
  }
}
