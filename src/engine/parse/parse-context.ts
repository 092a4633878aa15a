// What every model builder shares while reading one file.
import type { Dec } from '../core/decimal';
import type { Dialect, FileFormat, Span, UnknownEntry } from '../core/types';
import { Diags } from './diags';
import { Ids } from './ids';
import { LineIndex } from './lines';

export interface Ctx {
  text: string;
  lines: LineIndex;
  diags: Diags;
  format: FileFormat;
  dialect: Dialect;
  /** Foreign dialects: numbers are read from the source text too, but never get the quote hint. */
  foreign: boolean;
  ids: Ids;
  unknown: UnknownEntry[];
  /** Optional: whether a bundled tier table exists (foreign dialects prefer it over a flat mmr). */
  hasBundledTiers?: (venue: string, symbol: string) => boolean;
  /** Setting liquidationLens.takerFees: venue → taker rate for positions whose file gives none (taker-fees.ts). */
  takerFees?: Record<string, Dec>;
}

export function makeCtx(text: string, format: FileFormat, hasBundledTiers?: Ctx['hasBundledTiers']): Ctx {
  const lines = new LineIndex(text);
  const diags = new Diags();
  return { text, lines, diags, format, dialect: 'native', foreign: false, ids: new Ids(diags), unknown: [], hasBundledTiers };
}

export function fileSpan(ctx: Ctx): Span {
  return ctx.lines.span(0, ctx.text.length);
}
