import { describe, expect, it } from 'vitest';
import { EventEmitter } from 'node:events';
import { OutputSink } from '../../../src/cli/output-sink';

class SlowStream extends EventEmitter {
  chunks: string[] = [];
  full = true;
  write(chunk: string | Uint8Array): boolean {
    this.chunks.push(String(chunk));
    if (this.full) setTimeout(() => this.emit('drain'), 5);
    return !this.full;
  }
}

describe('output sink', () => {
  it('writes in chunks, waits for drain when the stream is full, and loses nothing', async () => {
    const s = new SlowStream();
    const sink = new OutputSink(s, 10);
    let waited = 0;
    for (let i = 0; i < 20; i++) {
      const p = sink.write(`row-${i};`);
      if (p) {
        waited++;
        await p;
      }
    }
    await sink.flush();
    expect(waited).toBeGreaterThan(5);
    expect(s.chunks.join('')).toBe(Array.from({ length: 20 }, (_, i) => `row-${i};`).join(''));
  });

  it('stops quietly once the stream errors (a closed pipe)', async () => {
    const s = new SlowStream();
    s.full = false;
    const sink = new OutputSink(s, 1);
    await sink.write('a');
    s.emit('error', new Error('EPIPE'));
    await sink.write('b');
    await sink.flush();
    expect(s.chunks).toEqual(['a']);
  });
});
