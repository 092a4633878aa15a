// The position-file reader: text → located tree → model (docs/format.md §1–§7). Never throws.
import type { FileFormat, ParsedFile, VenueId } from '../core/types';
import { makeCtx, type Ctx } from './parse-context';
import { dialectOf, formatOf } from './detect';
import { parseJson } from './json';
import { readNative } from './native';
import { readCsv } from './csv';
import { readCcxt } from './ccxt-dump';
import { readHyperliquid } from './hyperliquid-dump';
import { readFreqtrade } from './freqtrade-status';
import { parseYaml } from './yaml';
import { applySettingFees, takerFeesOf } from './taker-fees';
import type { LNode } from './tree';
import { diagnostic, internalError } from '../core/diagnostics';
import { MAX_POSITIONS, maxBytes, tooLargeMessage } from '../core/limits';
import { DECIMAL_RE, parseDecimal } from '../core/decimal';
import { inline, quote } from '../core/quote-text';
import { numberSlip } from './number-slips';
import type { Span } from '../core/types';

export { PARSE_CODES } from '../core/diagnostic-codes';
export { decodeUtf8 } from './utf8';
export { isInverse } from '../venues/registry';

export interface ParseOptions {
  /** Venue of a bare CCXT array (setting liquidationLens.defaultVenue). */
  defaultVenue?: VenueId;
  /** Whether a bundled tier table exists; foreign rows then prefer it over a flat maintenanceMarginPercentage. */
  hasBundledTiers?: (venue: string, symbol: string) => boolean;
  /** Setting liquidationLens.takerFees: venue → taker rate for positions whose file gives none (taker-fees.ts). */
  takerFees?: Record<string, string | number>;
}

export function parseFile(path: string, text: string, opts: ParseOptions = {}): ParsedFile {
  let format: FileFormat = 'yaml';
  try {
    format = formatOf(path, text);
    return parseWith(path, String(text), format, opts);
  } catch (e) {
    return {
      path, dialect: 'native', format, venue: null, accounts: [], risk: {}, unknown: [],
      diagnostics: [internalError('read', e)],
    };
  }
}

function parseWith(path: string, text: string, format: FileFormat, opts: ParseOptions): ParsedFile {
  if (text.length > maxBytes(format)) return tooLarge(path, format, text.length);
  const ctx = makeCtx(text, format, opts.hasBundledTiers);
  ctx.takerFees = takerFeesOf(opts.takerFees);
  const out: ParsedFile = { path, dialect: 'native', format, venue: null, accounts: [], risk: {}, diagnostics: ctx.diags.list, unknown: ctx.unknown, readSteps: text.length };
  if (format === 'csv') {
    if (!withinRowLimit(ctx, csvRowsAtMost(text))) return out;
    const r = readCsv(ctx, opts.defaultVenue);
    out.venue = r.venue;
    out.accounts = r.accounts;
    applySettingFees(ctx, out.accounts);
    return out;
  }
  const malformed: Span[] = [];
  const yaml = { values: 0 };
  const root = body(text).trim() === '' ? emptyFile(ctx) : format === 'json' ? parseJson(text, ctx.lines, ctx.diags, !/\.jsonc$/i.test(path), malformed) : parseYaml(text, ctx.lines, ctx.diags, yaml);
  out.readSteps = text.length + yaml.values;
  if (root === null) return out;
  if (!withinRowLimit(ctx, rowsOf(root))) return out;
  readTree(ctx, root, out, opts);
  reportMalformed(ctx, malformed);
  return out;
}

function readTree(ctx: Ctx, root: LNode, out: ParsedFile, opts: ParseOptions): ParsedFile {
  const dialect = dialectOf(root);
  if (dialect === 'unknown') {
    ctx.diags.error('unknown-dialect', 'This is not a position file: expected a native file (version, venue, positions), a CCXT dump ({ exchange, positions } or a list of positions) or a Hyperliquid clearinghouseState', root.span.length > 200 ? ctx.lines.span(root.span.offset, 1) : root.span);
    return out;
  }
  out.dialect = dialect;
  if (dialect === 'native') {
    if (root.kind !== 'object') return out;
    const r = readNative(ctx, root);
    out.venue = r.venue;
    out.accounts = r.accounts;
    out.risk = r.risk;
    applySettingFees(ctx, out.accounts);
    return out;
  }
  ctx.foreign = true;
  ctx.dialect = dialect;
  const r = dialect === 'ccxt' ? readCcxt(ctx, root, opts.defaultVenue) : dialect === 'freqtrade' ? readFreqtrade(ctx, root) : readHyperliquid(ctx, root);
  out.venue = r.venue;
  out.accounts = r.accounts;
  return out;
}

/** Bare JSON values that are no JSON number (94,500, .5, NaN) and that no reader refused get an error of their own. */
function reportMalformed(ctx: Ctx, malformed: Span[]): void {
  if (malformed.length === 0) return;
  const refused = new Set(ctx.diags.list.filter((d) => d.severity === 'error').map((d) => `${d.line}:${d.column}`));
  for (const m of malformed) {
    if (refused.has(`${m.line}:${m.column}`)) continue;
    const raw = ctx.text.slice(m.offset, m.offset + m.length);
    const slip = numberSlip(raw);
    const fix = slip?.fix ?? (DECIMAL_RE.test(raw) ? parseDecimal(raw)?.toFixed() ?? null : null);
    ctx.diags.error('invalid-json', `Invalid JSON: ${inline(raw)} is not a JSON number${slip ? ` — ${slip.advice}` : fix ? ` — write ${quote(fix)}` : ''}`, m, fix ? { replacement: JSON.stringify(fix) } : null);
  }
}

function tooLarge(path: string, format: FileFormat, size: number): ParsedFile {
  const d = diagnostic('error', 'file-too-large', tooLargeMessage(size, maxBytes(format), format.toUpperCase()));
  return { path, dialect: 'native', format, venue: null, accounts: [], risk: {}, unknown: [], diagnostics: [d] };
}

/** One diagnostic, and nothing read, when a file holds more rows than MAX_POSITIONS. */
function withinRowLimit(ctx: Ctx, rows: number): boolean {
  if (rows <= MAX_POSITIONS) return true;
  ctx.diags.error('too-many-positions', `This file holds ${rows.toLocaleString('en-US')} positions or rows; files above ${MAX_POSITIONS.toLocaleString('en-US')} are not read (README "Limits") — split it`, ctx.lines.fileStart());
  return false;
}

/** An upper bound of a CSV's rows, counted without parsing: its line breaks (quoted cells may hold some). */
function csvRowsAtMost(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  if (n === 0) for (let i = text.indexOf('\r'); i >= 0; i = text.indexOf('\r', i + 1)) n++;
  return Math.max(0, n - 1);
}

/** Rows a tree holds: a top-level list, or the lists directly under the top-level object (positions, loans, …). */
function rowsOf(root: LNode): number {
  if (root.kind === 'array') return root.items.length;
  if (root.kind !== 'object') return 0;
  let n = 0;
  for (const e of root.entries) if (e.value.kind === 'array') n += e.value.items.length;
  return n;
}

function body(text: string): string {
  return text.replace(/^\uFEFF/, '');
}

function emptyFile(ctx: Ctx): LNode | null {
  ctx.diags.error('empty-file', 'The file is empty: write a position file (version: 1, venue, positions)', ctx.lines.fileStart());
  return null;
}
