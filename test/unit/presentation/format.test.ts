import { describe, expect, it } from 'vitest';
import {
  compareDecimal, decimalsOf, formatAmount, formatFixAmount, formatFixSize, formatHealthFactor, formatLiquidationPrice, formatMark, formatMoney,
  formatPercent, formatPrice, formatProbability, formatProbabilityVersus, formatRatio, formatThreshold, priceDecimals, venueLabel,
} from '../../../src/presentation/format';
import { describeEvaluationTimes, formatAge, formatAgeCompact, formatDuration, formatDurationText, formatEvaluationTime } from '../../../src/presentation/duration';

describe('formatAmount', () => {
  it('groups thousands without touching the digits', () => {
    expect(formatAmount('1535443.01')).toBe('1,535,443.01');
    expect(formatAmount('109.488')).toBe('109.488');
    expect(formatAmount('-1240')).toBe('-1,240');
  });
  it('rounds half-even on the string, never through a float', () => {
    expect(formatAmount('26316.8932645187948112349012437', { decimals: 2 })).toBe('26,316.89');
    expect(formatAmount('0.125', { decimals: 2 })).toBe('0.12');
    expect(formatAmount('0.135', { decimals: 2 })).toBe('0.14');
    expect(formatAmount('12345678901234567.891', { decimals: 2 })).toBe('12,345,678,901,234,567.89');
    expect(formatAmount('-0.004', { decimals: 2 })).toBe('0.00');
  });
  it('supports floor, ceil and trimming', () => {
    expect(formatAmount('0.9999', { decimals: 2, rounding: 'floor' })).toBe('0.99');
    expect(formatAmount('1.001', { decimals: 2, rounding: 'ceil' })).toBe('1.01');
    expect(formatAmount('-1.001', { decimals: 2, rounding: 'floor' })).toBe('-1.01');
    expect(formatAmount('4.2', { decimals: 8, trimTo: 2 })).toBe('4.20');
  });
  it('passes null and garbage through visibly', () => {
    expect(formatAmount(null)).toBe('—');
    expect(formatAmount('abc')).toBe('abc');
  });
  it('compares decimal strings exactly', () => {
    expect(compareDecimal('1153.2564', '1335.18')).toBe(-1);
    expect(compareDecimal('0.50', '0.5')).toBe(0);
    expect(compareDecimal('-1', '0')).toBe(-1);
  });
});

describe('percentages: one way, "12.34 %"', () => {
  it('shifts the point by two digits, space before %', () => {
    expect(formatPercent('0.17675')).toBe('17.68 %');
    expect(formatPercent('0.414894910467865')).toBe('41.49 %');
    expect(formatPercent('1')).toBe('100.00 %');
    expect(formatPercent('0.005', 1)).toBe('0.5 %');
    expect(formatPercent('0')).toBe('0.00 %');
    expect(formatPercent('-0.1095')).toBe('-10.95 %');
    expect(formatRatio(0.65)).toBe('65.00 %');
    expect(formatThreshold(0.005)).toBe('0.5 %');
    expect(formatThreshold(0.1)).toBe('10 %');
  });
});

describe('prices', () => {
  it('shows a computed price at the mark precision, else 6 significant digits', () => {
    expect(decimalsOf('0.07124')).toBe(5);
    expect(priceDecimals('31975.0')).toBe(2);
    expect(formatPrice('0.078951234', '0.07124')).toBe('0.07895');
    expect(formatPrice('1153.2649', '1335.18')).toBe('1,153.26');
    expect(formatPrice('0.0012345', null)).toBe('0.00123450');
    expect(formatPrice('94500.123', null)).toBe('94,500.12');
    expect(formatPrice('1.202679252052', null)).toBe('1.20268');
  });
  it('rounds a liquidation price toward the mark, never to nearest', () => {
    // long (liquidation below the mark): up
    expect(formatLiquidationPrice('26316.8932645187948112349012437', '31967.27')).toBe('26,316.90');
    expect(formatLiquidationPrice('1153.2564', '1335.18')).toBe('1,153.26');
    // short (above the mark): down
    expect(formatLiquidationPrice('40123.4599', '31967.27')).toBe('40,123.45');
    // a liquidatable long whose mark is below the liquidation price: still toward the mark (down)
    expect(formatLiquidationPrice('30000.019', '29000.5')).toBe('30,000.01');
    expect(formatLiquidationPrice(null, '1')).toBe('—');
  });
  it('echoes a mark as written, a computed ratio at 6 significant digits', () => {
    expect(formatMark('1335.18')).toBe('1,335.18');
    expect(formatMark('0.00001234')).toBe('0.00001234');
    expect(formatMark('1.202679252052318')).toBe('1.20268');
    expect(formatMark('31975.0')).toBe('31,975.0');
  });
  it('reads a written mark as its tick up to 8 significant digits (an exchange\'s computed mark is cut there)', () => {
    // Binance positionRisk marks carry 8 decimals whatever the tick
    expect(formatMark('67502.68519858')).toBe('67,502.685');
    expect(priceDecimals('67502.68519858')).toBe(3);
    expect(formatLiquidationPrice('64846.9875379294957608210620259', '67502.68519858')).toBe('64,846.988');
    expect(priceDecimals('3612.55')).toBe(2);
    expect(priceDecimals('3612.5512')).toBe(4);
    expect(priceDecimals('3612.55123')).toBe(4);
    expect(priceDecimals('0.41235')).toBe(5);
    expect(priceDecimals('0.00001234')).toBe(8);
    expect(formatMark('0.12345678')).toBe('0.12345678');
    expect(formatMark('123456789.5')).toBe('123,456,789.5');
  });
});

describe('amounts per currency and fixes', () => {
  it('USD and stablecoins 2 decimals, BTC/ETH up to 8', () => {
    expect(formatMoney('1030895.55638', 'USDT')).toBe('1,030,895.56');
    expect(formatMoney('2996.384999999999999585', null)).toBe('2,996.38');
    expect(formatMoney('0.000623456789', 'BTC')).toBe('0.00062346');
    expect(formatMoney('1.5', 'ETH')).toBe('1.50');
  });
  it('rounds fixes up, so the shown amount still suffices', () => {
    expect(formatFixAmount('3086.7', 'USDT')).toBe('3,086.70');
    expect(formatFixAmount('3908.521', 'USDT')).toBe('3,908.53');
    expect(formatFixAmount('0.000620001', 'BTC')).toBe('0.00062001');
    expect(formatFixSize('41.5')).toBe('41.5');
    expect(formatFixSize('0.1234567891')).toBe('0.12345679');
  });
});

describe('probabilities', () => {
  it('one form with a space', () => {
    expect(formatProbability(1)).toBe('100 %');
    expect(formatProbability(0.874)).toBe('87.4 %');
    expect(formatProbability(0.0013)).toBe('0.13 %');
    expect(formatProbability(0.00000001)).toBe('< 0.01 %');
    expect(formatProbability(0)).toBe('0 %');
    expect(formatProbability(null)).toBe('—');
  });
  it('never shows a value equal to its threshold on the wrong side', () => {
    expect(formatProbabilityVersus(0.004997, 0.005)).toBe('0.4997 %');
    expect(formatProbabilityVersus(0.0049999, 0.005)).toBe('0.49999 %');
    expect(formatProbabilityVersus(0.008, 0.005)).toBe('0.80 %');
    expect(formatProbabilityVersus(0.005, 0.005)).toBe('0.50 %');
    expect(formatProbabilityVersus(0.0999999999999, 0.1)).toMatch(/^(< 10 %|9\.9+ %)$/);
  });
  it('rounds a health factor down', () => {
    expect(formatHealthFactor('0.99999')).toBe('0.99');
    expect(formatHealthFactor('1.0499')).toBe('1.04');
  });
});

describe('durations and times', () => {
  it('human units, never raw seconds', () => {
    expect(formatDuration(45)).toBe('45 s');
    expect(formatDuration(360)).toBe('6 min');
    expect(formatDuration(7200)).toBe('2 h');
    expect(formatDuration(12000)).toBe('3 h 20 min');
    expect(formatDuration(906848.878)).toBe('10 d 11 h');
    expect(formatDuration(86400)).toBe('1 d');
    expect(formatAge(360)).toBe('6 min');
    expect(formatAge(null)).toBe('');
    expect(formatDurationText('3.06d')).toBe('3 d 1 h');
    expect(formatDurationText('43.1h')).toBe('1 d 19 h');
    expect(formatDurationText('soon')).toBe('soon');
  });
  it('a stale badge\'s compact age: the largest unit only, as the design shows it ("6m", "14m")', () => {
    expect(formatAgeCompact(45)).toBe('45s');
    expect(formatAgeCompact(360)).toBe('6m');
    expect(formatAgeCompact(14 * 60 + 59)).toBe('14m');
    expect(formatAgeCompact(12000)).toBe('3h');
    expect(formatAgeCompact(1816 * 86400 + 6 * 3600)).toBe('1816d');
    expect(formatAgeCompact(-5)).toBe('0s');
    expect(formatAgeCompact(null)).toBe('');
    expect(formatAgeCompact(Number.NaN)).toBe('');
  });
  it('prints the evaluation time, and says when files were pinned to different times', () => {
    expect(formatEvaluationTime('2026-11-24T07:00:00.000Z')).toBe('2026-11-24 07:00 UTC');
    expect(describeEvaluationTimes(['2026-11-24T07:00:00.000Z', '2026-11-24T07:00:00.000Z'])).toBe('evaluated 2026-11-24 07:00 UTC');
    expect(describeEvaluationTimes(['2026-11-24T08:00:00.000Z', '2026-11-24T07:00:00.000Z'])).toBe(
      "evaluated at 2 different times, 2026-11-24 07:00 UTC to 2026-11-24 08:00 UTC (each file's own evaluationTime)");
  });
  it('labels venues', () => {
    expect(venueLabel('binance-usdm')).toBe('Binance USD-M');
    expect(venueLabel('unknown-x')).toBe('unknown-x');
  });
});
