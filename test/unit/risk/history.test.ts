import { describe, expect, it } from 'vitest';
import { parseHistory } from '../../../src/engine/risk';
import { parseTime } from '../../../src/engine/core/time';
import { fixtureText } from './helpers';

/** ohlc_A.csv with daily ISO times prepended: a history file as docs/format.md §3.1 describes. */
function historyFrom(name: string, start = Date.UTC(2026, 9, 1)): string {
  const [, ...rows] = fixtureText(name).trim().split(/\r?\n/);
  const lines = rows.map((r, i) => `${new Date(start + i * 86_400_000).toISOString()},${r}`);
  return ['time,open,high,low,close', ...lines].join('\n');
}

describe('parseHistory', () => {
  it('reads 31 daily bars with no diagnostics and infers 86400 s', () => {
    const h = parseHistory(historyFrom('ohlc_A.csv'));
    expect(h.diagnostics).toEqual([]);
    expect(h.bars).toHaveLength(31);
    expect(h.barSeconds).toBe(86_400);
    expect(h.bars[0]).toMatchObject({ open: 100, high: 101.54, low: 98.11, close: 98.83, volume: null, line: 2 });
  });
  it('accepts Unix seconds and milliseconds, a volume column, CRLF, a BOM and a case-insensitive header', () => {
    const text = '\ufeffTime,Open,High,Low,Close,Volume\r\n1700000000,10,11,9,10.5,100\r\n1700003600000,10.5,12,10,11,\r\n';
    const h = parseHistory(text);
    expect(h.diagnostics).toEqual([]);
    expect(h.barSeconds).toBe(3600);
    expect(h.bars.map((b) => b.time)).toEqual([1_700_000_000_000, 1_700_003_600_000]);
    expect(h.bars[0]?.volume).toBe(100);
    expect(h.bars[1]?.volume).toBeNull();
  });
  it('a bad cell is an error on that exact cell and the row is skipped', () => {
    const text = 'time,open,high,low,close\n1700000000,10,11,9,10\n1700086400,10,abc,9,10\n1700172800,10,11,9,10\n';
    const h = parseHistory(text);
    expect(h.bars).toHaveLength(2);
    const d = h.diagnostics.find((x) => x.code === 'history-bad-number');
    expect(d).toMatchObject({ severity: 'error', line: 3, column: 15, endLine: 3, endColumn: 18 });
  });
  it('gaps and irregular spacing are warnings on the time cell; out-of-order rows are errors', () => {
    const text = [
      'time,open,high,low,close',
      '2026-01-01T00:00:00Z,10,11,9,10',
      '2026-01-02T00:00:00Z,10,11,9,10',
      '2026-01-03T00:00:00Z,10,11,9,10',
      '2026-01-05T00:00:00Z,10,11,9,10',
      '2026-01-05T12:00:00Z,10,11,9,10',
      '2026-01-04T00:00:00Z,10,11,9,10',
    ].join('\n');
    const h = parseHistory(text);
    expect(h.barSeconds).toBe(86_400);
    const codes = h.diagnostics.map((d) => [d.code, d.line]);
    expect(codes).toContainEqual(['history-gap', 5]);
    expect(codes).toContainEqual(['history-irregular', 6]);
    expect(codes).toContainEqual(['history-order', 7]);
    expect(h.diagnostics.find((d) => d.code === 'history-gap')).toMatchObject({ column: 1, endColumn: 21, severity: 'warning' });
  });
  it('header, column-count and OHLC consistency errors; never throws', () => {
    expect(parseHistory('date,o,h,l,c\n1,2,3,1,2').diagnostics[0]?.code).toBe('history-header');
    expect(parseHistory('').diagnostics[0]?.code).toBe('history-header');
    const h = parseHistory('time,open,high,low,close\n1700000000,10,11,9\n1700086400,10,9.5,9,10\n1700172800,10,11,9,10,5');
    expect(h.diagnostics.map((d) => d.code)).toEqual(['history-column-count', 'history-ohlc-inconsistent', 'history-column-count', 'history-empty']);
    expect(h.bars).toHaveLength(0);
    expect(h.barSeconds).toBeNull();
    expect(() => parseHistory('\u0000,,,\n"')).not.toThrow();
  });
  it('parseTime: ISO with offset, date only, seconds vs ms, garbage', () => {
    expect(parseTime('2026-11-24T07:00:00Z', 'history')).toBe(Date.UTC(2026, 10, 24, 7));
    expect(parseTime('2026-11-24T09:00:00+02:00', 'history')).toBe(Date.UTC(2026, 10, 24, 7));
    expect(parseTime('2026-11-24', 'history')).toBe(Date.UTC(2026, 10, 24));
    expect(parseTime('1764000000', 'history')).toBe(1_764_000_000_000);
    expect(parseTime('1764000000000', 'history')).toBe(1_764_000_000_000);
    expect(parseTime('yesterday', 'history')).toBeNull();
  });
});

