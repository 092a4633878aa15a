// Rows cross from the evaluation worker to the extension host as JSON text, ROW_CHUNK rows (with their risk inputs) a
// chunk. Node hands the host every message queued on a port in one task, so rows sent as objects were deserialised
// all at once whenever the host had been busy: a 20,000-row result held it for ~0.5 s of deserialisation and
// scavenges. A string crosses as one flat copy; the host parses one chunk a slice (prepared-result.ts) and yields
// between them.
//
// A chunk is three JSON texts: the rows without their `details` (what the panel, Problems, CodeLens and decorations
// read), the rows' details and risk inputs, which only one row's details pane, hover or chart (or an export) reads,
// and the few fields of each row the host's index reads as the rows arrive. The host keeps the first two as text
// (row-heads.ts, row-rest.ts) and parses the third once. A row without its details is written as the array of its
// values when its keys are the chunk's `keys` (every engine row has the same keys in the same order: the key names
// were half of the text the host keeps), else as its object; details likewise. Each row's signature hashes its two
// texts (row-signature.ts).
import type { ResultRow } from '../../engine/evaluate/report';
import type { Status } from '../../engine/core/types';
import type { HostRow } from '../rows';
import { detailsOf, NO_DETAILS, ROW_CHUNK, type ChunkRest, type RiskInputsById } from '../row-rest';
import { namedValues, objectOf } from './named-values';

/** A row's two JSON texts (named-values.ts): the row without its details, and its details. */
export interface RowText {
  /** The keys of the row without its details, joined with commas; '' when `head` is its object. */
  keys: string;
  head: string;
  /** The details' keys likewise ('' when `details` is their object, or null). */
  detailsKeys: string;
  details: string;
}

export function rowText(row: ResultRow): RowText {
  const { details, ...head } = row;
  const h = namedValues(head);
  const d = namedValues(details ?? null);
  return { keys: h.keys, head: h.json, detailsKeys: d.keys, details: d.json };
}

/**
 * One chunk: its rows without their details (a JSON array of value arrays, named by `keys`, or of objects), where
 * each row's JSON ends in it (so the host parses one row without the others: row-heads.ts), and their details and
 * risk inputs (a ChunkRest, its details named likewise).
 */
export interface ChunkText {
  keys: string[];
  rows: string;
  ends: number[];
  /** The few fields of each row the host's index reads as they arrive (decodeIngested): parsed once, then dropped. */
  index: string;
  rest: string;
}

/** The chunks of `rows`, given each row's texts (`texts[i]` = rowText(rows[i])): a row of another shape than the
 * chunk's first goes as its object. */
export function encodeChunks(rows: readonly ResultRow[], texts: readonly RowText[], riskInputs?: RiskInputsById): ChunkText[] {
  const out: ChunkText[] = [];
  for (let i = 0; i < rows.length; i += ROW_CHUNK) {
    const part = texts.slice(i, i + ROW_CHUNK);
    const chunkRows = rows.slice(i, i + ROW_CHUNK);
    const keys = part[0]!.keys;
    const heads = part.map((t, k) => (t.keys === keys ? t.head : JSON.stringify(headOf(rows[i + k]!))));
    const named = part.findIndex((t) => t.detailsKeys !== '');
    const detailsKeys = named < 0 ? '' : part[named]!.detailsKeys;
    const details = part.map((t, k) => (t.detailsKeys === detailsKeys || t.detailsKeys === '' ? t.details : JSON.stringify(rows[i + k]!.details)));
    const inputs = riskInputs ? inputsOf(chunkRows, riskInputs) : undefined;
    const detailsNames = named < 0 ? [] : Object.keys(rows[i + named]!.details);
    const rest = `{"keys":${JSON.stringify(detailsNames)},"details":[${details.join(',')}]${inputs ? `,"riskInputs":${JSON.stringify(inputs)}` : ''}}`;
    const index = JSON.stringify(chunkRows.map(indexTuple));
    out.push({ keys: keys ? Object.keys(headOf(rows[i]!)) : [], rows: `[${heads.join(',')}]`, ends: endsOf(heads), index, rest });
  }
  return out;
}

function headOf(row: ResultRow): HostRow {
  const { details: _details, ...head } = row;
  return head;
}

/** A row read from its chunk: its values named by the chunk's keys, or its object. */
export function rowOf(value: unknown, keys: readonly string[]): HostRow {
  return objectOf<HostRow>(value, keys);
}

/** Where each head ends in the chunk's `[h0,h1,…]`. */
function endsOf(heads: readonly string[]): number[] {
  const ends: number[] = [];
  let at = 0;
  for (const h of heads) ends.push((at += 1 + h.length));
  return ends;
}

/** A chunk's rows (their details and risk inputs stay text: RowRest reads them). */
export function decodeRows(chunk: { rows: string; keys: readonly string[] }): HostRow[] {
  return (JSON.parse(chunk.rows) as unknown[]).map((v) => rowOf(v, chunk.keys));
}

/** What the host's index reads of a row as it arrives (panel/row-entry.ts makeEntry, panel/row-index.ts Aggregator). */
export type IngestedRow = Pick<HostRow, 'file' | 'id' | 'line' | 'column' | 'status' | 'distance' | 'venue' | 'account' | 'stale' | 'markAge'> & {
  fix: { target: Status } | null;
};

/** A row's IngestedRow fields, in the chunk's `index` text (the fix's target only). */
function indexTuple(r: ResultRow): unknown[] {
  return [r.file, r.id, r.line, r.column, r.status, r.distance, r.venue, r.account, r.stale, r.markAge, r.fix?.target ?? null];
}

/** A chunk's rows as the index reads them, from its `index` text (a few fields a row, not the rows themselves). */
export function decodeIngested(chunk: Pick<ChunkText, 'index'>): IngestedRow[] {
  return (JSON.parse(chunk.index) as unknown[][]).map((t) => ({
    file: t[0], id: t[1], line: t[2], column: t[3], status: t[4], distance: t[5], venue: t[6], account: t[7], stale: t[8], markAge: t[9],
    fix: t[10] === null ? null : { target: t[10] },
  }) as IngestedRow);
}

/** Every chunk at once, rows whole (tests and small results; the host parses large ones in slices). */
export function decodeAll(chunks: readonly ChunkText[]): { rows: ResultRow[]; riskInputs: RiskInputsById } {
  const rows: ResultRow[] = [];
  const riskInputs = Object.create(null) as RiskInputsById;
  for (const c of chunks) {
    const value = JSON.parse(c.rest) as ChunkRest;
    decodeRows(c).forEach((h, k) => rows.push({ ...h, details: detailsOf(value, k) ?? NO_DETAILS }));
    Object.assign(riskInputs, value.riskInputs);
  }
  return { rows, riskInputs };
}

/** The risk inputs of a chunk's rows (never one object for the whole file); no prototype: an id may be `__proto__`. */
function inputsOf(rows: readonly ResultRow[], all: RiskInputsById): RiskInputsById {
  const out = Object.create(null) as RiskInputsById;
  for (const r of rows) if (Object.hasOwn(all, r.id)) out[r.id] = all[r.id]!;
  return out;
}
