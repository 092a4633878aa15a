import DecimalBase from 'decimal.js';

/** The engine's Decimal: precision 50, half-even (docs/results.md §2). Every money value is one of these. */
export const Dec = DecimalBase.clone({ precision: 50, rounding: DecimalBase.ROUND_HALF_EVEN, toExpNeg: -100, toExpPos: 100 });
export type Dec = InstanceType<typeof Dec>;

/** Exact powers of ten as doubles (10^22 is the largest). */
const POW10 = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));

/**
 * decimal.js's toNumber reads the value's decimal string back. A value of at most two base-1e7 words (≤ 14 digits,
 * an integer below 2^53) times a power of ten of at most 22 is one IEEE operation on exact operands, so it is the
 * correctly rounded double — the one Number(string) gives — without the string (Clinger's fast path).
 * Dec shares decimal.js's prototype; the result is the same double for every Decimal, so the override is safe.
 */
const stringToNumber = DecimalBase.prototype.toNumber;
function fastToNumber(this: Dec): number {
  const d = this.d;
  if (!d || d.length > 2) return stringToNumber.call(this);
  const first = d[0]!;
  const mantissa = d.length === 1 ? first : first * 1e7 + d[1]!;
  const k = this.e - (digitCount(first) + 7 * (d.length - 1)) + 1;
  if (k > 22 || k < -22) return stringToNumber.call(this);
  const v = k >= 0 ? mantissa * POW10[k]! : mantissa / POW10[-k]!;
  return this.s < 0 ? -v : v;
}
DecimalBase.prototype.toNumber = fastToNumber;

/**
 * A Decimal as a double to ~1e-15 relative from its three leading base-1e7 words, without the decimal string
 * toNumber reads for long values: for estimates that are checked against a margin far above that error.
 */
export function approxNumber(x: Dec): number {
  const d = x.d;
  if (!d || !d[0]) return d ? 0 : Number.NaN;
  const w = Math.min(d.length, 3);
  let mantissa = 0;
  for (let i = 0; i < w; i++) mantissa = mantissa * 1e7 + d[i]!;
  return x.s * mantissa * 10 ** (x.e - (digitCount(d[0]) + 7 * (w - 1)) + 1);
}

function digitCount(w: number): number {
  let n = 1;
  while (w >= 10) { w /= 10; n++; }
  return n;
}

export const ZERO = new Dec(0);
export const ONE = new Dec(1);

/** Matches docs/format.md §1 decimal text (no percent). */
export const DECIMAL_RE = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** Parses a decimal text exactly; returns null when it is not a decimal of docs/format.md §1 (percent allowed when asked). */
export function parseDecimal(text: string, allowPercent = false): Dec | null {
  let t = text.trim();
  let scale = 1;
  if (allowPercent && t.endsWith('%')) {
    t = t.slice(0, -1).trim();
    scale = 100;
  }
  if (!DECIMAL_RE.test(t)) return null;
  const e = t.search(/[eE]/);
  if (e >= 0 && Math.abs(Number(t.slice(e + 1))) > 1000) return null;
  const d = new Dec(t);
  if (!d.isFinite()) return null;
  return scale === 1 ? d : d.div(scale);
}

/** Output form of docs/results.md §2: rounded half-even to 30 significant digits, plain notation, trailing zeros stripped. */
export function fmt(d: Dec | null | undefined): string | null {
  if (d === null || d === undefined) return null;
  if (!d.isFinite()) return null;
  // ≤ 30 significant digits: the rounding leaves the value as it is, so skip the rounded copy
  return plainText(d.sd() <= 30 ? d : d.toSignificantDigits(30, Dec.ROUND_HALF_EVEN));
}

/** Character codes of one plain-notation output (sign, digits, point, leading or trailing zeros). */
const CODES: number[] = [];

/**
 * toFixed() of a finite Decimal (no exponent, trailing zeros stripped, no "-0") as one flat string. decimal.js builds
 * it by repeated concatenation, a tree of string pieces that the first stage keeps for every printed field of every
 * row until the row is written (a scavenge copies each piece); this writes the character codes once (at most 73).
 * Exotic magnitudes (a long run of zeros) take decimal.js's path.
 */
function plainText(x: Dec): string {
  const d = x.d;
  const e = x.e;
  if (e < -40 || e > 60) {
    const s = x.toFixed();
    return s === '-0' ? '0' : s;
  }
  let n = 0;
  if (x.isNeg() && !x.isZero()) CODES[n++] = 45; // '-' (as toFixed: never "-0")
  const digitsFrom = n;
  n = writeWord(d[0]!, n, false);
  for (let i = 1; i < d.length; i++) n = writeWord(d[i]!, n, true);
  while (n - digitsFrom > 1 && CODES[n - 1] === 48) n--; // trailing zeros
  const len = n - digitsFrom;
  if (e < 0) {
    // 0.000ddd: shift the digits right by 1 − e places ("0." and −e − 1 zeros)
    const shift = 1 - e;
    for (let i = n - 1; i >= digitsFrom; i--) CODES[i + shift] = CODES[i]!;
    CODES[digitsFrom] = 48;
    CODES[digitsFrom + 1] = 46;
    for (let i = 2; i < shift; i++) CODES[digitsFrom + i] = 48;
    n += shift;
  } else if (e + 1 >= len) {
    for (let i = len; i < e + 1; i++) CODES[n++] = 48;
  } else {
    const at = digitsFrom + e + 1;
    for (let i = n; i > at; i--) CODES[i] = CODES[i - 1]!;
    CODES[at] = 46;
    n++;
  }
  CODES.length = n;
  return String.fromCharCode.apply(null, CODES);
}

/** Writes a base-1e7 word's digits at `n` (seven, zero-padded, unless it is the leading word); the new end. */
function writeWord(w: number, n: number, padded: boolean): number {
  const count = padded ? 7 : digitCount(w);
  for (let k = count - 1; k >= 0; k--) {
    CODES[n + k] = 48 + (w % 10);
    w = Math.floor(w / 10);
  }
  return n + count;
}

/**
 * A float statistic as money text: x rounded to 15 significant digits (its decimal digits, as `toPrecision` gives
 * them), then the output form of `fmt` — the same string as fmt(new Dec(x.toPrecision(15))) without a Decimal.
 */
export function fmtFloat15(x: number): string | null {
  if (!Number.isFinite(x)) return null;
  let t = x.toPrecision(15);
  const negative = t.startsWith('-');
  if (negative) t = t.slice(1);
  const e = t.indexOf('e');
  const exp = e < 0 ? 0 : Number(t.slice(e + 1));
  const mantissa = e < 0 ? t : t.slice(0, e);
  const dot = mantissa.indexOf('.');
  const digits = dot < 0 ? mantissa : mantissa.slice(0, dot) + mantissa.slice(dot + 1);
  const point = (dot < 0 ? mantissa.length : dot) + exp;
  let whole: string, frac: string;
  if (point <= 0) { whole = '0'; frac = '0'.repeat(-point) + digits; }
  else if (point >= digits.length) { whole = digits + '0'.repeat(point - digits.length); frac = ''; }
  else { whole = digits.slice(0, point); frac = digits.slice(point); }
  whole = whole.replace(/^0+(?=\d)/, '');
  frac = frac.replace(/0+$/, '');
  const plain = frac ? `${whole}.${frac}` : whole;
  return negative && plain !== '0' ? `-${plain}` : plain;
}

/** Number of significant digits in a decimal literal (for the "quote it" hint on bare numbers). */
export function significantDigits(text: string): number {
  const mantissa = text.replace(/^[+-]/, '').replace(/[eE].*$/, '').replace('.', '').replace(/^0+/, '');
  return mantissa.replace(/0+$/, '').length;
}

/** Rounds up to a step (e.g. marginStep 0.01): the smallest multiple of step ≥ x. */
export function ceilToStep(x: Dec, step: Dec): Dec {
  if (step.lte(0)) return x;
  return x.div(step).ceil().mul(step);
}
