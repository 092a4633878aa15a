// The host ↔ webview contract, typed ONCE: valibot schemas are the source of truth and the TypeScript types are
// inferred from them, so both bundles validate exactly what they type (reference/vscode.md §0.2, §5.4).
// No vscode, no DOM: imported by src/extension and src/webview alike.
import * as v from 'valibot';

export const PROTOCOL_VERSION = 1;

/** cli.md §2 sort order of statuses (worst first). */
export const STATUS_ORDER = ['liquidatable', 'critical', 'warning', 'watch', 'unknown', 'safe'] as const;
export const StatusSchema = v.picklist(STATUS_ORDER);
export type PanelStatus = v.InferOutput<typeof StatusSchema>;

const MAX_TEXT = 4096;
const text = v.pipe(v.string(), v.maxLength(MAX_TEXT));
const nullableText = v.nullable(text);
/** A Decimal printed by the engine's fmt: plain notation, no exponent (cli.md §2). */
const decimal = v.pipe(v.string(), v.maxLength(200), v.regex(/^-?\d+(\.\d+)?$/, 'not a plain decimal string'));
const nullableDecimal = v.nullable(decimal);
const finite = v.pipe(v.number(), v.finite());
const decimalRecord = v.record(v.pipe(v.string(), v.maxLength(200)), nullableDecimal);

export const TierSchema = v.object({
  index: v.pipe(v.number(), v.integer()),
  floor: decimal,
  cap: nullableDecimal,
  mmr: decimal,
  cum: nullableDecimal,
  source: text,
});

export const PerpFixSchema = v.object({
  target: StatusSchema,
  addMargin: nullableDecimal,
  reduceSize: nullableDecimal,
  costOptimalMargin: nullableDecimal,
  reason: nullableText,
});

export const LoanFixSchema = v.object({
  target: StatusSchema,
  addCollateral: decimalRecord,
  repayDebt: decimalRecord,
  reason: nullableText,
});

/** One position as the panel shows it: the ResultRow fields it displays (decimals stay strings). */
export const PanelRowSchema = v.object({
  key: text,
  file: text,
  line: v.pipe(v.number(), v.integer(), v.minValue(1)),
  column: v.pipe(v.number(), v.integer(), v.minValue(1)),
  id: text,
  kind: v.picklist(['perp', 'loan']),
  venue: nullableText,
  account: nullableText,
  settleCurrency: nullableText,
  symbol: nullableText,
  side: v.nullable(v.picklist(['long', 'short'])),
  marginMode: v.nullable(v.picklist(['cross', 'isolated'])),
  size: nullableDecimal,
  entryPrice: nullableDecimal,
  markPrice: nullableDecimal,
  markAge: v.nullable(finite),
  stale: v.boolean(),
  liquidationPrice: nullableDecimal,
  liquidationPrices: v.nullable(decimalRecord),
  bankruptcyPrice: nullableDecimal,
  reportedLiquidationPrice: nullableDecimal,
  reportedDeviation: nullableDecimal,
  marginBalance: nullableDecimal,
  maintenanceMargin: nullableDecimal,
  marginRatio: nullableDecimal,
  venueMarginRatio: nullableDecimal,
  healthFactor: nullableDecimal,
  healthFactorIdeal: nullableDecimal,
  tier: v.nullable(TierSchema),
  distance: nullableDecimal,
  volatility: v.nullable(finite),
  volatilitySource: v.nullable(v.picklist(['implied', 'file', 'history'])),
  horizon: text,
  liquidationProbability: v.nullable(v.pipe(finite, v.minValue(0), v.maxValue(1))),
  status: StatusSchema,
  reason: text,
  fix: v.nullable(v.union([PerpFixSchema, LoanFixSchema])),
  valueAtRisk: nullableDecimal,
  expectedShortfall: nullableDecimal,
  liquidationCost: nullableDecimal,
});
export type PanelRow = v.InferOutput<typeof PanelRowSchema>;
export type PerpFixView = v.InferOutput<typeof PerpFixSchema>;
export type LoanFixView = v.InferOutput<typeof LoanFixSchema>;

const bands = v.object({ watch: finite, warning: finite, critical: finite });

export const ReportMessageSchema = v.object({
  type: v.literal('report'),
  epoch: v.pipe(v.number(), v.integer(), v.minValue(0)),
  now: text,
  files: v.pipe(v.number(), v.integer(), v.minValue(0)),
  errors: v.pipe(v.number(), v.integer(), v.minValue(0)),
  horizon: text,
  tails: text,
  probability: bands,
  distance: bands,
  rows: v.pipe(v.array(PanelRowSchema), v.maxLength(100_000)),
});

export const HostToWebviewSchema = v.variant('type', [
  ReportMessageSchema,
  v.object({ type: v.literal('select'), key: text }),
  v.object({ type: v.literal('busy'), busy: v.boolean() }),
]);
export type HostToWebview = v.InferOutput<typeof HostToWebviewSchema>;
export type ReportMessage = v.InferOutput<typeof ReportMessageSchema>;

export const WebviewToHostSchema = v.variant('type', [
  v.object({ type: v.literal('ready'), protocol: v.literal(PROTOCOL_VERSION) }),
  v.object({ type: v.literal('reveal'), key: v.pipe(v.string(), v.maxLength(MAX_TEXT)), preserveFocus: v.boolean() }),
  v.object({ type: v.literal('refresh') }),
]);
export type WebviewToHost = v.InferOutput<typeof WebviewToHostSchema>;

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

function parseWith<T>(schema: v.GenericSchema<unknown, T>, raw: unknown): Parsed<T> {
  const result = v.safeParse(schema, raw);
  if (result.success) return { ok: true, value: result.output };
  const issue = result.issues[0];
  const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
  return { ok: false, error: `${path ? path + ': ' : ''}${issue.message}` };
}

/** Host side: every message from the (untrusted) webview goes through this before dispatch. */
export function parseWebviewMessage(raw: unknown): Parsed<WebviewToHost> {
  return parseWith(WebviewToHostSchema, raw);
}

/** Webview side: every message from the host is checked before it is rendered. */
export function parseHostMessage(raw: unknown): Parsed<HostToWebview> {
  return parseWith(HostToWebviewSchema, raw);
}

/** State the webview persists with setState (survives reloads and panel restore). */
export const UiStateSchema = v.object({
  selectedKey: v.nullable(v.pipe(v.string(), v.maxLength(MAX_TEXT))),
  filter: v.pipe(v.string(), v.maxLength(500)),
  hidden: v.array(StatusSchema),
});
export type UiState = v.InferOutput<typeof UiStateSchema>;

export function parseUiState(raw: unknown): UiState {
  const r = v.safeParse(UiStateSchema, raw);
  return r.success ? r.output : { selectedKey: null, filter: '', hidden: [] };
}
