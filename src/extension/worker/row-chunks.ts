// Rows cross from the evaluation worker to the extension host as JSON text, ROW_CHUNK rows (with their risk inputs) a
// chunk. Node hands the host every message queued on a port in one task, so rows sent as objects were deserialised
// all at once whenever the host had been busy: a 20,000-row result held it for ~0.5 s of deserialisation and
// scavenges. A string crosses as one flat copy; the host parses one chunk a slice (prepared-result.ts) and yields
// between them.
//
// A chunk is two JSON texts: the rows without their `details` (what the panel, Problems, CodeLens and decorations
// read), and the rows' details and risk inputs, which only one row's details pane, hover or chart (or an export)
// reads. The host parses the first and keeps the second as text (row-rest.ts): one string a chunk, where the parsed
// details were ~30 objects a row for every scavenge to copy while a large file's rows arrived. Each row's signature
// hashes the same two texts (row-signature.ts).
import type { ResultRow } from '../../engine/evaluate/report';
import type { HostRow } from '../rows';
import { NO_DETAILS, ROW_CHUNK, type ChunkRest, type RiskInputsById } from '../row-rest';

/** A row's two JSON texts: without its details, and its details. */
export interface RowText {
  head: string;
  details: string;
}

export function rowText(row: ResultRow): RowText {
  const { details, ...head } = row;
  return { head: JSON.stringify(head), details: JSON.stringify(details ?? null) };
}

/**
 * One chunk: its rows without their details (a JSON array), where each row's JSON ends in it (so the host parses one
 * row without the others: row-heads.ts), and their details and risk inputs (a ChunkRest).
 */
export interface ChunkText {
  rows: string;
  ends: number[];
  rest: string;
}

/** The chunks of `rows`, given each row's texts (`texts[i]` = rowText(rows[i])). */
export function encodeChunks(rows: readonly ResultRow[], texts: readonly RowText[], riskInputs?: RiskInputsById): ChunkText[] {
  const out: ChunkText[] = [];
  for (let i = 0; i < rows.length; i += ROW_CHUNK) {
    const part = texts.slice(i, i + ROW_CHUNK);
    const inputs = riskInputs ? inputsOf(rows.slice(i, i + ROW_CHUNK), riskInputs) : undefined;
    const rest = `{"details":[${part.map((t) => t.details).join(',')}]${inputs ? `,"riskInputs":${JSON.stringify(inputs)}` : ''}}`;
    out.push({ rows: `[${part.map((t) => t.head).join(',')}]`, ends: endsOf(part), rest });
  }
  return out;
}

/** Where each head ends in the chunk's `[h0,h1,…]`. */
function endsOf(part: readonly RowText[]): number[] {
  const ends: number[] = [];
  let at = 0;
  for (const t of part) ends.push((at += 1 + t.head.length));
  return ends;
}

/** A chunk's rows (their details and risk inputs stay text: RowRest reads them). */
export function decodeRows(chunk: ChunkText): HostRow[] {
  return JSON.parse(chunk.rows) as HostRow[];
}

/** Every chunk at once, rows whole (tests and small results; the host parses large ones in slices). */
export function decodeAll(chunks: readonly ChunkText[]): { rows: ResultRow[]; riskInputs: RiskInputsById } {
  const rows: ResultRow[] = [];
  const riskInputs = Object.create(null) as RiskInputsById;
  for (const c of chunks) {
    const value = JSON.parse(c.rest) as ChunkRest;
    decodeRows(c).forEach((h, k) => rows.push({ ...h, details: value.details[k] ?? NO_DETAILS }));
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
