// Fixture rows for the view tests. Numbers echo the illustrative Binance FAQ cross account of docs/results.md §2 (display
// only: these tests check formatting and mapping, not the engine's math).
import type { FileReport, ResultRow } from '../../../src/engine/evaluate/report';

export function row(over: Partial<ResultRow> = {}): ResultRow {
  return {
    file: 'examples/desk.positions.yaml', line: 21, column: 5, id: 'btc-1', kind: 'perp', venue: 'binance-usdm',
    account: 'desk-a', settleCurrency: 'USDT', symbol: 'BTCUSDT', side: 'long', marginMode: 'cross', walletSource: 'file',
    size: '109.488', entryPrice: '32481.98', markPrice: '31967.27', markAge: 2, stale: false,
    liquidationPrice: '26316.8932645187948112349012437', liquidationPriceSource: 'computed', liquidationPrices: null, bankruptcyPrice: '26000.5',
    reportedLiquidationPrice: null, reportedDeviation: null, marginBalance: '1030895.55638', maintenanceMargin: '427713.319566',
    marginRatio: '0.414894910467865', venueMarginRatio: '0.4149', healthFactor: null, healthFactorIdeal: null,
    tier: { index: 4, floor: '1000000', cap: '10000000', mmr: '0.025', cum: '16300', source: 'binance-usdm/BTCUSDT@2021-06-01' },
    distance: '0.17675', volatility: 0.65, volatilitySource: 'file', horizon: '24h', liquidationProbability: 0.00127,
    status: 'safe', reason: 'P(liquidation within 24h) = 0.13 % < 0.5 %', fix: null,
    details: { var: null, es: null, liquidationCost: null, timeToLiquidation: null },
    ...over,
  };
}

export function watchRow(over: Partial<ResultRow> = {}): ResultRow {
  return row({
    line: 30, id: 'eth-1', symbol: 'ETHUSDT', size: '3683.979', entryPrice: '1456.56', markPrice: '1335.18',
    liquidationPrice: '1153.26', distance: '0.1362', liquidationProbability: 0.008, status: 'watch',
    reason: 'P(liquidation within 24h) = 0.80 % ≥ 0.5 %',
    fix: { target: 'safe', addMargin: '81597.4', reduceSize: '1000', costOptimalMargin: '9870', reason: null },
    ...over,
  });
}

export function fileReport(over: Partial<FileReport> = {}): FileReport {
  return { path: 'examples/desk.positions.yaml', dialect: 'native', format: 'yaml', venue: 'binance-usdm', diagnostics: [], ...over };
}

import { RowIndex } from '../../../src/extension/panel/row-index';
import { PanelModel } from '../../../src/extension/panel/panel-model';
import type { ResultRow as Row_ } from '../../../src/engine/evaluate/report';

/** The panel's model message over these rows (one file), with its rows whole (as `selected` and `selection` carry them). */
export function panelReport(rows: Row_[], epoch = 1) {
  const index = new RowIndex();
  index.setFile('file:///f', rows);
  const model = new PanelModel(index);
  const times = Object.fromEntries(rows.map((r) => [r.file, Date.parse('2026-11-24T07:00:00Z')]));
  const m = model.modelMessage({ epoch, now: new Date('2026-11-24T07:00:00Z'), files: [fileReport()], risk: {}, times });
  return { ...m, rowCount: m.rows, rows: m.window.items.flatMap((it, k) => (it.type === 'row' ? [model.selectedRow(m.window.start + k)!] : [])) };
}
