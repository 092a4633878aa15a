import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { compareRecords, recordOf } from '../../../src/cli/row-record';
import { compareRows } from '../../../src/engine/evaluate/row-order';
import { Dec } from '../../../src/engine/core/decimal';
import { Spool } from '../../../src/cli/spool';
import { STATUS_ORDER } from '../../../src/engine/core/types';
import type { ResultRow } from '../../../src/engine/evaluate/report';

describe('row records sort exactly as compareRows', () => {
  it('on rows with ties, near-equal distances (same double, different decimals) and nulls', () => {
    const distance = fc.oneof(
      fc.constant(null), fc.constant('0'), fc.constant('0.1'), fc.constant('0.1000000000000000000000000001'),
      fc.constant('0.0999999999999999999999999999'), fc.double({ min: 0, max: 2, noNaN: true }).map((d) => String(d)),
    );
    const row = fc.record({
      status: fc.constantFrom(...STATUS_ORDER), distance, file: fc.constantFrom('a.json', 'b.yaml', 'B.csv'),
      line: fc.integer({ min: 1, max: 4 }), column: fc.integer({ min: 1, max: 2 }),
    });
    fc.assert(fc.property(fc.array(row, { maxLength: 40 }), (rs) => {
      const rows = rs.map((r, i) => ({ ...r, id: `r${i}`, distance: r.distance?.includes('e') ? null : r.distance }) as unknown as ResultRow);
      const expected = [...rows].sort(compareRows).map((r) => (r as any).id);
      const fileIndex = new Map([...new Set(rows.map((r) => r.file))].sort().map((f, i) => [f, i]));
      const recs = rows.map((r, i) => ({ rec: recordOf(r, fileIndex.get(r.file)!, i), id: (r as any).id }));
      const got = recs.sort((a, b) => compareRecords(a.rec, b.rec)).map((x) => x.id);
      expect(got).toEqual(expected);
    }));
  });
});

describe('compareRows orders distances as Decimal does', () => {
  it('where the doubles are equal, differ, or the texts are equal', () => {
    const digits = fc.stringMatching(/^[0-9]{1,30}$/);
    const text = fc.tuple(fc.constantFrom('0', '1', '0.0', '0.09', '0.1', '12'), digits).map(([a, b]) => `${a}${a.includes('.') ? '' : '.'}${b}`);
    const at = (distance: string) => ({ status: 'watch', distance, file: 'a.json', line: 1, column: 1 }) as const;
    fc.assert(fc.property(text, text, (a, b) => {
      expect(Math.sign(compareRows(at(a), at(b)))).toBe(new Dec(a).comparedTo(new Dec(b)));
    }), { numRuns: 2000 });
    expect(compareRows(at('0.1000000000000000000000000001'), at('0.1'))).toBe(1);
    expect(compareRows(at('0.0999999999999999999999999999'), at('0.1'))).toBe(-1);
  });
});

describe('spool', () => {
  it('gives back every text, in memory and after spilling to its temp file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'll-spool-'));
    const s = new Spool(0, join(dir, 's'), 100);
    const texts = Array.from({ length: 50 }, (_, i) => `row ${i} · ${'é'.repeat(i % 7)}`);
    const refs: number[] = [];
    for (let i = 0; i < texts.length; i += 5) refs.push(...s.append(texts.slice(i, i + 5)));
    texts.forEach((t, i) => expect(s.read(refs[2 * i]!, refs[2 * i + 1]!)).toBe(t));
    s.close();
    const small = new Spool(1, join(dir, 't'), 1 << 20);
    const r = small.append(['a', 'bc', '']);
    expect([small.read(r[0]!, r[1]!), small.read(r[2]!, r[3]!), small.read(r[4]!, r[5]!)]).toEqual(['a', 'bc', '']);
  });

  it('keeps each text as the bytes Buffer.from gives it (surrogate pairs, a lone surrogate), in memory and spilled', () => {
    const dir = mkdtempSync(join(tmpdir(), 'll-spool-'));
    const texts = ['😀 a', '\ud800x', 'plain', '', 'é€'];
    for (const spillAt of [1 << 20, 0]) {
      const s = new Spool(2, join(dir, `u${spillAt}`), spillAt);
      const r = s.append(texts);
      texts.forEach((t, i) => expect(Buffer.compare(s.bytes(r[2 * i]!, r[2 * i + 1]!), Buffer.from(t))).toBe(0));
      s.close();
    }
  });
});
