// The setting liquidationLens.takerFees (issue 11 item 2) and the "(reported)" label of the CLI columns (item 3).
import { describe, expect, it } from 'vitest';
import { readSettings } from '../../../src/extension/settings';
import { parseFile } from '../../../src/engine/parse/index';
import type { PerpAccount } from '../../../src/engine/core/types';
import { rowCells as cells } from '../../../src/presentation/row-cells';
import { row } from '../extension/fixtures';

const NATIVE_OKX = `version: 1
venue: okx
walletBalance: "1000"
settleCurrency: USDT
markets:
  BTC-USDT-SWAP: { markPrice: "100", mmr: "0.004", contractSize: "1" }
positions:
  - { symbol: BTC-USDT-SWAP, side: long, size: "1", entryPrice: "100" }
`;

describe('liquidationLens.takerFees', () => {
  it('reads a venue → rate map and reports bad entries', () => {
    const s = readSettings((k) => (k === 'takerFees' ? { okx: '0.0005', gate: 0.00075, nope: '0.1', 'bybit-linear': '5%' } : undefined));
    expect(s.risk.takerFees).toEqual({ okx: '0.0005', gate: '0.00075' });
    expect(s.problems.join('\n')).toMatch(/"nope" is not a venue id/);
    expect(s.problems.join('\n')).toMatch(/takerFees\.bybit-linear/);
  });

  it('native files: the setting fills a missing takerFee; without it no default is added (vectors stay exact)', () => {
    const withSetting = parseFile('a.positions.yaml', NATIVE_OKX, { takerFees: { okx: '0.0005' } });
    expect((withSetting.accounts[0] as PerpAccount).positions[0]!.market.takerFee?.toFixed()).toBe('0.0005');
    const plain = parseFile('a.positions.yaml', NATIVE_OKX);
    expect((plain.accounts[0] as PerpAccount).positions[0]!.market.takerFee).toBeNull();
    expect(plain.diagnostics.some((d) => d.code === 'default-taker-fee')).toBe(false);
    const own = parseFile('a.positions.yaml', NATIVE_OKX.replace('contractSize: "1"', 'contractSize: "1", takerFee: "0.0002"'), { takerFees: { okx: '0.0005' } });
    expect((own.accounts[0] as PerpAccount).positions[0]!.market.takerFee?.toFixed()).toBe('0.0002');
  });
});

describe('CLI columns', () => {
  it('label a reported price', () => {
    expect(cells(row({ liquidationPriceSource: 'reported', liquidationPrice: '89.11497615226264', markPrice: '92057.4' }))[6]).toMatch(/\(reported\)$/);
    expect(cells(row())[6]).not.toMatch(/reported/);
  });
});
