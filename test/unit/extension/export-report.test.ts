// "Export" prints the CLI's report from what the extension host keeps: rows without their details plus the details
// as the worker's text (row-rest.ts). Made whole again, the exported JSON is the engine's report byte for byte — every
// row's details back, in their place, across chunk boundaries — for every example file at once.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReport, evaluateFile, type FileEvaluation } from '../../../src/engine/evaluate/evaluate-file';
import { exportText, storedReport } from '../../../src/extension/export-report';
import { encodeChunks, rowText } from '../../../src/extension/worker/row-chunks';
import { entriesInSlices } from '../../../src/extension/worker/prepared-result';
import type { StoredEvaluation } from '../../../src/extension/workspace-store';

const NOW = Date.parse('2026-11-24T07:00:00Z');
const EXAMPLES = join(__dirname, '../../../examples');

function evaluations(): FileEvaluation[] {
  return readdirSync(EXAMPLES).filter((f) => /\.positions\.(json|ya?ml|csv)$/.test(f)).sort().map((f) =>
    evaluateFile({ path: `examples/${f}`, absPath: join(EXAMPLES, f), text: readFileSync(join(EXAMPLES, f), 'utf8') }, { now: NOW }));
}

/** What the store keeps of an evaluation: the worker's chunks as the host reads them. */
async function stored(ev: FileEvaluation): Promise<StoredEvaluation> {
  const chunks = encodeChunks(ev.rows, ev.rows.map(rowText), ev.riskInputs);
  const { rows, rest } = await entriesInSlices('file:///x', { chunks, sigs: [] });
  return { file: ev.file, now: ev.now, rows, rest, ...(ev.accounts ? { accounts: ev.accounts } : {}) };
}

describe('Export from the stored rows', () => {
  it('prints the engine\'s report, details and all, in JSON and Markdown', async () => {
    const evs = evaluations();
    expect(evs.reduce((n, e) => n + e.rows.length, 0)).toBeGreaterThan(20);
    const kept = await Promise.all(evs.map(stored));
    expect(kept.every((k) => [...k.rows].every((r) => !('details' in r)))).toBe(true);
    const { report, times } = storedReport(kept, 0);
    const engine = buildReport(evs, NOW);
    expect(exportText(report, 'json')).toBe(JSON.stringify(engine, null, 2) + '\n');
    expect(exportText(report, 'markdown', times)).toBe(exportText(engine, 'markdown', times));
  });

  it('a 450-row file (three chunks) exports every row whole', async () => {
    const text = JSON.stringify({ version: 1, venue: 'binance-usdm', positions: Array.from({ length: 450 }, (_, i) => ({
      id: `p${i}`, symbol: 'BTCUSDT', side: i % 2 ? 'long' : 'short', size: '0.5', entryPrice: '60000', markPrice: String(60000 + i),
      marginMode: 'isolated', isolatedMargin: String(1000 + i), volatility: 0.6,
    })) });
    const ev = evaluateFile({ path: 'big.positions.json', absPath: '/tmp/big.positions.json', text }, { now: NOW });
    expect(ev.rows).toHaveLength(450);
    expect(ev.file.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(ev.rows.every((r) => r.status !== 'unknown' && r.details.timeToLiquidation !== null)).toBe(true);
    const { report } = storedReport([await stored(ev)], 0);
    expect(JSON.stringify(report)).toBe(JSON.stringify(buildReport([ev], NOW)));
  });
});
