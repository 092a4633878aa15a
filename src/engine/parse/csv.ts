// CSV position files (docs/format.md §3): one row per position, header names normalised, rows grouped by
// (venue, account) into accounts, one wallet per account and one mark per symbol.
import { inline, quote } from '../core/quote-text';
import { parse as parseCsvText } from 'csv-parse/sync';
import { parseDecimal } from '../core/decimal';
import type { Account, PerpAccount, PerpVenueId, PositionMode, Span, VenueId } from '../core/types';
import type { Ctx } from './parse-context';
import { closest, MARKET_ALIASES, MARKET_KEYS, renameFix } from './market';
import { checkDuplicatePositions, readPosition, readPositionMode, POSITION_KEYS } from './perp';
import { readVenue } from './native';
import type { Entry, ObjNode, StrNode } from './tree';
import { readAmount, readString, readTime } from './values';
import { isLendingVenue, isPerpVenue } from '../venues/registry';
import { numberSlip } from './number-slips';

const ACCOUNT_KEYS = ['venue', 'account', 'walletBalance', 'positionMode', 'settleCurrency', 'asOf'] as const;
/** Columns that are not scalars cannot be CSV cells (docs/format.md §3). */
const NOT_SCALAR = new Set(['orderBook']);

const COLUMN_NAMES: Record<string, string> = (() => {
  const out: Record<string, string> = {};
  const add = (name: string, canonical: string) => { out[normalise(name)] = canonical; };
  for (const k of [...ACCOUNT_KEYS, ...POSITION_KEYS, ...MARKET_KEYS]) if (!NOT_SCALAR.has(k)) add(k, k);
  for (const [alias, k] of Object.entries(MARKET_ALIASES)) add(alias, k);
  add('marginMode', 'marginMode');
  return out;
})();

/** Header names are case-insensitive and ignore `_`, `-` and spaces. */
export function normalise(name: string): string {
  return name.toLowerCase().replace(/[_\-\s]/g, '');
}

interface Cell { text: string; span: Span }
interface Row { cells: Cell[]; span: Span; blank: boolean }

/** Locates each record's cells in the text (csv-parse gives values; this mapper gives their offsets). */
function locateRows(ctx: Ctx, records: string[][], start: number): { rows: Row[]; end: number } {
  const t = ctx.text;
  const n = t.length;
  let i = start;
  const rows: Row[] = [];
  for (const rec of records) {
    const rowStart = i;
    const cells: Cell[] = [];
    for (let k = 0; k < rec.length; k++) {
      const s = i;
      if (t[i] === '"') {
        i++;
        while (i < n) {
          if (t[i] === '"') {
            if (t[i + 1] === '"') i += 2;
            else { i++; break; }
          } else i++;
        }
      }
      while (i < n && t[i] !== ',' && t[i] !== '\n' && t[i] !== '\r') i++;
      cells.push({ text: rec[k] ?? '', span: ctx.lines.span(s, i - s) });
      if (k < rec.length - 1 && t[i] === ',') i++;
    }
    const span = ctx.lines.span(rowStart, i - rowStart);
    if (t[i] === '\r' && t[i + 1] === '\n') i += 2;
    else if (t[i] === '\n' || t[i] === '\r') i++;
    rows.push({ cells, span, blank: rec.every((c) => c.trim() === '') });
  }
  return { rows, end: i };
}

function readRows(ctx: Ctx): Row[] {
  const records: string[][] = [];
  const start = ctx.text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let failure: Error | null = null;
  try {
    parseCsvText(ctx.text.slice(start), {
      relax_column_count: true, skip_empty_lines: false,
      on_record: (rec: string[]) => { records.push(rec); return rec; },
    });
  } catch (e) {
    failure = e instanceof Error ? e : new Error(String(e));
  }
  const { rows, end } = locateRows(ctx, records, start);
  if (failure) {
    const lineEnd = ctx.text.slice(end).search(/\r|\n|$/);
    const reason = failure.message.split(/[:\n]/)[0] ?? 'malformed CSV';
    ctx.diags.error('invalid-csv', `This CSV row cannot be read (${reason}); a quoted cell must end with a quote, and a quote inside it is written "" — the rest of the file is not read`, ctx.lines.span(end, Math.max(1, lineEnd)));
  }
  return rows;
}

interface Group {
  account: PerpAccount;
  wallet: Cell | null;
  positionMode: Cell | null;
}

/** The header of a history file (docs/format.md §3.1). */
function isHistoryHeader(names: string[]): boolean {
  const n = names.map((x) => x.trim().toLowerCase());
  return n.length >= 5 && n.slice(0, 5).join(',') === 'time,open,high,low,close';
}

export function readCsv(ctx: Ctx, defaultVenue?: VenueId): { venue: VenueId | null; accounts: Account[] } {
  const rows = readRows(ctx).filter((r) => !r.blank);
  const header = rows.shift();
  if (!header) {
    ctx.diags.error('empty-file', 'The CSV is empty: write a header (venue,symbol,side,size,entryPrice,markPrice,…) and one row per position', ctx.lines.fileStart());
    return { venue: null, accounts: [] };
  }
  if (isHistoryHeader(header.cells.map((c) => c.text))) {
    ctx.diags.error('unknown-dialect', 'This CSV holds price bars (time,open,high,low,close), not positions: point a market\'s `history:` at it instead of matching it as a position file', header.span);
    return { venue: null, accounts: [] };
  }
  const columns = header.cells.map((c) => {
    const name = COLUMN_NAMES[normalise(c.text)] ?? null;
    if (name === null) {
      const near = c.text.trim() === '' ? null : closest(normalise(c.text), Object.keys(COLUMN_NAMES));
      const canonical = near === null ? null : COLUMN_NAMES[near]!;
      const tip = canonical ? ` — did you mean "${canonical}"?` : '';
      ctx.diags.warning('unknown-column', `Unknown column ${quote(c.text.trim())}; it is ignored${tip} (columns are the fields of docs/format.md §2, e.g. symbol, side, size, entry_price, mark_price, wallet_balance)`, c.span, canonical && c.text === c.text.trim() ? renameFix(ctx, c.span, canonical) : null);
    }
    return name;
  });
  const idCol = columns.indexOf('id');
  if (idCol >= 0) ctx.ids.reserve(rows.map((r) => r.cells[idCol]?.text.trim() ?? '').filter((x) => x !== ''));

  const groups = new Map<string, Group>();
  const marks = new Map<string, Cell>();
  const venues = new Set<VenueId>();
  for (const row of rows) {
    if (row.cells.length !== header.cells.length) {
      reportColumnCount(ctx, row, header.cells.length, columns);
      continue;
    }
    const cells: Record<string, Cell> = {};
    columns.forEach((name, k) => {
      const cell = row.cells[k]!;
      if (name !== null && cell.text.trim() !== '') cells[name] = cell;
    });
    const venue = rowVenue(ctx, cells.venue, defaultVenue, row);
    const account = cells.account ? cells.account.text.trim() : null;
    if (venue === null) {
      pushUnknown(ctx, cells, null, account, 'the venue is missing or unknown', row.span);
      continue;
    }
    venues.add(venue);
    if (isLendingVenue(venue)) {
      ctx.diags.error('csv-lending', `${venue} is a lending venue; loans cannot be written as CSV rows — use a YAML or JSON file with loans:`, cells.venue?.span ?? row.span);
      pushUnknown(ctx, cells, venue, account, 'lending accounts cannot be read from CSV', row.span);
      continue;
    }
    const group = groupFor(ctx, groups, venue as PerpVenueId, account, row, cells);
    shareMark(ctx, marks, venue, cells);
    const node = rowNode(row, cells);
    const p = readPosition(ctx, node, { venue: venue as PerpVenueId, account, marginMode: 'cross', settleCurrency: group.account.settleCurrency }, null);
    if (p) group.account.positions.push(p);
  }
  const accounts: PerpAccount[] = [];
  for (const g of groups.values()) {
    checkDuplicatePositions(ctx, g.account);
    const cross = g.account.positions.find((p) => p.marginMode === 'cross');
    if (cross && g.account.walletBalance === null && g.wallet === null) {
      ctx.diags.error('missing-field', `Cross position ${cross.id} needs the account's walletBalance: fill the wallet_balance cell of one row of ${g.account.account ?? 'this account'} (the cross wallet, without unrealised PnL)`, cross.span);
    }
    accounts.push(g.account);
  }
  return { venue: venues.size === 1 ? [...venues][0]! : null, accounts };
}

/**
 * A row with more cells than the header: when the extra cells are exactly the 3-digit groups of numbers written with
 * thousands separators (94,500 unquoted), each such number gets an error with the fix; the row is skipped either way
 * and its position is unknown (never read with shifted cells).
 */
function reportColumnCount(ctx: Ctx, row: Row, width: number, columns: Array<string | null>): void {
  const extra = row.cells.length - width;
  const runs = extra > 0 ? thousandsRuns(row.cells) : [];
  const merged = runs.reduce((n, r) => n + r.length - 1, 0);
  const reason = `the row has ${row.cells.length} cells for ${width} columns`;
  if (extra > 0 && merged === extra) {
    for (const run of runs) {
      const first = run[0]!.span;
      const last = run[run.length - 1]!.span;
      const span = ctx.lines.span(first.offset, last.offset + last.length - first.offset);
      const raw = run.map((c) => c.text.trim()).join(',');
      const slip = numberSlip(raw);
      ctx.diags.error('non-decimal-amount', `${inline(raw)} is one number split into ${run.length} cells by its thousands separators; the row is skipped — ${slip?.advice ?? 'write it without commas'}`, span, slip?.fix ? { replacement: slip.fix, title: `Replace with ${slip.fix}` } : null);
    }
  } else {
    ctx.diags.error('csv-column-count', `This row has ${row.cells.length} cells but the header has ${width} columns; the row is skipped — check for a missing or extra comma (quote cells that contain commas)`, row.span);
  }
  const cells: Record<string, Cell> = {};
  if (extra === 0 || merged !== extra) columns.forEach((name, k) => { if (name !== null && row.cells[k] && row.cells[k]!.text.trim() !== '') cells[name] = row.cells[k]!; });
  else {
    // Shift the cells back so that the symbol and side of the skipped row are named right.
    const flat: Cell[] = [];
    for (let k = 0; k < row.cells.length; k++) {
      const run = runs.find((r) => r[0] === row.cells[k]);
      flat.push(row.cells[k]!);
      if (run) k += run.length - 1;
    }
    columns.forEach((name, k) => { if (name !== null && flat[k] && flat[k]!.text.trim() !== '') cells[name] = flat[k]!; });
  }
  if (!cells.symbol) return;
  const venue = cells.venue ? cells.venue.text.trim() : null;
  pushUnknown(ctx, cells, venue !== null && isVenueId(venue) ? venue : null, cells.account?.text.trim() ?? null, `${reason} (see the diagnostic on line ${row.span.line})`, row.span);
}

/** Runs of cells that read as one number with thousands separators: 1–3 digits, then cells of exactly 3 digits. */
function thousandsRuns(cells: Cell[]): Cell[][] {
  const runs: Cell[][] = [];
  for (let k = 0; k < cells.length; k++) {
    if (!/^[+-]?[1-9]\d{0,2}$/.test(cells[k]!.text.trim()) || cells[k]!.text !== cells[k]!.text.trim()) continue;
    let j = k + 1;
    while (j < cells.length && /^\d{3}(\.\d+)?$/.test(cells[j]!.text) && !/\./.test(cells[j - 1]!.text)) j++;
    if (j > k + 1) {
      runs.push(cells.slice(k, j));
      k = j - 1;
    }
  }
  return runs;
}

function isVenueId(v: string): v is VenueId {
  return isPerpVenue(v) || isLendingVenue(v);
}

function rowVenue(ctx: Ctx, cell: Cell | undefined, defaultVenue: VenueId | undefined, row: Row): VenueId | null {
  if (cell) return readVenue(ctx, str(cell));
  if (defaultVenue) return defaultVenue;
  ctx.diags.error('missing-field', 'This row has no venue: add a venue column (e.g. binance-usdm) or fill its cell', row.span);
  return null;
}

function str(cell: Cell): StrNode {
  return { kind: 'string', value: cell.text.trim(), span: cell.span };
}

function pushUnknown(ctx: Ctx, cells: Record<string, Cell>, venue: VenueId | null, account: string | null, reason: string, span: Span): void {
  const symbol = cells.symbol?.text.trim() ?? null;
  const sideText = cells.side?.text.trim().toLowerCase();
  const side = sideText === 'long' || sideText === 'short' ? sideText : null;
  const own = cells.id ? { id: cells.id.text.trim(), span: cells.id.span } : null;
  ctx.unknown.push({ id: ctx.ids.assign(own, symbol, side), kind: isLendingVenue(venue ?? '') ? 'loan' : 'perp', venue, account, symbol, side, reason, span });
}

function groupFor(ctx: Ctx, groups: Map<string, Group>, venue: PerpVenueId, account: string | null, row: Row, cells: Record<string, Cell>): Group {
  const key = `${venue}\u0000${account ?? ''}`;
  let g = groups.get(key);
  if (!g) {
    g = {
      account: { kind: 'perp', venue, account, settleCurrency: null, positionMode: 'one-way', walletBalance: null, walletSource: 'file', asOf: null, positions: [], readOnly: false, span: row.span, fields: {} },
      wallet: null, positionMode: null,
    };
    groups.set(key, g);
  }
  const a = g.account;
  const label = account ?? 'the rows without an account';
  if (cells.walletBalance) {
    const cell = cells.walletBalance;
    if (g.wallet === null) {
      g.wallet = cell;
      a.walletBalance = readAmount(ctx, str(cell), 'walletBalance');
      a.fields.walletBalance = cell.span;
    } else if (!sameDecimal(cell.text, g.wallet.text) && cell.text.trim() !== g.wallet.text.trim()) {
      ctx.diags.error('csv-inconsistent-wallet', `walletBalance ${inline(cell.text.trim())} differs from ${inline(g.wallet.text.trim())} given on line ${g.wallet.span.line} for ${label} (${venue}); one account has one wallet — leave this cell blank or make them equal (${inline(g.wallet.text.trim())} is used)`, cell.span);
    }
  }
  if (cells.positionMode) {
    const mode: PositionMode | null = readPositionMode(ctx, str(cells.positionMode));
    if (g.positionMode === null) {
      g.positionMode = cells.positionMode;
      if (mode) a.positionMode = mode;
      a.fields.positionMode = cells.positionMode.span;
    } else if (mode !== null && mode !== a.positionMode) {
      ctx.diags.error('invalid-value', `positionMode ${mode} differs from ${a.positionMode} on line ${g.positionMode.span.line} for ${label}; one account has one position mode`, cells.positionMode.span);
    }
  }
  if (cells.settleCurrency && a.settleCurrency === null) {
    a.settleCurrency = readString(ctx, str(cells.settleCurrency), 'settleCurrency');
    a.fields.settleCurrency = cells.settleCurrency.span;
  }
  if (cells.asOf && a.asOf === null) {
    a.asOf = readTime(ctx, str(cells.asOf), 'asOf');
    a.fields.asOf = cells.asOf.span;
  }
  return g;
}

function sameDecimal(a: string, b: string): boolean {
  const x = parseDecimal(a.trim());
  const y = parseDecimal(b.trim());
  return x !== null && y !== null && x.eq(y);
}

/** All rows of one (venue, symbol) share one mark: blanks inherit it, a different value is a diagnostic. */
function shareMark(ctx: Ctx, marks: Map<string, Cell>, venue: VenueId, cells: Record<string, Cell>): void {
  const symbol = cells.symbol?.text.trim();
  if (!symbol) return;
  const key = `${venue}\u0000${symbol}`;
  const first = marks.get(key);
  const mine = cells.markPrice;
  if (!mine) {
    if (first) cells.markPrice = first;
    return;
  }
  // An unreadable mark stays on its own row (which reports it): it must not become the mark of other accounts.
  if (!(parseDecimal(mine.text.trim())?.gt(0) ?? false)) return;
  if (!first) {
    marks.set(key, mine);
    return;
  }
  if (mine.text.trim() !== first.text.trim() && !sameDecimal(mine.text, first.text)) {
    ctx.diags.error('csv-inconsistent-mark', `markPrice ${inline(mine.text.trim())} differs from ${inline(first.text.trim())} on line ${first.span.line} for ${symbol}; all rows of one symbol share one mark (${inline(first.text.trim())} is used) — make them equal or leave this cell blank`, mine.span);
    cells.markPrice = first;
  }
}

/** A row as an object node (non-blank cells only), so it is read by the same position reader as YAML/JSON. */
function rowNode(row: Row, cells: Record<string, Cell>): ObjNode {
  const entries: Entry[] = [];
  for (const [key, cell] of Object.entries(cells)) {
    if ((ACCOUNT_KEYS as readonly string[]).includes(key)) continue;
    entries.push({ key, keySpan: cell.span, value: str(cell) });
  }
  return { kind: 'object', span: row.span, entries };
}
