// The spool's hand-over from a `check` worker to the main thread: in memory, the same bytes arrive through the
// transferred buffers (not the file); once spilled, through the file. Either way each row reads back byte for byte.
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MessageChannel, receiveMessageOnPort } from 'node:worker_threads';
import { Spool, type SpoolHandover } from '../../../src/cli/spool';

const dir = mkdtempSync(join(tmpdir(), 'll-spool-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const texts = (n: number, at: number) => Array.from({ length: n }, (_, i) => `{"id":"r${at + i}","note":"é ${'x'.repeat(i % 7)}"}`);

/** The hand-over as the worker posts it (buffers transferred) and the main thread receives it. */
function postAcross(h: SpoolHandover): SpoolHandover {
  const { port1, port2 } = new MessageChannel();
  port1.postMessage(h, 'chunks' in h ? h.chunks.map((c) => c.buffer as ArrayBuffer) : []);
  const got = receiveMessageOnPort(port2)!.message as SpoolHandover;
  port1.close();
  return got;
}

describe('spool hand-over', () => {
  it.each([['in memory', 1 << 20, false], ['spilled to its file', 64, true]] as const)('%s: every row reads back exactly', (_, spillAt, spilled) => {
    const path = join(dir, `spool-${spillAt}`);
    const spool = new Spool(1, path, spillAt);
    const written = [...texts(5, 0), ...texts(9, 5)];
    const refs = [...spool.append(written.slice(0, 5)), ...spool.append(written.slice(5))];
    const h = spool.handOver();
    expect('file' in h).toBe(spilled);
    expect(existsSync(path)).toBe(spilled);
    const received = Spool.received(1, path, postAcross(h));
    written.forEach((t, i) => expect(received.read(refs[2 * i]!, refs[2 * i + 1]!)).toBe(t));
    received.close();
  });
});
