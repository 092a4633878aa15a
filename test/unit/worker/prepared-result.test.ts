// The host builds a worker result's index entries in slices (no long task on the extension host) — the same entries
// as building them at once, and a cancel during the slicing stops it with Cancelled.
import { describe, expect, it } from 'vitest';
import { makeEntry, type RowEntry } from '../../../src/extension/panel/row-entry';
import { aggregate, RowIndex } from '../../../src/extension/panel/row-index';
import { prepared, sortInSlices } from '../../../src/extension/worker/prepared-result';
import { defaultCompare } from '../../../src/extension/panel/sort-keys';
import { STATUS_ORDER } from '../../../src/protocol/messages';
import { Cancelled } from '../../../src/extension/worker/worker-pool';
import type { EvaluationResult } from '../../../src/extension/worker/worker-protocol';
import { encodeChunks, rowText } from '../../../src/extension/worker/row-chunks';
import { ROW_CHUNK, wholeRow } from '../../../src/extension/row-rest';
import type { RowRiskInputs } from '../../../src/engine/evaluate/row-charts';
import { fileReport, row } from '../extension/fixtures';

function rowsOf(n: number) {
  return Array.from({ length: n }, (_, i) => row({ file: 'a.positions.json', id: `r${i}`, line: i + 1, symbol: i % 2 ? 'BTCUSDT' : 'ETHUSDT' }));
}

function result(n: number, riskInputs?: Record<string, RowRiskInputs>): EvaluationResult {
  const rows = rowsOf(n);
  const chunks = encodeChunks(rows, rows.map(rowText), riskInputs);
  return { file: fileReport({ path: 'a.positions.json' }), chunks, sigs: rows.map((_, i) => `sig${i}`), now: 0, pinned: true, risk: {}, historyPaths: [], ms: 1, reusedParse: false };
}

describe('prepared worker results', () => {
  it('parses the rows from their JSON chunks and builds the same entries as makeEntry, in order, across slices', async () => {
    const inputs = { r5: { kind: 'perp' }, r1233: { kind: 'loan' } } as unknown as Record<string, RowRiskInputs>;
    const value = result(1234, inputs);
    expect(value.chunks).toHaveLength(Math.ceil(1234 / ROW_CHUNK));
    let cancelledWorker = false;
    const job = prepared('file:///a', { result: Promise.resolve(value), cancel: () => { cancelledWorker = true; } }, { slice: 100 });
    const out = await job.result;
    // the rows without their details, kept as text (each read parses one); the details and risk inputs likewise
    const heads = [...out.rows];
    expect(heads).toHaveLength(1234);
    expect(heads.every((r) => !('details' in r))).toBe(true);
    expect([0, 199, 200, 201, 1233].map((i) => out.rows.at(i))).toEqual([0, 199, 200, 201, 1233].map((i) => heads[i]));
    expect([-1, 1234, 1.5].map((i) => out.rows.at(i))).toEqual([undefined, undefined, undefined]);
    const whole = heads.map((r, i) => wholeRow(r, out.rest, i));
    expect(whole).toEqual(rowsOf(1234));
    expect(whole.map((r) => JSON.stringify(r))).toEqual(rowsOf(1234).map((r) => JSON.stringify(r))); // the keys' order too
    expect(out.rest.riskInputs(5, 'r5')).toEqual(inputs.r5);
    expect(out.rest.riskInputs(1233, 'r1233')).toEqual(inputs.r1233);
    expect(out.rest.riskInputs(6, 'r6')).toBeNull();
    expect(out.rest.details(1234)).toBeNull();
    // (entries compared without their file's rows: an equality that walks an iterable parses every row)
    const own = (e: RowEntry) => ({ ...e, rows: null, rest: null });
    expect(out.entries.map(own)).toEqual(heads.map((r, i) => own(makeEntry('file:///a', r, `sig${i}`, false, { rows: out.rows, at: i, rest: out.rest }))));
    expect(out.entries.every((e, i) => e.rows === out.rows && e.rest === out.rest && e.at === i)).toBe(true);
    // the row index's key map and aggregate, built in the same slices: equal to what setFile builds itself
    expect([...out.lookup.byKey.keys()]).toEqual(out.entries.map((e) => e.key));
    expect([...out.lookup.byKey.values()].every((e, i) => e === out.entries[i])).toBe(true);
    expect(out.lookup.agg).toEqual(aggregate(out.entries));
    const a = new RowIndex(), b = new RowIndex();
    a.setFile('file:///a', out.rows, value.sigs, out.entries, out.sorted, out.lookup);
    b.setFile('file:///a', out.rows, value.sigs);
    const totals = (i: RowIndex) => ({ ...i.totals(), worst: i.totals().worst?.key }); // b's entries have no details text
    expect(totals(a)).toEqual(totals(b));
    expect(a.find('a.positions.json#r7')).toBe(out.entries[7]);
    expect(out.sorted).toEqual(out.entries.slice().sort(defaultCompare));
    expect(cancelledWorker).toBe(false);
  });

  it('the sliced merge sort equals a stable sort, for any length', async () => {
    for (const n of [0, 1, 31, 32, 33, 100, 777]) {
      const entries = Array.from({ length: n }, (_, i) => makeEntry('k', row({ id: `r${i}`, line: i + 1, status: STATUS_ORDER[(i * 7) % STATUS_ORDER.length]!, distance: i % 5 ? String((i * 37) % 11 / 10) : null })));
      expect(await sortInSlices(entries, defaultCompare, 50)).toEqual(entries.slice().sort(defaultCompare));
    }
  });

  it('a cancel between slices rejects with Cancelled and cancels the worker job', async () => {
    let cancelledWorker = false;
    const job = prepared('file:///a', { result: Promise.resolve(result(1000)), cancel: () => { cancelledWorker = true; } }, { slice: 100 });
    await Promise.resolve();
    job.cancel();
    await expect(job.result).rejects.toBeInstanceOf(Cancelled);
    expect(cancelledWorker).toBe(true);
  });

  it('computes the change list against the index in slices; the index takes it only while the file\'s rows there are the same', async () => {
    const index = new RowIndex();
    const first = result(5000);
    index.setFile('file:///a', rowsOf(5000), first.sigs);
    // 5,000 rows again: 1,000 gone, 1,000 new, every 3rd of the rest changed
    const rows = rowsOf(6000).slice(1000);
    const sigs = rows.map((_, i) => (i % 3 ? `sig${i + 1000}` : `new${i}`));
    const value = { ...result(0), chunks: encodeChunks(rows, rows.map(rowText)), sigs };
    const out = await prepared('file:///a', { result: Promise.resolve(value), cancel: () => undefined }, { base: () => index.keysOf('file:///a') }).result;
    const twin = new RowIndex();
    twin.setFile('file:///a', rowsOf(5000), first.sigs);
    const own = twin.setFile('file:///a', rows, sigs);
    expect(out.lookup.changes?.from).toBe(index.keysOf('file:///a'));
    expect(out.lookup.changes?.rows).toEqual(own);
    expect(own.removed).toHaveLength(1000);
    expect(index.setFile('file:///a', out.rows, sigs, out.entries, out.sorted, out.lookup)).toBe(out.lookup.changes?.rows);
    // the file changed again before the index took them: the list is computed again, against the rows there now
    const later = await prepared('file:///a', { result: Promise.resolve(first), cancel: () => undefined }, { base: () => index.keysOf('file:///a') }).result;
    index.setFile('file:///a', rowsOf(10), first.sigs.slice(0, 10));
    const changes = index.setFile('file:///a', later.rows, first.sigs, later.entries, later.sorted, later.lookup);
    expect(changes).not.toBe(later.lookup.changes?.rows);
    expect(changes.added).toHaveLength(4990);
    expect(changes.removed).toEqual([]);
  });
});
