// Typed readers for located values (docs/format.md §1): amounts exact from the source text, fractions, percents,
// durations, times, statistics. Each reports its own diagnostic on the value token and returns null when unusable.
import { inline, quote } from '../core/quote-text';
import { Dec, DECIMAL_RE, parseDecimal, significantDigits } from '../core/decimal';
import { parseDuration, parseTime } from '../core/time';
import type { Ctx } from './parse-context';
import type { Fix } from './diags';
import { inSourceStyle, numberSlip } from './number-slips';
import { describe, type LNode } from './tree';

/** Human advice for a text that is not a decimal. */
function amountAdvice(text: string): string {
  const t = text.trim();
  if (t === '') return 'the value is empty; write a number such as "1500"';
  if (/^[+-]?(nan|\.nan)$/i.test(t)) return 'NaN is not an amount; write the actual number';
  if (/^[+-]?(\.?inf|infinity)$/i.test(t)) return 'infinity is not an amount; write a finite number';
  if (/^[+-]?0x[0-9a-f]+$/i.test(t)) return `hexadecimal is not accepted; write the decimal value (${quote(safeBig(t))})`;
  if (/^[+-]?0o[0-7]+$/i.test(t)) return 'octal is not accepted; write the decimal value';
  const slip = numberSlip(t);
  if (slip) return slip.advice;
  if (/^[+-]?\d+(\.\d*)?\s*%$/.test(t)) return 'a percent is only accepted for rates; write the amount itself';
  if (/[eE][+-]?\d+$/.test(t) && /^[+-]?(\d+(\.\d*)?|\.\d+)[eE][+-]?\d+$/.test(t)) return 'the exponent is out of range';
  if (/^[$€£]/.test(t) || /\s*(usd|usdt|usdc|btc|eth)$/i.test(t)) return `write the number alone, without a currency (${quote(t.replace(/^[$€£]\s*/, '').replace(/\s*[a-z]+$/i, ''))})`;
  return 'write a decimal such as "31967.27", "-0.5" or "1e-8"';
}

function safeBig(hex: string): string {
  try {
    const neg = hex.startsWith('-');
    const v = BigInt(hex.replace(/^[+-]/, ''));
    return (neg ? '-' : '') + v.toString();
  } catch {
    return '…';
  }
}

export interface AmountOpts {
  /** Accept "0.5%" (rates). */
  percent?: boolean;
  /** Must be > 0 (prices, sizes of contracts). */
  positive?: boolean;
  /** Must be ≥ 0 (margins, fees). */
  nonNegative?: boolean;
}

/** The decimal text of a node, or null after a diagnostic. */
export function readAmount(ctx: Ctx, node: LNode, name: string, opts: AmountOpts = {}): Dec | null {
  let text: string;
  if (node.kind === 'string') text = node.value;
  else if (node.kind === 'number') text = node.raw;
  else {
    ctx.diags.error('non-decimal-amount', `${name} must be a decimal number written as a string, e.g. "1500"; got ${describe(node)}`, node.span);
    return null;
  }
  let d = parseDecimal(text, opts.percent === true);
  if (d === null) {
    const hint = opts.percent && /%\s*$/.test(text) ? 'write a percent as "0.5%"' : amountAdvice(text);
    ctx.diags.error('non-decimal-amount', `${name}: ${describe(node)} is not a decimal number — ${hint}`, node.span, slipFix(ctx, node, text, false));
    return null;
  }
  if (d.isZero() && d.isNegative()) {
    ctx.diags.warning('negative-zero', `${name}: ${describe(node)} is negative zero; it is read as 0 — write "0"`, node.span, valueFix(ctx, node, '0', false));
    d = new Dec(0);
  }
  if (node.kind === 'number' && !ctx.foreign && ctx.format !== 'csv' && significantDigits(node.raw) > 15) {
    ctx.diags.hint('precision-hint', `${name} ${inline(node.raw)} has more than 15 significant digits; it is read exactly here, but many tools would round it — write it quoted: ${quote(node.raw)}`, node.span);
  }
  if (opts.positive && d.lte(0)) {
    ctx.diags.error('invalid-value', `${name} must be greater than 0; got ${describe(node)}`, node.span);
    return null;
  }
  if (opts.nonNegative && d.lt(0)) {
    ctx.diags.error('invalid-value', `${name} cannot be negative; got ${describe(node)}`, node.span);
    return null;
  }
  return d;
}

export type FractionKind = 'threshold' | 'bonus' | 'rate' | 'signed';

/** The fraction a trader probably meant by a value ≥ 1 (percent, basis points, or a bonus written as 1.05). */
function fractionMeant(d: Dec, kind: FractionKind): Dec {
  if (kind === 'bonus' && d.lt(2)) return d.minus(1);
  return d.gte(100) ? d.div(10000) : d.div(100);
}

/** Suggests the fraction a trader probably meant by a value ≥ 1. */
function fractionSuggestion(d: Dec, kind: FractionKind): string {
  if (kind === 'bonus' && d.lt(2)) {
    const f = fractionMeant(d, kind);
    return `did you mean "${f.toFixed()}" (${f.mul(100).toFixed()} %)? A bonus is the fraction above 1: 5 % is "0.05"`;
  }
  const f = fractionMeant(d, kind);
  const as = d.gte(100) ? 'basis points' : 'percent';
  return `did you mean "${f.toFixed()}" (${f.mul(100).toFixed()} %)? It looks like ${as}; write a fraction ("0.05" = 5 %) or a percent string ("5%")`;
}

/** A fraction of docs/format.md §1 (`"0.05"` = 5 %, or `"5%"`). Rates must be in [0, 1); `signed` allows < 0 (funding). */
export function readFraction(ctx: Ctx, node: LNode, name: string, kind: FractionKind): Dec | null {
  const d = readAmount(ctx, node, name, { percent: true });
  if (d === null) return null;
  if (kind !== 'signed' && d.lt(0)) {
    ctx.diags.error('fraction-out-of-range', `${name} cannot be negative; got ${describe(node)}`, node.span);
    return null;
  }
  if (d.abs().gte(1)) {
    const meant = fractionMeant(d.abs(), kind);
    const written = node.kind === 'number' ? node.raw : node.kind === 'string' ? node.value : '';
    // A percent string ("500%") has no certain fix; a plain number keeps its sign and the file's quoting style.
    const fix = /%/.test(written) ? null : valueFix(ctx, node, (d.isNegative() ? meant.neg() : meant).toFixed(), true);
    ctx.diags.error('fraction-out-of-range', `${name} is a fraction below 1; ${describe(node)} is ${d.mul(100).toFixed()} % — ${fractionSuggestion(d.abs(), kind)}`, node.span, fix);
    return null;
  }
  return d;
}

/** A statistic (volatility, probability band): a plain float, `0.65` or `"65%"`. */
export function readFloat(ctx: Ctx, node: LNode, name: string, opts: { nonNegative?: boolean } = {}): number | null {
  const text = node.kind === 'number' ? node.raw : node.kind === 'string' ? node.value : null;
  const d = text === null ? null : parseDecimal(text, true);
  if (d === null) {
    const slip = text === null ? null : numberSlip(text);
    ctx.diags.error('invalid-number', `${name} must be a number such as 0.65 (or "65%"); got ${describe(node)}${slip ? ` — ${slip.advice}` : ''}`, node.span, text === null ? null : slipFix(ctx, node, text, true));
    return null;
  }
  const n = d.toNumber();
  if (!Number.isFinite(n) || (opts.nonNegative && n < 0)) {
    ctx.diags.error('invalid-number', `${name} must be a finite${opts.nonNegative ? ', non-negative' : ''} number; got ${describe(node)}`, node.span);
    return null;
  }
  return n;
}

/** A whole number (token decimals, category ids). */
export function readInt(ctx: Ctx, node: LNode, name: string, min = 0, max = 1e9): number | null {
  const text = node.kind === 'number' ? node.raw : node.kind === 'string' ? node.value.trim() : null;
  if (text === null || !/^[+-]?\d+$/.test(text) || Number(text) < min || Number(text) > max) {
    ctx.diags.error('invalid-number', `${name} must be a whole number between ${min} and ${max}; got ${node.kind === 'object' || node.kind === 'array' ? describe(node) : describe(node)}`, node.span);
    return null;
  }
  return Number(text);
}

/** A label (id, account, symbol): strings, or a bare number taken as written. */
export function readString(ctx: Ctx, node: LNode, name: string): string | null {
  if (node.kind === 'string') {
    if (node.value.trim() === '') {
      ctx.diags.error('invalid-value', `${name} is empty`, node.span);
      return null;
    }
    return node.value.trim();
  }
  if (node.kind === 'number') {
    // A bare token that is no number (94,500 split in a flow map, 0x1F or NaN in JSON) is not silently a label.
    if (DECIMAL_RE.test(node.raw)) return node.raw;
    const slip = numberSlip(node.raw);
    ctx.diags.error('invalid-value', `${name}: ${describe(node)} is not a valid bare value — write it as a quoted string${slip ? ` (${slip.advice})` : ''}`, node.span);
    return null;
  }
  ctx.diags.error('invalid-value', `${name} must be a text; got ${describe(node)}`, node.span);
  return null;
}

export function readBool(ctx: Ctx, node: LNode, name: string): boolean | null {
  if (node.kind === 'bool') return node.value;
  if (node.kind === 'string' && /^(true|false|yes|no|1|0)$/i.test(node.value.trim())) return /^(true|yes|1)$/i.test(node.value.trim());
  ctx.diags.error('invalid-value', `${name} must be true or false; got ${describe(node)}`, node.span);
  return null;
}

/** One of a fixed set of words (case-insensitive); null after a diagnostic. */
export function readEnum<T extends string>(ctx: Ctx, node: LNode, name: string, allowed: readonly T[]): T | null {
  const text = node.kind === 'string' ? node.value.trim().toLowerCase() : null;
  const hit = allowed.find((a) => a.toLowerCase() === text);
  if (hit === undefined) {
    ctx.diags.error('invalid-value', `${name} must be one of ${allowed.join(', ')}; got ${describe(node)}`, node.span);
    return null;
  }
  return hit;
}

/** "90s", "15m", "8h", "7d", "PT8H" → seconds. */
export function readDuration(ctx: Ctx, node: LNode, name: string): number | null {
  const s = node.kind === 'string' ? parseDuration(node.value) : null;
  if (s === null || !(s > 0)) {
    const tip = node.kind === 'number' ? ` — add the unit, e.g. ${quote(`${node.raw}h`)}` : '';
    ctx.diags.error('invalid-duration', `${name} must be a duration such as "90s", "15m", "8h", "7d" or "PT8H"; got ${describe(node)}${tip}`, node.span);
    return null;
  }
  return s;
}

/** ISO-8601 with an offset, or Unix seconds / milliseconds → Unix ms. */
export function readTime(ctx: Ctx, node: LNode, name: string): number | null {
  const ms = node.kind === 'number' ? (/^\d+(\.\d+)?$/.test(node.raw) ? parseTime(node.raw) : null) : node.kind === 'string' ? parseTime(node.value) : null;
  if (ms === null || !Number.isFinite(ms) || ms > 8.64e15) {
    const noOffset = node.kind === 'string' && /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?$/.test(node.value.trim());
    const tip = noOffset ? ` — add the time zone, e.g. ${quote(`${node.value.trim().includes('T') || node.value.trim().includes(' ') ? node.value.trim() : node.value.trim() + 'T00:00:00'}Z`)}` : '';
    ctx.diags.error('invalid-time', `${name} must be an ISO-8601 time with an offset ("2026-11-24T07:00:00Z") or Unix seconds/milliseconds; got ${describe(node)}${tip}`, node.span);
    return null;
  }
  return ms;
}

/** A replacement of a value node by `value`, written in the source's quoting style (bare kept bare when `keepBare`). */
export function valueFix(ctx: Ctx, node: LNode, value: string, keepBare: boolean): Fix {
  const replacement = inSourceStyle(ctx.text, node.span.offset, value, ctx.format, keepBare);
  return { replacement, title: `Replace with ${replacement}` };
}

/** The fix of a typing slip in a number (number-slips.ts), or null when none is certain. */
function slipFix(ctx: Ctx, node: LNode, text: string, keepBare: boolean): Fix | null {
  const slip = numberSlip(text);
  return slip?.fix ? valueFix(ctx, node, slip.fix, keepBare) : null;
}
