import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LineIndex } from '../../../src/engine/parse/lines';

/** The span as two independent position look-ups (start and end), as it was computed before the one-search path. */
function spanViaPositions(ix: LineIndex, text: string, offset: number, length: number) {
  const start = Math.max(0, Math.min(offset, text.length));
  const end = Math.max(start, Math.min(offset + Math.max(0, length), text.length));
  const a = ix.position(start);
  const b = ix.position(end);
  return { offset: start, length: end - start, line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
}

const text = fc.array(fc.constantFrom('a', 'b', ' ', '\n', '\r', '\r\n', '\ufeff'), { maxLength: 40 }).map((xs) => xs.join(''));

describe('LineIndex.span', () => {
  it('equals the start and end positions looked up separately (line breaks \\n, \\r, \\r\\n, a BOM)', () => {
    fc.assert(fc.property(text, fc.integer({ min: -3, max: 45 }), fc.integer({ min: -3, max: 45 }), (t, offset, length) => {
      const ix = new LineIndex(t);
      expect(ix.span(offset, length)).toEqual(spanViaPositions(ix, t, offset, length));
    }), { numRuns: 20000, seed: 20261204 });
  });
});
