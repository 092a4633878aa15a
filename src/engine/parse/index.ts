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
import { internalError } from '../core/diagnostics';

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
  const ctx = makeCtx(text, format, opts.hasBundledTiers);
  ctx.takerFees = takerFeesOf(opts.takerFees);
  const out: ParsedFile = { path, dialect: 'native', format, venue: null, accounts: [], risk: {}, diagnostics: ctx.diags.list, unknown: ctx.unknown };
  if (format === 'csv') {
    const r = readCsv(ctx, opts.defaultVenue);
    out.venue = r.venue;
    out.accounts = r.accounts;
    applySettingFees(ctx, out.accounts);
    return out;
  }
  const root = body(text).trim() === '' ? emptyFile(ctx) : format === 'json' ? parseJson(text, ctx.lines, ctx.diags, !/\.jsonc$/i.test(path)) : parseYaml(text, ctx.lines, ctx.diags);
  if (root === null) return out;
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

function body(text: string): string {
  return text.replace(/^\uFEFF/, '');
}

function emptyFile(ctx: Ctx): LNode | null {
  ctx.diags.error('empty-file', 'The file is empty: write a position file (version: 1, venue, positions)', ctx.lines.fileStart());
  return null;
}
