// The exchanges' own example answers (API docs, or the recorded answers ccxt's parsePosition quotes) for the venues whose
// ccxt static responses hold no position with a liquidation price: Bybit, Deribit, dYdX, Bitget, KuCoin Futures. Each
// examples/dumps/<id>-ccxt-doc.positions.json is ccxt 4.5.84's parsePosition of that raw answer (its `source` says which).
// Each test states what we read: the row's price source, ours vs the venue's, and the cause the deviation check names.
// Nothing here is tuned to match: where the venue's figure is not reproduced, the residual is in the test's name.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Dec } from '../../../src/engine/core/decimal';
import type { PerpAccount } from '../../../src/engine/core/types';
import { evaluateFile, type EvaluateOptions } from '../../../src/engine/evaluate/evaluate-file';
import type { ResultRow } from '../../../src/engine/evaluate/report';
import { parseFile } from '../../../src/engine/parse/index';

const DUMPS = join(__dirname, '../../../examples/dumps');
const NOW = '2026-01-01T00:00:00Z';
const text = (name: string, edit?: (j: any) => void): string => {
  const raw = readFileSync(join(DUMPS, name), 'utf8');
  if (!edit) return raw;
  const j = JSON.parse(raw);
  edit(j);
  return JSON.stringify(j, null, 2);
};
const run = (name: string, opts: EvaluateOptions = {}, edit?: (j: any) => void) =>
  evaluateFile({ path: name, absPath: join(DUMPS, name), text: text(name, edit) }, { now: Date.parse(NOW), ...opts });
const only = (ev: ReturnType<typeof run>): ResultRow => {
  expect(ev.rows).toHaveLength(1);
  return ev.rows[0]!;
};
const diag = (ev: ReturnType<typeof run>, code: string) => ev.file.diagnostics.find((d) => d.code === code);
const D = (s: string | null) => new Dec(s!);
const close = (a: string | null, b: string, within: string) => expect(D(a).minus(b).abs().lte(within), `${a} vs ${b} within ${within}`).toBe(true);

describe('every example names its source and the ccxt version that produced it', () => {
  it.each(['bybit', 'deribit', 'dydx', 'bitget', 'kucoinfutures'])('%s', (id) => {
    const j = JSON.parse(text(`${id}-ccxt-doc.positions.json`));
    expect(j.exchange).toBe(id);
    expect(j.source).toMatch(/ccxt 4\.5\.84/);
  });
});

describe('Bybit (ETHUSDT isolated long 0.1 @ 1198.45, 4.2×; liqPrice 919.10, bustPrice 913.15, positionBalance 28.58931118)', () => {
  const NAME = 'bybit-ccxt-doc.positions.json';
  // Bybit's ETHUSDT base risk limit (riskId 11, riskLimitValue 900000, as on the row) at its published 0.5 % MMR: the
  // dump carries no tier, so this is an assumption the test adds, not a fact of the answer.
  const tier = (j: any) => {
    j.leverageTiers = { 'ETH/USDT:USDT': [{ minNotional: 0, maxNotional: 900000, maintenanceMarginRate: 0.005, maxLeverage: 100, info: {} }] };
  };

  it('as recorded: no maintenance figure (ccxt\'s rate is back-solved from liq − bust, no positionMM, no bundled table) ⇒ the reported 919.1, labelled', () => {
    const ev = run(NAME);
    const r = only(ev);
    expect(r.marginMode).toBe('isolated'); // info.tradeMode 1 (ccxt leaves marginMode undefined)
    expect(r.liquidationPriceSource).toBe('reported');
    expect(r.liquidationPrice).toBe('919.1');
    expect(r.reportedDeviation).toBeNull();
    expect(diag(ev, 'reported-price-used')?.message).toMatch(/maintenance-margin rate/);
  });

  it('with the 0.5 % tier: ours 918.5491382 vs 919.10 (−0.06 %): positionBalance holds a fee-to-close reserve; the check names a 0.06 % taker fee (residual 0.003)', () => {
    const ev = run(NAME, { overrides: { reportedDeviationTolerance: 0.00001 } }, tier);
    const r = only(ev);
    expect(r.liquidationPriceSource).toBe('computed');
    expect(r.marginBalance).toBe('28.58931118'); // info.positionBalance as the isolated margin
    close(r.liquidationPrice, '918.5491382', '1e-7');
    close(r.reportedDeviation, '0.0005997', '1e-7');
    const d = diag(ev, 'reported-deviation');
    expect(d?.message).toMatch(/includes a taker fee of 0\.06 %/);
    expect(d?.message).toMatch(/919\.097001051, residual 0\.003/);
  });

  it('with the tier and Bybit\'s 0.06 % taker as the fee to close (the setting): 919.0970 — 919.10 at the 0.05 tick, no deviation warning', () => {
    const ev = run(NAME, { settings: { takerFees: { 'bybit-linear': '0.0006' } }, overrides: { reportedDeviationTolerance: 0.00001 } }, tier);
    const r = only(ev);
    expect(r.liquidationPriceSource).toBe('computed');
    close(r.liquidationPrice, '919.097001050630378', '1e-12');
    expect(D(r.liquidationPrice).div('0.05').toDecimalPlaces(0).mul('0.05').toFixed(2)).toBe('919.10');
    expect(diag(ev, 'reported-deviation')).toBeUndefined();
  });
});

describe('Deribit (docs private/get_positions: BTC-PERPETUAL long 50 USD @ 7440.18, mark 7476.65, estimated_liquidation_price 1.74)', () => {
  const NAME = 'deribit-ccxt-doc.positions.json';

  it('cross, no collateral in a ccxt Deribit position ⇒ the reported 1.74, labelled, saying fetchBalance is needed', () => {
    const ev = run(NAME);
    const r = only(ev);
    expect(r.venue).toBe('deribit');
    expect(r.marginMode).toBe('cross');
    expect(r.liquidationPriceSource).toBe('reported');
    expect(r.liquidationPrice).toBe('1.74');
    expect([r.marginBalance, r.maintenanceMargin, r.bankruptcyPrice, r.fix, r.reportedDeviation]).toEqual([null, null, null, null, null]);
    expect(diag(ev, 'reported-price-used')?.message).toMatch(/fetchBalance/);
  });

  it('contracts are info.size in USD: ccxt\'s contractSize 10 (the market\'s order step) is not multiplied in (face 50 USD = size_currency × mark)', () => {
    const r = parseFile(NAME, text(NAME), { hasBundledTiers: () => false });
    const p = (r.accounts[0] as PerpAccount).positions[0]!;
    expect(p.size.toFixed()).toBe('50');
    expect(p.market.contractSize?.toFixed()).toBe('1');
    // the answer's own size_currency is the face at the mark, to its 9 decimals
    close(p.size.mul(p.market.contractSize!).div('7476.65').toFixed(), '0.006687487', '5e-10');
  });
});

describe('dYdX v4 (indexer perpetualPositions: BTC-USD short 0.407 @ 118,692.05; no liquidation figure in the answer)', () => {
  it('ccxt sets no mark, collateral or liquidation price: the row is unknown (no mark), no reported price to fall back on, and it says what is missing', () => {
    const NAME = 'dydx-ccxt-doc.positions.json';
    const ev = run(NAME);
    const r = only(ev);
    expect(r.venue).toBe('dydx-v4');
    expect(r.side).toBe('short');
    expect(r.size).toBe('0.407');
    expect([r.liquidationPrice, r.liquidationPriceSource, r.reportedLiquidationPrice, r.reportedDeviation]).toEqual([null, null, null, null]);
    expect(r.status).toBe('unknown');
    expect(diag(ev, 'missing-mark')).toBeDefined();
    const p = (parseFile(NAME, text(NAME), { hasBundledTiers: () => false }).accounts[0] as PerpAccount).positions[0]!;
    expect(p.missingForOwnPrice).toMatch(/fetchBalance/);
  });
});

describe('Bitget (v2 all-position: BTCUSDT cross long 0.002 @ 37,355.5, mark 37,370.5, liquidationPrice 31,725.023602417)', () => {
  it('generic-linear with info.keepMarginRate; cross with no wallet in the position ⇒ the reported 31,725.023602417, labelled', () => {
    const ev = run('bitget-ccxt-doc.positions.json');
    const r = only(ev);
    expect(r.venue).toBe('generic-linear');
    expect(r.marginMode).toBe('cross');
    expect(r.liquidationPriceSource).toBe('reported');
    expect(r.liquidationPrice).toBe('31725.023602417');
    expect(r.reportedDeviation).toBeNull();
    expect(diag(ev, 'foreign-generic-formula')?.message).toMatch(/info\.keepMarginRate/);
    expect(diag(ev, 'reported-price-used')?.message).toMatch(/fetchBalance/);
  });
});

describe('KuCoin Futures (GET /api/v1/positions doc: ETHUSDTM isolated long 2 × 0.01 ETH @ 4189.35, liquidationPrice 4044.55)', () => {
  const NAME = 'kucoinfutures-ccxt-doc.positions.json';

  it('NOT reproduced: generic formula with info.posMargin 3.40376309 and info.maintMarginReq 0.005 gives 4039.3586 vs 4044.55 (−5.19, −0.129 %)', () => {
    const ev = run(NAME);
    const r = only(ev);
    expect(r.venue).toBe('generic-linear');
    expect(r.liquidationPriceSource).toBe('computed');
    expect(r.tier).toBeNull();
    close(r.liquidationPrice, '4039.35863869346734', '1e-12');
    close(r.reportedDeviation, '0.0012852', '1e-7');
    expect(diag(ev, 'foreign-generic-formula')).toBeDefined();
  });

  it('the deviation check names PnL in the margin as the nearest reading, but it leaves −0.809 (KuCoin\'s formula is not modelled)', () => {
    const d = diag(run(NAME), 'reported-deviation');
    expect(d?.message).toMatch(/isolated margin is this one plus the unrealised PnL/);
    expect(d?.message).toMatch(/4045\.35863869, residual -0\.809/);
    // at a tolerance below the venue's 0.01 precision, no reading reproduces it: the generic causes are listed
    const strict = diag(run(NAME, { overrides: { reportedDeviationTolerance: 0.000001 } }), 'reported-deviation');
    expect(strict?.message).not.toMatch(/likely cause/);
  });
});
