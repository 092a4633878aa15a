// Rows cross from the evaluation worker to the extension host as JSON text, ROW_CHUNK rows (with their risk inputs) a
// string. Node hands the host every message queued on a port in one task, so rows sent as objects were deserialised
// all at once whenever the host had been busy: a 20,000-row result held it for ~0.5 s of deserialisation and
// scavenges. A string crosses as one flat copy; the host parses one chunk a slice (prepared-result.ts) and yields
// between them. The JSON is the one the worker writes anyway for each row's signature (row-signature.ts).
import type { ResultRow } from '../../engine/evaluate/report';
import type { FileEvaluation } from '../../engine/evaluate/evaluate-file';

export type RiskInputsById = NonNullable<FileEvaluation['riskInputs']>;

export interface RowChunk {
  rows: ResultRow[];
  riskInputs?: RiskInputsById;
}

/** Rows a chunk: one chunk is parsed on the host in a few ms. */
export const ROW_CHUNK = 200;

/** The chunks of `rows`, given each row's JSON (`json[i]` = JSON.stringify(rows[i])). */
export function encodeChunks(rows: readonly ResultRow[], json: readonly string[], riskInputs?: RiskInputsById): string[] {
  const out: string[] = [];
  for (let i = 0; i < rows.length; i += ROW_CHUNK) {
    const inputs = riskInputs ? inputsOf(rows.slice(i, i + ROW_CHUNK), riskInputs) : undefined;
    out.push(`{"rows":[${json.slice(i, i + ROW_CHUNK).join(',')}]${inputs ? `,"riskInputs":${JSON.stringify(inputs)}` : ''}}`);
  }
  return out;
}

export function decodeChunk(text: string): RowChunk {
  return JSON.parse(text) as RowChunk;
}

/** Every chunk at once (tests and small results; the host parses large ones in slices). */
export function decodeAll(chunks: readonly string[]): Required<RowChunk> {
  const rows: ResultRow[] = [];
  const riskInputs: RiskInputsById = {};
  for (const c of chunks) {
    const chunk = decodeChunk(c);
    rows.push(...chunk.rows);
    Object.assign(riskInputs, chunk.riskInputs);
  }
  return { rows, riskInputs };
}

/** The risk inputs of a chunk's rows (never one object for the whole file). */
function inputsOf(rows: readonly ResultRow[], all: RiskInputsById): RiskInputsById {
  const out: RiskInputsById = {};
  for (const r of rows) if (Object.hasOwn(all, r.id)) out[r.id] = all[r.id]!;
  return out;
}
