import { describe, expect, it } from 'vitest';
import { decimalsOf, formatAge, formatAmount, formatHealthFactor, formatPercent, formatPrice, formatProbability, priceDecimals, venueLabel } from '../../../src/presentation/format';

describe('formatAmount', () => {
  it('groups thousands without touching the digits', () => {
    expect(formatAmount('1535443.01')).toBe('1,535,443.01');
    expect(formatAmount('109.488')).toBe('109.488');
    expect(formatAmount('-1240', { minus: '-' })).toBe('-1,240');
    expect(formatAmount('-1240')).toBe('−1,240');
  });
  it('rounds half-even on the string, never through a float', () => {
    expect(formatAmount('26316.8932645187948112349012437', { decimals: 2 })).toBe('26,316.89');
    expect(formatAmount('0.125', { decimals: 2 })).toBe('0.12');
    expect(formatAmount('0.135', { decimals: 2 })).toBe('0.14');
    // 0.1 + 0.2 style float artefacts cannot occur: 17 significant digits survive exactly
    expect(formatAmount('12345678901234567.891', { decimals: 2 })).toBe('12,345,678,901,234,567.89');
    expect(formatAmount('-0.004', { decimals: 2 })).toBe('0.00');
  });
  it('supports floor and ceil', () => {
    expect(formatAmount('0.9999', { decimals: 2, rounding: 'floor' })).toBe('0.99');
    expect(formatAmount('1.001', { decimals: 2, rounding: 'ceil' })).toBe('1.01');
    expect(formatAmount('-1.001', { decimals: 2, rounding: 'floor', minus: '-' })).toBe('-1.01');
  });
  it('passes null and garbage through visibly', () => {
    expect(formatAmount(null)).toBe('—');
    expect(formatAmount('abc')).toBe('abc');
  });
});

describe('formatPercent', () => {
  it('shifts the point by two digits', () => {
    expect(formatPercent('0.17675')).toBe('17.68%');
    expect(formatPercent('0.414894910467865')).toBe('41.49%');
    expect(formatPercent('1')).toBe('100.00%');
    expect(formatPercent('0.005', 1, { space: true })).toBe('0.5 %');
    expect(formatPercent('0')).toBe('0.00%');
  });
});

describe('prices and probabilities', () => {
  it('shows a computed price at the mark precision', () => {
    expect(decimalsOf('0.07124')).toBe(5);
    expect(priceDecimals('31975.0')).toBe(2);
    expect(formatPrice('0.078951234', '0.07124')).toBe('0.07895');
    expect(formatPrice('1153.2649', '1335.18')).toBe('1,153.26');
    expect(formatPrice('0.0012345', null)).toBe('0.001234'); // tie → even
    expect(formatPrice('0.0012346', null)).toBe('0.001235');
  });
  it('formats probabilities as the mock does', () => {
    expect(formatProbability(1)).toBe('100%');
    expect(formatProbability(0.874)).toBe('87.4%');
    expect(formatProbability(0.0013)).toBe('0.13%');
    expect(formatProbability(0.00000001)).toBe('<0.01%');
    expect(formatProbability(0)).toBe('0%');
    expect(formatProbability(null)).toBe('—');
  });
  it('rounds a health factor down', () => {
    expect(formatHealthFactor('0.99999')).toBe('0.99');
    expect(formatHealthFactor('1.0499')).toBe('1.04');
  });
  it('labels venues and ages', () => {
    expect(venueLabel('binance-usdm')).toBe('Binance USD-M');
    expect(venueLabel('unknown-x')).toBe('unknown-x');
    expect(formatAge(360)).toBe('6m');
    expect(formatAge(7200)).toBe('2h');
  });
});
