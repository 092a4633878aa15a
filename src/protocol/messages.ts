// The host ↔ webview contract, typed ONCE: valibot schemas are the source of truth and the TypeScript types are
// inferred from them, so both bundles validate exactly what they type (one discriminated union per direction, as microsoft/vscode-hexeditor does; every incoming message validated).
// No vscode, no DOM: imported by src/extension and src/webview alike.
import * as v from 'valibot';

export const PROTOCOL_VERSION = 2;

/** docs/results.md §2 sort order of statuses (worst first). */
export const STATUS_ORDER = ['liquidatable', 'critical', 'warning', 'watch', 'unknown', 'safe'] as const;
export const StatusSchema = v.picklist(STATUS_ORDER);
export type PanelStatus = v.InferOutput<typeof StatusSchema>;

const MAX_TEXT = 4096;
const text = v.pipe(v.string(), v.maxLength(MAX_TEXT));
const nullableText = v.nullable(text);
/** A Decimal printed by the engine's fmt: plain notation, no exponent (docs/results.md §2). */
const decimal = v.pipe(v.string(), v.maxLength(200), v.regex(/^-?\d+(\.\d+)?$/, 'not a plain decimal string'));
const nullableDecimal = v.nullable(decimal);
const finite = v.pipe(v.number(), v.finite());
/** Keyed by asset: a fix's bounded asset reference (≤ 128 + hash) or a display name (nameText: ≤ 48 code points, escapes ≤ 6 each). */
const decimalRecord = v.record(v.pipe(v.string(), v.maxLength(400)), nullableDecimal);

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

/** One collateral or debt line of a loan (docs/results.md §2.5). */
export const LoanLineSchema = v.object({
  asset: v.pipe(v.string(), v.maxLength(200)),
  amount: decimal,
  value: nullableDecimal,
  liquidationThreshold: nullableDecimal,
  usedAsCollateral: v.boolean(),
});

const optionalDecimal = v.optional(nullableDecimal);

/** The figures a trader expects (docs/results.md §2.5): the engine's strings from the row's `details`, formatted by presentation. */
export const TraderFiguresSchema = v.object({
  positionValue: optionalDecimal,
  unrealisedPnl: optionalDecimal,
  initialMargin: optionalDecimal,
  roe: optionalDecimal,
  leverage: optionalDecimal,
  leverageBasis: v.optional(v.nullable(v.picklist(['position', 'account']))),
  leverageSetting: optionalDecimal,
  fundingRate: optionalDecimal,
  fundingIntervalSeconds: v.optional(v.nullable(v.pipe(finite, v.minValue(0)))),
  nextFundingTime: v.optional(nullableText),
  nextFundingPayment: optionalDecimal,
  collateralLines: v.optional(v.pipe(v.array(LoanLineSchema), v.maxLength(100))),
  debtLines: v.optional(v.pipe(v.array(LoanLineSchema), v.maxLength(100))),
  collateralValue: optionalDecimal,
  debtValue: optionalDecimal,
  ltv: optionalDecimal,
  liquidationThreshold: optionalDecimal,
});

/**
 * One cross account's fix (docs/results.md §2.4, issue 14): the smallest wallet top-up that brings every cross leg to
 * the target. `amount` is a display string (presentation/format.ts formatFixAmount, rounded up): the webview
 * computes nothing with it; null when no top-up was found (`reason` says why).
 */
export const AccountFixViewSchema = v.object({
  target: StatusSchema,
  amount: v.nullable(v.pipe(v.string(), v.maxLength(200))),
  currency: nullableText,
  /** Cross legs the top-up covers. */
  legs: v.pipe(v.number(), v.integer(), v.minValue(1)),
  reason: nullableText,
  /** Why Apply cannot edit the file (foreign dumps are read-only); null when it can. */
  readOnlyReason: nullableText,
});
export type AccountFixView = v.InferOutput<typeof AccountFixViewSchema>;

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
  /** docs/results.md §2 v1.1: "reported" when the row shows the venue's or bot's price (labelled in the panel). */
  liquidationPriceSource: v.optional(v.nullable(v.picklist(['computed', 'reported']))),
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
  /** Why "Apply fix" cannot edit this file (foreign dumps are read-only, docs/format.md §5); null when it can. */
  readOnlyReason: nullableText,
  /** ISO time this row's numbers were computed at (its file's evaluation time). */
  evaluatedAt: v.optional(text),
  /** Its file is being re-evaluated: these are the last numbers, the new ones are on their way. */
  updating: v.boolean(),
  /** Its file is only read so far: no figure is computed yet and `status`/`reason` are placeholders (absent: false). */
  pending: v.optional(v.boolean()),
  /** Position value, PnL, ROE, leverage, funding; loan lines, LTV (docs/results.md §2.5); absent from older hosts. */
  trader: v.optional(v.nullable(TraderFiguresSchema)),
  /** A cross leg's account fix (one wallet top-up for every cross leg of its account); absent when none is needed. */
  accountFix: v.optional(v.nullable(AccountFixViewSchema)),
});
export type PanelRow = v.InferOutput<typeof PanelRowSchema>;

/**
 * What a table row shows (its cells, its fix and "Apply fix"): the list's pages carry these, about half a PanelRow;
 * the selected row comes whole (`selected` of model/delta, a `selection` answer) for the details pane.
 */
export const TABLE_ROW_FIELDS = [
  'key', 'id', 'kind', 'venue', 'account', 'settleCurrency', 'symbol', 'side', 'size', 'markPrice', 'markAge', 'stale',
  'liquidationPrice', 'liquidationPriceSource', 'distance', 'liquidationProbability', 'marginRatio', 'healthFactor',
  'status', 'reason', 'fix', 'readOnlyReason', 'updating', 'pending',
] as const satisfies ReadonlyArray<keyof PanelRow>;
export const TableRowSchema = v.pick(PanelRowSchema, TABLE_ROW_FIELDS);
export type TableRow = v.InferOutput<typeof TableRowSchema>;

/** The fields of a whole row that its table row shows. */
export function tableRowOf(r: PanelRow): TableRow {
  const out: Partial<Record<keyof TableRow, unknown>> = {};
  for (const k of TABLE_ROW_FIELDS) if (r[k] !== undefined) out[k] = r[k];
  return out as TableRow;
}
export type PerpFixView = v.InferOutput<typeof PerpFixSchema>;
export type LoanFixView = v.InferOutput<typeof LoanFixSchema>;

const bands = v.object({ watch: finite, warning: finite, critical: finite });
const count = v.pipe(v.number(), v.integer(), v.minValue(0));

/** Columns the table sorts by (the host sorts, with the engine's Decimal compare; null values last either way). */
export const SORT_COLUMNS = ['status', 'symbol', 'venue', 'side', 'size', 'mark', 'liquidationPrice', 'distance', 'probability', 'ratio', 'fix'] as const;
export const SortColumnSchema = v.picklist(SORT_COLUMNS);
export type SortColumn = v.InferOutput<typeof SortColumnSchema>;

/** What the panel shows of the host's rows: sort, filter text, hidden statuses, grouping under accounts. */
export const ViewSchema = v.object({
  sort: SortColumnSchema,
  direction: v.picklist(['asc', 'desc']),
  group: v.boolean(),
  filter: v.pipe(v.string(), v.maxLength(500)),
  hidden: v.pipe(v.array(StatusSchema), v.maxLength(STATUS_ORDER.length)),
});
export type PanelView = v.InferOutput<typeof ViewSchema>;
export const DEFAULT_VIEW: PanelView = { sort: 'status', direction: 'asc', group: false, filter: '', hidden: [] };

/** The header of an account's rows when grouping: a display item of the same paged list as the rows. */
export const AccountHeaderSchema = v.object({
  key: text,
  file: text,
  venue: nullableText,
  account: nullableText,
  settleCurrency: nullableText,
  /** Rows of the account that pass the filter (shown under the header). */
  positions: count,
  atRisk: count,
  worst: StatusSchema,
  updating: v.boolean(),
  /** Every row of the account is pending (its file only listed so far): `worst` is a placeholder (absent: false). */
  pending: v.optional(v.boolean()),
  /** The account's one wallet fix (cross accounts not at the target); absent when none is needed. */
  fix: v.optional(v.nullable(AccountFixViewSchema)),
});
export type AccountHeader = v.InferOutput<typeof AccountHeaderSchema>;

export const DisplayItemSchema = v.variant('type', [
  v.object({ type: v.literal('row'), row: TableRowSchema }),
  v.object({ type: v.literal('account'), account: AccountHeaderSchema }),
]);
export type DisplayItem = v.InferOutput<typeof DisplayItemSchema>;

export const MAX_PAGE = 500;

/** In a delta's window: the item with this key, as the panel holds it (DeltaMessageSchema); with `updating`, the same
 * item with that flag instead (its file started or ended a re-evaluation: nothing else of it changed). */
export const HeldItemSchema = v.object({ type: v.literal('held'), key: text, updating: v.optional(v.boolean()) });
export type HeldItem = v.InferOutput<typeof HeldItemSchema>;

/** Items [start, start + items.length) of the list at `version`. */
export const WindowSchema = v.object({
  start: count,
  items: v.pipe(v.array(DisplayItemSchema), v.maxLength(MAX_PAGE)),
});

/** The cards above the table, computed on the host over every row (not only the filtered ones). */
export const SummarySchema = v.object({
  now: text,
  /** Every distinct evaluation time of the files (ISO, ascending): more than one when files pin their own. */
  times: v.optional(v.pipe(v.array(text), v.maxLength(10_000))),
  files: count,
  errors: count,
  horizon: text,
  tails: text,
  probability: bands,
  distance: bands,
  /** Every evaluated row, by status (the chips' counts). */
  counts: v.object(Object.fromEntries(STATUS_ORDER.map((s) => [s, count])) as Record<(typeof STATUS_ORDER)[number], typeof count>),
  total: count,
  /** Rows listed but not evaluated yet (their files are read, their numbers on their way); absent: none. */
  pending: v.optional(count),
  atRisk: count,
  riskyAccounts: count,
  stale: count,
  oldestStaleAge: v.nullable(finite),
  /** The worst row in the docs/results.md §2 order, whatever the panel's sort. */
  worst: v.nullable(PanelRowSchema),
  /** Files being evaluated now (their rows are `updating`). */
  updating: count,
  /** Fix target of the rows (the Fix column's header). */
  target: StatusSchema,
  /** The horizon in seconds (the horizon control's value) and whether it is the panel's session override. */
  horizonSeconds: v.optional(finite),
  horizonOverride: v.optional(v.boolean()),
});
export type Summary = v.InferOutput<typeof SummarySchema>;

const listFields = {
  /** Bumped whenever the list (rows, order, filter, grouping) changes; pages of older versions are dropped. */
  version: count,
  epoch: count,
  summary: SummarySchema,
  view: ViewSchema,
  /** Display items in the list (rows that pass the filter, plus account headers when grouping). */
  total: count,
  /** Rows among them. */
  rows: count,
  /** Index of the selected row in the list, -1 when it is filtered out or gone. */
  selectedIndex: v.pipe(v.number(), v.integer(), v.minValue(-1)),
  selectedKey: v.nullable(text),
  /** The selected row whole (null when no row is selected or it is not listed), for the details pane. */
  selected: v.nullable(PanelRowSchema),
  /** The items of the panel's current window, so it redraws without asking. */
  window: WindowSchema,
};

/** The whole list after `ready` or a change of view. */
export const ModelMessageSchema = v.object({ type: v.literal('model'), ...listFields });

const keyList = v.pipe(v.array(text), v.maxLength(1000));
/**
 * What a re-evaluation changed: how many rows were added, removed and updated, and the keys among them whose chart
 * data the panel was sent (`stale`: drop it; capped, `truncated`: drop all).
 */
export const DeltaMessageSchema = v.object({
  type: v.literal('delta'),
  ...listFields,
  /** The window, where a `held` item is "the item with this key you hold from list version `keptFrom`", unchanged
   * (not sent again; a panel that does not hold it asks for its page). */
  window: v.object({ start: count, items: v.pipe(v.array(v.variant('type', [...DisplayItemSchema.options, HeldItemSchema])), v.maxLength(MAX_PAGE)) }),
  keptFrom: v.optional(count),
  changes: v.object({ added: count, removed: count, updated: count, stale: keyList, truncated: v.boolean() }),
});

export const PageMessageSchema = v.object({ type: v.literal('page'), version: count, total: count, window: WindowSchema });

const unit = v.pipe(finite, v.minValue(0), v.maxValue(1));
const MAX_POINTS = 400;

/** One horizontal price level of the ladder; `y` is its height on the chart, 0 = bottom, 1 = top. */
export const LadderLevelSchema = v.object({
  name: v.picklist(['bankruptcy', 'liquidation', 'mark', 'entry', 'reported']),
  label: text,
  value: text,
  y: unit,
});

/** The ±1σ/±2σ band at a fraction `x` of the horizon (0 = now), as chart heights. */
export const BandPointSchema = v.object({ x: unit, lo2: unit, lo1: unit, hi1: unit, hi2: unit });

export const LadderSchema = v.object({
  title: text,
  desc: text,
  aside: text,
  levels: v.pipe(v.array(LadderLevelSchema), v.maxLength(12)),
  band: v.pipe(v.array(BandPointSchema), v.maxLength(MAX_POINTS)),
  /** Price-axis labels at chart heights. */
  ticks: v.pipe(v.array(v.object({ y: unit, label: text })), v.maxLength(20)),
  /** Time-axis labels at fractions of the horizon. */
  timeTicks: v.pipe(v.array(v.object({ x: unit, label: text })), v.maxLength(20)),
  /** Heights between which the liquidation zone lies (above the liquidation level for a short, below for a long). */
  zones: v.pipe(v.array(v.object({ from: unit, to: unit })), v.maxLength(2)),
  sigmaLabels: v.pipe(v.array(v.object({ y: unit, label: text })), v.maxLength(4)),
  legend: text,
});

export const CurveSchema = v.object({
  title: text,
  desc: text,
  aside: text,
  /** The probability at chart positions x (0..1 along a log time axis). */
  points: v.pipe(v.array(v.object({ x: unit, p: unit })), v.maxLength(MAX_POINTS)),
  ticks: v.pipe(v.array(v.object({ x: unit, label: text })), v.maxLength(20)),
  /** The row's own horizon and probability. */
  marker: v.nullable(v.object({ x: unit, p: unit, label: text })),
  threshold: v.nullable(v.object({ p: unit, label: text })),
});

export const DetailsMessageSchema = v.object({
  type: v.literal('details'),
  key: text,
  epoch: v.pipe(v.number(), v.integer(), v.minValue(0)),
  ladder: v.nullable(LadderSchema),
  curve: v.nullable(CurveSchema),
  /** Why a chart is missing ("no volatility: …"). */
  note: nullableText,
  timeToLiquidation: nullableText,
});

export const StressBarSchema = v.object({
  shock: finite,
  label: text,
  positions: v.pipe(v.number(), v.integer(), v.minValue(0)),
  notional: decimal,
  loss: decimal,
  /** Bar height of the notional, 0..1 of the tallest. */
  height: unit,
});

export const StressMessageSchema = v.object({
  type: v.literal('stress'),
  epoch: v.pipe(v.number(), v.integer(), v.minValue(0)),
  title: text,
  desc: text,
  unitNote: text,
  scaledByVolatility: v.optional(v.boolean()),
  bars: v.pipe(v.array(StressBarSchema), v.maxLength(100)),
  accounts: v.pipe(v.array(v.object({ file: text, account: nullableText, firstFailingShock: v.nullable(finite), label: text,
    /** Positions of the account that could not be evaluated (issue 14: never shown as safe). */
    unknown: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))) })), v.maxLength(10_000)),
});

/** Bounds of the what-if controls (issue 14): price shock −50 %…+50 %, volatility × 0.5…3. */
export const WHAT_IF_LIMITS = { shock: { min: -0.5, max: 0.5 }, volMultiplier: { min: 0.5, max: 3 } } as const;

/** Webview → host: one row under a scenario. `seq` lets the webview keep only the answer to its latest request. */
export const WhatIfRequestSchema = v.object({
  type: v.literal('whatIf'),
  key: text,
  seq: count,
  shock: v.pipe(finite, v.minValue(WHAT_IF_LIMITS.shock.min), v.maxValue(WHAT_IF_LIMITS.shock.max)),
  volMultiplier: v.pipe(finite, v.minValue(WHAT_IF_LIMITS.volMultiplier.min), v.maxValue(WHAT_IF_LIMITS.volMultiplier.max)),
  /** Margin added in the settlement currency: a non-negative plain decimal ("0" = none); perps only. */
  addMargin: v.pipe(v.string(), v.maxLength(40), v.regex(/^\d+(\.\d+)?$/, 'not a non-negative plain decimal')),
});
export type WhatIfRequest = v.InferOutput<typeof WhatIfRequestSchema>;

/** Host → webview: the engine's row under the scenario (null figures: `error` says why). */
export const WhatIfResultSchema = v.object({
  type: v.literal('whatIfResult'),
  key: text,
  seq: count,
  /** Why there is no result ("adding margin is not for loans", a file that changed, …). */
  error: nullableText,
  /** A remark on the result ("no volatility to scale: …"). */
  note: nullableText,
  status: v.nullable(StatusSchema),
  reason: nullableText,
  markPrice: nullableDecimal,
  liquidationPrice: nullableDecimal,
  distance: nullableDecimal,
  volatility: v.nullable(finite),
  horizon: nullableText,
  liquidationProbability: v.nullable(v.pipe(finite, v.minValue(0), v.maxValue(1))),
  marginBalance: nullableDecimal,
  maintenanceMargin: nullableDecimal,
  marginRatio: nullableDecimal,
  healthFactor: nullableDecimal,
});
export type WhatIfResult = v.InferOutput<typeof WhatIfResultSchema>;

export const HostToWebviewSchema = v.variant('type', [
  ModelMessageSchema,
  DeltaMessageSchema,
  PageMessageSchema,
  DetailsMessageSchema,
  StressMessageSchema,
  /** The answer to `selected`: that row whole, for the details pane (null when it is not a listed row), and where it
   * is in list `version` (-1: not listed). */
  v.object({ type: v.literal('selection'), key: text, row: v.nullable(PanelRowSchema), index: v.pipe(v.number(), v.integer(), v.minValue(-1)), version: count }),
  /** Select (and scroll to) a row: `index` in the current list, -1 when it is filtered out. */
  v.object({ type: v.literal('select'), key: text, index: v.pipe(v.number(), v.integer(), v.minValue(-1)), version: count }),
  /** The engine's answer to a `whatIf` (issue 14): the row's figures under the scenario, decimals as strings. */
  WhatIfResultSchema,
]);
export type HostToWebview = v.InferOutput<typeof HostToWebviewSchema>;
export type ModelMessage = v.InferOutput<typeof ModelMessageSchema>;
export type DeltaMessage = v.InferOutput<typeof DeltaMessageSchema>;
export type PageMessage = v.InferOutput<typeof PageMessageSchema>;
export type SelectionMessage = Extract<HostToWebview, { type: 'selection' }>;
export type DetailsMessage = v.InferOutput<typeof DetailsMessageSchema>;
export type LadderView = v.InferOutput<typeof LadderSchema>;
export type CurveView = v.InferOutput<typeof CurveSchema>;
export type StressMessage = v.InferOutput<typeof StressMessageSchema>;

export const FIX_KINDS = ['addMargin', 'reduceSize', 'addCollateral', 'repayDebt'] as const;
/** Horizons the panel's control offers (seconds): 1h, 4h, 8h, 24h, 3d, 7d. */
export const HORIZON_CHOICES = [3600, 14_400, 28_800, 86_400, 259_200, 604_800] as const;
const key = v.pipe(v.string(), v.maxLength(MAX_TEXT));

export const WebviewToHostSchema = v.variant('type', [
  v.object({ type: v.literal('ready'), protocol: v.literal(PROTOCOL_VERSION) }),
  v.object({ type: v.literal('reveal'), key, preserveFocus: v.boolean() }),
  v.object({ type: v.literal('refresh') }),
  /** Apply one fix of a row: the host re-derives the edits from the file; the webview only names the choice. */
  v.object({ type: v.literal('applyFix'), key, kind: v.picklist(FIX_KINDS), asset: v.nullable(v.pipe(v.string(), v.maxLength(200))) }),
  /** Apply the account fix of an account header (`key` as AccountHeader.key): ONE wallet edit, re-derived by the host. */
  v.object({ type: v.literal('applyAccountFix'), key }),
  /** Chart data for the selected row. */
  v.object({ type: v.literal('details'), key }),
  /** Market-wide shocks, or each market's shock scaled by its volatility. */
  v.object({ type: v.literal('stress'), scaleByVolatility: v.optional(v.boolean()) }),
  v.object({ type: v.literal('export') }),
  /** The horizon control: a session override at the CLI's --horizon precedence (seconds), null = reset. */
  v.object({ type: v.literal('horizon'), seconds: v.nullable(v.picklist(HORIZON_CHOICES)) }),
  /** Sort, filter, chips, grouping changed: the host answers with a `model`. */
  v.object({ type: v.literal('view'), view: ViewSchema, start: count, count: v.pipe(count, v.maxValue(MAX_PAGE)) }),
  /** Items [start, start + count) of the list the panel has (`version`); answered with a `page`. `window`: the items
   * the panel renders now (what a delta sends again; a page asked for ahead is not one of them). */
  v.object({
    type: v.literal('page'), version: count, start: count, count: v.pipe(count, v.maxValue(MAX_PAGE)),
    window: v.optional(v.object({ start: count, count: v.pipe(count, v.maxValue(MAX_PAGE)) })),
  }),
  /** The items the panel renders now, when they moved without a page to ask for (what a delta sends again). */
  v.object({ type: v.literal('window'), start: count, count: v.pipe(count, v.maxValue(MAX_PAGE)) }),
  /** The selected row (null: none), so the host can tell its index after the list changes. */
  v.object({ type: v.literal('selected'), key: v.nullable(key) }),
  /** What-if of one row (issue 14): re-evaluated by the engine in its worker; the file is not touched. */
  WhatIfRequestSchema,
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
  sort: v.optional(SortColumnSchema, 'status'),
  direction: v.optional(v.picklist(['asc', 'desc']), 'asc'),
  group: v.optional(v.boolean(), false),
  /** The details pane: automatic (folds away on a narrow panel), or opened/closed by its toggle. */
  detailsPane: v.optional(v.picklist(['auto', 'open', 'closed']), 'auto'),
});
export type UiState = v.InferOutput<typeof UiStateSchema>;

export function parseUiState(raw: unknown): UiState {
  const r = v.safeParse(UiStateSchema, raw);
  return r.success ? r.output : { selectedKey: null, filter: '', hidden: [], sort: 'status', direction: 'asc', group: false, detailsPane: 'auto' };
}
