// The host keeps a file's row details and risk inputs as the worker's JSON text (src/extension/row-rest.ts) and reads
// one row's when asked: the row made whole again is the engine's row, key for key and in the same key order (an export
// prints it), across chunk boundaries; a row id that has no risk inputs, or an index past the file, reads as null.
import { describe, expect, it } from 'vitest';
import { decodeRows, encodeChunks, rowText } from '../../../src/extension/worker/row-chunks';
import { NO_DETAILS, RowRest, ROW_CHUNK, wholeRow } from '../../../src/extension/row-rest';
import type { RowRiskInputs } from '../../../src/engine/evaluate/row-charts';
import { row, watchRow } from './fixtures';

const N = 2 * ROW_CHUNK + 7;
const rows = Array.from({ length: N }, (_, i) => (i % 3 ? row : watchRow)({
  id: `p${i}`, line: i + 1,
  details: { var: String(i), es: null, liquidationCost: `${i}.5`, timeToLiquidation: i % 2 ? { p01: '1h', p05: '2h', median: `${i}d` } : null, inverse: i % 5 === 0 },
}));
const inputs = { p3: { mark: 3 }, [`p${N - 1}`]: { mark: N - 1 } } as unknown as Record<string, RowRiskInputs>;

function stored() {
  const chunks = encodeChunks(rows, rows.map(rowText), inputs);
  return { heads: chunks.flatMap(decodeRows), rest: new RowRest(chunks.map((c) => c.rest)), chunks };
}

describe('row details kept as text on the host', () => {
  it('the rows cross without their details; made whole, each is the engine row with its keys in order', () => {
    const { heads, rest, chunks } = stored();
    expect(chunks).toHaveLength(3);
    expect(heads.some((h) => 'details' in h)).toBe(false);
    for (const i of [0, 1, ROW_CHUNK - 1, ROW_CHUNK, 2 * ROW_CHUNK + 6, 5]) {
      expect(JSON.stringify(wholeRow(heads[i]!, rest, i))).toBe(JSON.stringify(rows[i]));
    }
  });

  it('details of the chunk\'s shape cross as their values; others (another shape, an undefined value, none) as they are', () => {
    const base = rows.slice(0, 6);
    const mixed = [
      base[0]!,
      { ...base[1]!, details: { ...base[1]!.details, extra: 'x' } },
      { ...base[2]!, details: { es: null, var: '1', liquidationCost: null, timeToLiquidation: null } }, // keys in another order
      { ...base[3]!, details: { ...base[3]!.details, var: undefined } },
      { ...base[4]!, details: null },
      base[5]!,
    ] as unknown as typeof rows;
    const chunks = encodeChunks(mixed, mixed.map(rowText));
    const value = JSON.parse(chunks[0]!.rest) as { keys: string[]; details: unknown[] };
    expect(value.keys).toEqual(Object.keys(base[0]!.details));
    expect(value.details.map((d) => Array.isArray(d))).toEqual([true, false, false, false, false, true]);
    const rest = new RowRest(chunks.map((c) => c.rest));
    const heads = chunks.flatMap(decodeRows);
    mixed.forEach((r, i) => expect(JSON.stringify(wholeRow(heads[i]!, rest, i))).toBe(JSON.stringify({ ...r, details: r.details ?? NO_DETAILS })));
  });

  it('reads risk inputs by row id within the row\'s chunk; absent ids and rows past the file are null', () => {
    const { rest } = stored();
    expect(rest.riskInputs(3, 'p3')).toEqual({ mark: 3 });
    expect(rest.riskInputs(N - 1, `p${N - 1}`)).toEqual({ mark: N - 1 });
    expect(rest.riskInputs(4, 'p4')).toBeNull();
    expect(rest.riskInputs(4, 'toString')).toBeNull(); // an id is never read off the prototype
    expect(rest.details(N)).toBeNull();
    expect(rest.details(-1)).toBeNull();
  });

  it('row ids that name Object.prototype members are plain keys, from the engine to the host', async () => {
    const { evaluateFile } = await import('../../../src/engine/evaluate/evaluate-file');
    const ids = ['__proto__', 'constructor', 'toString', 'hasOwnProperty'];
    const text = JSON.stringify({ version: 1, venue: 'binance-usdm', positions: ids.map((id, i) => ({
      id, symbol: 'BTCUSDT', side: 'long', size: '0.5', entryPrice: '60000', markPrice: String(60000 + i), marginMode: 'isolated', isolatedMargin: '1000', volatility: 0.6,
    })) });
    const ev = evaluateFile({ path: 'p.positions.json', absPath: '/tmp/p.positions.json', text }, { now: Date.parse('2026-11-24T07:00:00Z') });
    expect(ev.rows.map((r) => r.id)).toEqual(ids);
    for (const id of ids) expect(Object.hasOwn(ev.riskInputs!, id)).toBe(true);
    const chunks = encodeChunks(ev.rows, ev.rows.map(rowText), ev.riskInputs);
    const rest = new RowRest(chunks.map((c) => c.rest));
    ids.forEach((id, i) => expect(rest.riskInputs(i, id)).toEqual(ev.riskInputs![id]));
  });

  it('a row that kept its own details (built on the host) is itself; a missing text leaves empty details', () => {
    expect(wholeRow(rows[0]!, undefined, 0)).toBe(rows[0]);
    const { details: _d, ...head } = rows[1]!;
    expect(wholeRow(head, undefined, 1).details).toEqual({ var: null, es: null, liquidationCost: null, timeToLiquidation: null });
  });
});
