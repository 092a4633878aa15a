import { describe, expect, it } from 'vitest';
import { evaluatePerpAccount } from '../../../src/engine/perp';
import { fmt } from '../../../src/engine/core/decimal';
import { account, sig30, vector } from './build';

// Binance FAQ worked example (docs/venues.md §3.5): one-way cross, WB 1,535,443.01, 2021 tables.
const faq = () =>
  account(
    'binance-usdm',
    [
      { id: 'btc', symbol: 'BTCUSDT', size: '109.488', entryPrice: '32481.98', markPrice: '31967.27', mmr: '0.025', cum: '16300' },
      { id: 'eth', symbol: 'ETHUSDT', size: '3683.979', entryPrice: '1456.84', markPrice: '1335.18', mmr: '0.10', cum: '135365' },
    ],
    { wallet: '1535443.01' },
  );

describe('binance-usdm FAQ cross account', () => {
  const { metrics } = evaluatePerpAccount(faq());
  const [btc, eth] = metrics;
  it('ETHUSDT LP = 1153.2564642391… (published 1,153.26)', () => {
    const v = vector('binance', 'ETHUSDT cross one-way LP');
    expect(fmt(eth!.liquidationPrice)).toBe(sig30(v.value));
    expect(eth!.liquidationPrice!.toDecimalPlaces(2).toFixed()).toBe(v.expected);
  });
  it('BTCUSDT LP = 26316.8932645188… (published 26,316.89)', () => {
    const v = vector('binance', 'BTCUSDT cross one-way LP');
    expect(fmt(btc!.liquidationPrice)).toBe(sig30(v.value));
    expect(btc!.liquidationPrice!.toDecimalPlaces(2).toFixed()).toBe(v.expected);
  });
  it('account margin balance and ratio', () => {
    expect(fmt(btc!.marginBalance)).toBe(sig30(vector('binance', 'example account margin balance (WB+UPNL)').value));
    expect(fmt(btc!.marginRatio)).toBe(sig30(vector('binance', 'example account margin ratio (MM/MB)').value));
    expect(fmt(btc!.maintenanceMargin)).toBe(fmt(eth!.maintenanceMargin));
    expect(btc!.venueMarginRatio!.toFixed()).toBe('0.4149');
    expect(btc!.liquidatable).toBe(false);
  });
});
