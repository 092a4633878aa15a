// Number formatting for every face (CLI table and markdown, Problems, hovers, CodeLens, panel, export): one rule per
// kind of number (docs/format.md §display). Pure string arithmetic (BigInt), never a float on a money string: it only
// rounds for display, groups thousands and shifts the point for percents. No engine import (layer rule).
//
// The rules:
// - prices: at the mark's precision (its tick), 2–8 decimals; without a mark, 6 significant digits (2–8 decimals);
// - a displayed liquidation price rounds TOWARD the mark (a long's up, a short's down), so it never looks further
//   away than it is; a displayed fix rounds UP, so the shown amount still suffices; never to nearest;
// - amounts per currency (currency.ts): USD and stablecoins 2 decimals, other assets up to 8;
// - percentages `12.34 %` (a space before %, 2 decimals), probabilities the same way, 1 decimal from 1 %;
// - a probability shown beside its threshold gets the digits that keep the comparison true.
import { currencyDecimals } from './currency';

export type Rounding = 'half-even' | 'floor' | 'ceil';

interface Parts {
  negative: boolean;
  /** All digits, integer and fraction together. */
  digits: bigint;
  /** Number of fraction digits in `digits`. */
  scale: number;
}

const PLAIN = /^([+-]?)(\d*)(?:\.(\d*))?$/;
/** The display minus sign: a plain hyphen everywhere (text, markdown, tooltips), so copied text stays a number. */
export const MINUS = '-';

function parse(s: string): Parts | null {
  const m = PLAIN.exec(s.trim());
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return null;
  const int = m[2] || '0';
  const frac = m[3] ?? '';
  return { negative: m[1] === '-', digits: BigInt(int + frac), scale: frac.length };
}

function pow10(n: number): bigint {
  return 10n ** BigInt(n);
}

function roundParts(p: Parts, decimals: number, mode: Rounding): Parts {
  if (p.scale <= decimals) return { ...p, digits: p.digits * pow10(decimals - p.scale), scale: decimals };
  const div = pow10(p.scale - decimals);
  let q = p.digits / div;
  const r = p.digits % div;
  if (r !== 0n) {
    // floor/ceil are on the signed value; the magnitude rounds up for floor of a negative and ceil of a positive.
    const awayFromZero =
      mode === 'floor' ? p.negative : mode === 'ceil' ? !p.negative : 2n * r > div || (2n * r === div && q % 2n === 1n);
    if (awayFromZero) q += 1n;
  }
  return { negative: p.negative && q !== 0n, digits: q, scale: decimals };
}

function trimParts(p: Parts, minDecimals: number): Parts {
  let { digits, scale } = p;
  while (scale > minDecimals && digits % 10n === 0n) {
    digits /= 10n;
    scale -= 1;
  }
  return { ...p, digits, scale };
}

function group(int: string, sep: string): string {
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

function render(p: Parts, minus: string, sep: string): string {
  const s = p.digits.toString().padStart(p.scale + 1, '0');
  const int = s.slice(0, s.length - p.scale);
  const frac = p.scale > 0 ? '.' + s.slice(s.length - p.scale) : '';
  return (p.negative ? minus : '') + group(int, sep) + frac;
}

export interface AmountOptions {
  /** Fraction digits to show; undefined keeps the string's own digits. */
  decimals?: number;
  rounding?: Rounding;
  /** Drop trailing fraction zeros down to this many decimals (after rounding). */
  trimTo?: number;
  /** Display minus sign (default "-"). */
  minus?: string;
  separator?: string;
}

/** "1535443.01" → "1,535,443.01"; rounds only when `decimals` is given. Unparseable input comes back unchanged. */
export function formatAmount(s: string | null | undefined, opts: AmountOptions = {}): string {
  if (s === null || s === undefined) return '—';
  const p = parse(s);
  if (!p) return s;
  let q = opts.decimals === undefined ? p : roundParts(p, opts.decimals, opts.rounding ?? 'half-even');
  if (opts.trimTo !== undefined) q = trimParts(q, opts.trimTo);
  return render(q, opts.minus ?? MINUS, opts.separator ?? ',');
}

/** Fraction digits written in a decimal string. */
export function decimalsOf(s: string | null | undefined): number {
  if (!s) return 0;
  const p = parse(s);
  return p ? p.scale : 0;
}

/** Digits before the point of |s| ("0.07" → 0, "1153.2" → 4). */
function intDigits(p: Parts): number {
  const int = (p.digits < 0n ? -p.digits : p.digits) / pow10(p.scale);
  return int === 0n ? 0 : int.toString().length;
}

/** Decimals for 6 significant digits of a value, 2–8 (0.00123456 → 8, 1.2026792 → 5, 94500 → 2). */
function significantDecimals(p: Parts): number {
  const n = intDigits(p);
  if (n > 0) return Math.min(8, Math.max(2, 6 - n));
  // Leading zeros after the point count extra.
  const s = p.digits.toString().padStart(p.scale, '0');
  const zeros = s.length - s.replace(/^0+/, '').length;
  return Math.min(8, Math.max(2, zeros + 6));
}

/**
 * The most decimals a written mark's precision stands for: its tick, up to 8 significant digits. Past that the digits
 * are an exchange's computed mark (Binance's `67502.68519858`), noise in a price column: 67,502.685. Never below 2.
 */
function tickDecimals(p: Parts): number {
  return Math.max(2, 8 - intDigits(p));
}

/** Digits to show a computed price with: the mark's own precision (its tick, tickDecimals), 2–8; else 6 significant digits. */
export function priceDecimals(mark: string | null | undefined, value?: string | null): number {
  if (mark) {
    const m = parse(mark);
    if (m && m.scale <= 8) return Math.min(8, Math.max(2, m.scale), tickDecimals(m));
    if (m) return significantDecimals(m);
  }
  const p = value ? parse(value) : null;
  return p ? significantDecimals(p) : 2;
}

/** A computed price (entry, band, sigma level) at the mark's precision, rounded to nearest. */
export function formatPrice(value: string | null | undefined, mark: string | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return formatAmount(value, { decimals: priceDecimals(mark, value) });
}

/** Compares two decimal strings (−1, 0, 1); null when either does not parse. */
export function compareDecimal(a: string, b: string): number | null {
  const x = parse(a);
  const y = parse(b);
  if (!x || !y) return null;
  const scale = Math.max(x.scale, y.scale);
  const xv = (x.negative ? -1n : 1n) * x.digits * pow10(scale - x.scale);
  const yv = (y.negative ? -1n : 1n) * y.digits * pow10(scale - y.scale);
  return xv < yv ? -1 : xv > yv ? 1 : 0;
}

/**
 * A liquidation (or bankruptcy) price rounded TOWARD the mark: below the mark (a long, a loan whose collateral
 * falls) it rounds up, above the mark it rounds down, so the shown price is never further from the mark than the
 * real one.
 */
export function formatLiquidationPrice(value: string | null | undefined, mark: string | null | undefined): string {
  if (value === null || value === undefined) return '—';
  const side = mark ? compareDecimal(value, mark) : null;
  const rounding: Rounding = side === -1 ? 'ceil' : side === 1 ? 'floor' : 'half-even';
  return formatAmount(value, { decimals: priceDecimals(mark, value), rounding });
}

/** A mark as written (its tick, at most 8 significant digits: tickDecimals), or at 6 significant digits when it is a
 * computed ratio with many decimals. */
export function formatMark(s: string | null | undefined): string {
  if (s === null || s === undefined) return '—';
  const p = parse(s);
  if (!p) return s;
  const tick = tickDecimals(p);
  if (p.scale <= 8) return p.scale <= tick ? formatAmount(s) : formatAmount(s, { decimals: tick });
  return formatAmount(s, { decimals: significantDecimals(p) });
}

/** A size or quantity as written (grouped), at most 8 decimals. */
export function formatSize(s: string | null | undefined): string {
  if (s === null || s === undefined) return '—';
  return decimalsOf(s) > 8 ? formatAmount(s, { decimals: 8, trimTo: 0 }) : formatAmount(s);
}

/**
 * Money in `currency`: USD and stablecoins with 2 decimals, other assets with up to 8 (trailing zeros dropped to 2).
 * `rounding: 'ceil'` for an amount to add or repay (a fix), so the shown amount still suffices.
 */
export function formatMoney(s: string | null | undefined, currency: string | null | undefined, rounding: Rounding = 'half-even'): string {
  if (s === null || s === undefined) return '—';
  const rule = currencyDecimals(currency);
  return formatAmount(s, { decimals: rule.decimals, rounding, ...(rule.trimTo !== undefined ? { trimTo: rule.trimTo } : {}) });
}

/** A fix amount: the currency rule, rounded up (never to nearest). */
export function formatFixAmount(s: string, currency: string | null | undefined): string {
  return formatMoney(s, currency, 'ceil');
}

/** A size cut of a fix: its own digits (the engine rounds it to the lot step), at most 8 decimals, rounded up. */
export function formatFixSize(s: string): string {
  return decimalsOf(s) > 8 ? formatAmount(s, { decimals: 8, rounding: 'ceil', trimTo: 0 }) : formatAmount(s);
}

const UNIT = ' %';

/** A fraction string as a percent: "0.1767512" → "17.68 %" (point shifted by two digits, then rounded). */
export function formatPercent(s: string | null | undefined, decimals = 2, rounding: Rounding = 'half-even'): string {
  if (s === null || s === undefined) return '—';
  const p = parse(s);
  if (!p) return s;
  const shifted: Parts = p.scale >= 2 ? { ...p, scale: p.scale - 2 } : { ...p, digits: p.digits * pow10(2 - p.scale), scale: 0 };
  return render(roundParts(shifted, decimals, rounding), MINUS, ',') + UNIT;
}

/** A float fraction (a statistic: volatility, drift) as a percent, e.g. 0.65 → "65.00 %". */
export function formatRatio(x: number | null | undefined, decimals = 2): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '—';
  return formatPercent(x.toFixed(Math.min(20, decimals + 6)), decimals);
}

/** Probability (a float statistic) for display: "100 %", "87.4 %", "0.13 %", "< 0.01 %", "0 %". */
export function formatProbability(p: number | null | undefined): string {
  if (p === null || p === undefined || !Number.isFinite(p)) return '—';
  const pct = p * 100;
  if (p <= 0) return '0' + UNIT;
  if (pct < 0.01) return '< 0.01' + UNIT;
  if (p >= 1) return '100' + UNIT;
  if (pct >= 99.95) return '> 99.9' + UNIT;
  return (pct >= 1 ? pct.toFixed(1) : pct.toFixed(2)) + UNIT;
}

/** A threshold (a setting such as 0.005) as a percent with its own digits: "0.5 %", "10 %". */
export function formatThreshold(p: number): string {
  return `${+(p * 100).toPrecision(12)}${UNIT}`;
}

/**
 * A probability shown next to its threshold: as `formatProbability`, but with the digits that keep "P < threshold"
 * or "P ≥ threshold" true: 0.004997 against 0.005 is "0.4997 %", never "0.50 %"; "< 0.5 %" when 10 decimals do not.
 */
export function formatProbabilityVersus(p: number | null | undefined, threshold: number): string {
  const usual = formatProbability(p);
  if (p === null || p === undefined || !Number.isFinite(p) || p <= 0 || p >= 1) return usual;
  const thr = (threshold * 100).toPrecision(15);
  const below = p < threshold;
  const holds = (shown: string): boolean => {
    const cmp = compareDecimal(shown.replace(/[^\d.]/g, ''), thr);
    return cmp !== null && (below ? cmp < 0 : cmp >= 0);
  };
  if (!usual.startsWith('<') && !usual.startsWith('>') && holds(usual)) return usual;
  const exact = (p * 100).toPrecision(15);
  for (let d = 2; d <= 10; d++) {
    const shown = formatAmount(exact, { decimals: d });
    if (holds(shown)) return shown + UNIT;
  }
  return (below ? '< ' : '≥ ') + formatThreshold(threshold);
}

/** Health factor, rounded DOWN so a displayed 1.00 is never below 1 in truth. */
export function formatHealthFactor(s: string | null | undefined): string {
  return formatAmount(s, { decimals: 2, rounding: 'floor' });
}

export { venueLabel } from './labels';
export { formatAge, formatAgeCompact, formatDuration } from './duration';
