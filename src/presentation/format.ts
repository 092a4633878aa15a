// Display formatting shared by the panel, diagnostics and decorations. Pure string arithmetic (BigInt), never a
// float on a money string: it only rounds for display, groups thousands and shifts the point for percents.

export type Rounding = 'half-even' | 'floor' | 'ceil';

interface Parts {
  negative: boolean;
  /** All digits, integer and fraction together. */
  digits: bigint;
  /** Number of fraction digits in `digits`. */
  scale: number;
}

const PLAIN = /^([+-]?)(\d*)(?:\.(\d*))?$/;

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
  /** Display minus sign; "−" (U+2212) in the panel, "-" in plain text. */
  minus?: string;
  separator?: string;
}

/** "1535443.01" → "1,535,443.01"; rounds only when `decimals` is given. Unparseable input comes back unchanged. */
export function formatAmount(s: string | null | undefined, opts: AmountOptions = {}): string {
  if (s === null || s === undefined) return '—';
  const p = parse(s);
  if (!p) return s;
  const q = opts.decimals === undefined ? p : roundParts(p, opts.decimals, opts.rounding ?? 'half-even');
  return render(q, opts.minus ?? '−', opts.separator ?? ',');
}

/** A fraction string as a percent: "0.1767512" → "17.68%" (point shifted by two digits, then rounded). */
export function formatPercent(s: string | null | undefined, decimals = 2, opts: { space?: boolean; minus?: string } = {}): string {
  if (s === null || s === undefined) return '—';
  const p = parse(s);
  if (!p) return s;
  const shifted: Parts = p.scale >= 2 ? { ...p, scale: p.scale - 2 } : { ...p, digits: p.digits * pow10(2 - p.scale), scale: 0 };
  return render(roundParts(shifted, decimals, 'half-even'), opts.minus ?? '−', ',') + (opts.space ? ' %' : '%');
}

/** Fraction digits written in a decimal string. */
export function decimalsOf(s: string | null | undefined): number {
  if (!s) return 0;
  const p = parse(s);
  return p ? p.scale : 0;
}

/** Digits to show a computed price with: the mark's own precision (its tick), at least 2, at most 8. */
export function priceDecimals(mark: string | null | undefined, value?: string | null): number {
  if (mark) return Math.min(8, Math.max(2, decimalsOf(mark)));
  const p = value ? parse(value) : null;
  if (!p) return 2;
  const intDigits = (p.digits / pow10(p.scale)).toString().length;
  if (p.digits / pow10(p.scale) === 0n) return 6;
  return Math.min(8, Math.max(2, 6 - intDigits));
}

/** A computed price rounded to the mark's precision. */
export function formatPrice(value: string | null | undefined, mark: string | null | undefined, minus = '−'): string {
  if (value === null || value === undefined) return '—';
  return formatAmount(value, { decimals: priceDecimals(mark, value), minus });
}

/** Probability (a float statistic) for display: 100%, 87.4%, 0.13%, <0.01%, 0%. */
export function formatProbability(p: number | null | undefined, opts: { space?: boolean } = {}): string {
  if (p === null || p === undefined || !Number.isFinite(p)) return '—';
  const pct = p * 100;
  const unit = opts.space ? ' %' : '%';
  if (p <= 0) return '0' + unit;
  if (pct < 0.01) return '<0.01' + unit;
  if (p >= 1) return '100' + unit;
  if (pct >= 99.95) return '>99.9' + unit;
  return (pct >= 1 ? pct.toFixed(1) : pct.toFixed(2)) + unit;
}

/** Health factor, rounded DOWN so a displayed 1.00 is never below 1 in truth. */
export function formatHealthFactor(s: string | null | undefined): string {
  return formatAmount(s, { decimals: 2, rounding: 'floor' });
}

const VENUE_LABELS: Record<string, string> = {
  'binance-usdm': 'Binance USD-M',
  'binance-coinm': 'Binance COIN-M',
  'bybit-linear': 'Bybit',
  'bybit-inverse': 'Bybit inverse',
  okx: 'OKX',
  gate: 'Gate',
  bitmex: 'BitMEX',
  deribit: 'Deribit',
  hyperliquid: 'Hyperliquid',
  'dydx-v4': 'dYdX v4',
  'generic-linear': 'Generic linear',
  'generic-inverse': 'Generic inverse',
  'aave-v3': 'Aave v3',
  spark: 'Spark',
  'compound-v3': 'Compound v3',
  maker: 'Maker',
  'liquity-v1': 'Liquity v1',
  'liquity-v2': 'Liquity v2',
  'morpho-blue': 'Morpho Blue',
};

export function venueLabel(venue: string | null | undefined): string {
  if (!venue) return '—';
  return VENUE_LABELS[venue] ?? venue;
}

/** Mark age in seconds → "6m", "14m", "2h", "3d". */
export function formatAge(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return '';
  if (seconds < 60) return `${Math.round(seconds)}s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)}m`;
  if (seconds < 86400) return `${Math.floor(seconds / 3600)}h`;
  return `${Math.floor(seconds / 86400)}d`;
}
