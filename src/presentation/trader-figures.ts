// The figures a trader expects beside the liquidation price (docs/results.md §2.5), as labelled text for the panel's
// details pane and the hover: position value, unrealised PnL and ROE, leverage, funding; a loan's collateral and debt
// lines, LTV and liquidation threshold. Formatting only: every number is the engine's string from the row's `details`.
import { formatEvaluationTime } from './duration';
import { formatAmount, formatMoney, formatPercent, formatSize, MINUS } from './format';

export interface LoanLineFigures {
  asset: string;
  amount: string;
  value: string | null;
  liquidationThreshold: string | null;
  usedAsCollateral: boolean;
}

/** The `details` keys of docs/results.md §2.5 that the faces show (perp and loan keys; absent ones undefined). */
export interface TraderFigures {
  positionValue?: string | null;
  unrealisedPnl?: string | null;
  initialMargin?: string | null;
  roe?: string | null;
  leverage?: string | null;
  leverageBasis?: 'position' | 'account' | null;
  leverageSetting?: string | null;
  fundingRate?: string | null;
  fundingIntervalSeconds?: number | null;
  nextFundingTime?: string | null;
  nextFundingPayment?: string | null;
  collateralLines?: LoanLineFigures[];
  debtLines?: LoanLineFigures[];
  collateralValue?: string | null;
  debtValue?: string | null;
  ltv?: string | null;
  liquidationThreshold?: string | null;
}

const DECIMAL = /^-?\d+(\.\d+)?$/;
const DECIMAL_KEYS = ['positionValue', 'unrealisedPnl', 'initialMargin', 'roe', 'leverage', 'leverageSetting', 'fundingRate', 'nextFundingPayment', 'collateralValue', 'debtValue', 'ltv', 'liquidationThreshold'] as const;
const MAX_LINES = 100;

const dec = (x: unknown): string | null => (typeof x === 'string' && x.length <= 200 && DECIMAL.test(x) ? x : null);

function linesOf(x: unknown): LoanLineFigures[] | undefined {
  if (!Array.isArray(x)) return undefined;
  return x.slice(0, MAX_LINES).flatMap((l: unknown) => {
    if (typeof l !== 'object' || l === null) return [];
    const o = l as Record<string, unknown>;
    const amount = dec(o.amount);
    if (typeof o.asset !== 'string' || amount === null) return [];
    return [{ asset: o.asset.slice(0, 200), amount, value: dec(o.value), liquidationThreshold: dec(o.liquidationThreshold), usedAsCollateral: o.usedAsCollateral === true }];
  });
}

/** Picks the §2.5 figures out of a row's `details` (anything else, or a malformed value, is left out); null when none. */
export function traderFiguresOf(details: Readonly<Record<string, unknown>> | undefined): TraderFigures | null {
  if (!details) return null;
  const out: TraderFigures = {};
  for (const k of DECIMAL_KEYS) if (k in details) out[k] = dec(details[k]);
  if (details.leverageBasis === 'position' || details.leverageBasis === 'account') out.leverageBasis = details.leverageBasis;
  const interval = details.fundingIntervalSeconds;
  if (typeof interval === 'number' && Number.isFinite(interval) && interval > 0) out.fundingIntervalSeconds = interval;
  const next = details.nextFundingTime;
  if (typeof next === 'string' && !Number.isNaN(Date.parse(next))) out.nextFundingTime = next.slice(0, 40);
  const coll = linesOf(details.collateralLines);
  const debt = linesOf(details.debtLines);
  if (coll) out.collateralLines = coll;
  if (debt) out.debtLines = debt;
  return Object.keys(out).length ? out : null;
}

/** Leverage as "13.41×" (two decimals, half-even). */
export function formatLeverage(s: string | null | undefined): string {
  return s === null || s === undefined ? '—' : `${formatAmount(s, { decimals: 2 })}×`;
}

/** Money with its sign: "+1,234.50", "-19.45" (the currency rule of formatMoney). */
export function formatSignedMoney(s: string | null | undefined, currency: string | null | undefined): string {
  const t = formatMoney(s, currency);
  return s !== null && s !== undefined && !t.startsWith(MINUS) && /[1-9]/.test(t) ? `+${t}` : t;
}

const hours = (s: number): string => (s % 3600 === 0 ? `${s / 3600} h` : `${Math.round(s / 60)} min`);

export type FigureLine = readonly [label: string, value: string, cls?: 'sub'];

/** A perp row's lines: value, PnL (ROE), margin, leverage, funding — those known. */
export function positionFigureLines(f: TraderFigures, currency: string | null): FigureLine[] {
  const unit = currency ? ` ${currency}` : '';
  const lines: FigureLine[] = [];
  if (f.positionValue != null) lines.push(['Position value', formatMoney(f.positionValue, currency) + unit]);
  if (f.unrealisedPnl != null) lines.push(['Unrealised PnL', formatSignedMoney(f.unrealisedPnl, currency) + unit + (f.roe != null ? ` (ROE ${formatPercent(f.roe)})` : '')]);
  if (f.initialMargin != null) lines.push(['Initial margin', formatMoney(f.initialMargin, currency) + unit, 'sub']);
  if (f.leverage != null) lines.push([f.leverageBasis === 'account' ? 'Effective leverage (account)' : 'Effective leverage', formatLeverage(f.leverage) + (f.leverageSetting != null ? ` (set ${formatLeverage(f.leverageSetting)})` : '')]);
  else if (f.leverageSetting != null) lines.push(['Leverage setting', formatLeverage(f.leverageSetting)]);
  if (f.fundingRate != null) lines.push([`Funding rate${f.fundingIntervalSeconds ? ` per ${hours(f.fundingIntervalSeconds)}` : ''}`, formatPercent(f.fundingRate, 4)]);
  if (f.nextFundingTime != null) lines.push(['Next funding', formatEvaluationTime(f.nextFundingTime) + (f.nextFundingPayment != null ? ` · ${formatSignedMoney(f.nextFundingPayment, currency)}${unit} at the mark` : ''), 'sub']);
  return lines;
}

/** "WETH 10 · 30,000.00 USD · LT 82.50 %" (collateral) or "USDC 20,000 · 20,000.00 USD" (debt). */
export function loanLineText(l: LoanLineFigures, currency = 'USD'): string {
  const bits = [`${l.asset} ${formatSize(l.amount)}`, l.value !== null ? `${formatMoney(l.value, currency)} ${currency}` : 'no price'];
  if (l.liquidationThreshold !== null) bits.push(l.usedAsCollateral ? `LT ${formatPercent(l.liquidationThreshold)}` : 'not collateral');
  return bits.join(' · ');
}

/** A loan row's lines: each collateral and debt line, then LTV and the liquidation threshold. */
export function loanFigureLines(f: TraderFigures, currency = 'USD'): FigureLine[] {
  const lines: FigureLine[] = [];
  for (const l of f.collateralLines ?? []) lines.push(['Collateral', loanLineText(l, currency)]);
  for (const l of f.debtLines ?? []) lines.push(['Debt', loanLineText(l, currency)]);
  if (f.ltv !== undefined) lines.push(['LTV', formatPercent(f.ltv)]);
  if (f.liquidationThreshold !== undefined) lines.push(['Liquidation threshold', formatPercent(f.liquidationThreshold)]);
  return lines;
}

/** The funding in a few words: "0.0100 % per 8 h · next 2026-11-24 08:00 UTC"; null without a rate. */
export function fundingSummary(f: TraderFigures | null): string | null {
  if (f?.fundingRate == null) return null;
  const per = f.fundingIntervalSeconds ? ` per ${hours(f.fundingIntervalSeconds)}` : '';
  return `${formatPercent(f.fundingRate, 4)}${per}${f.nextFundingTime != null ? ` · next ${formatEvaluationTime(f.nextFundingTime)}` : ''}`;
}

/** Two short hover bits: "value 194,500.80 USDT · PnL -5,499.20 (ROE -27.50 %) · 13.41×" or "LTV 33.33 % / LT 80.25 %". */
export function figuresSummary(f: TraderFigures | null, currency: string | null): string | null {
  if (!f) return null;
  if (f.collateralLines || f.ltv !== undefined) {
    return f.ltv != null || f.liquidationThreshold != null ? `LTV ${formatPercent(f.ltv)} · liquidation at LTV ${formatPercent(f.liquidationThreshold)}` : null;
  }
  const bits: string[] = [];
  if (f.positionValue != null) bits.push(`value ${formatMoney(f.positionValue, currency)}${currency ? ` ${currency}` : ''}`);
  if (f.unrealisedPnl != null) bits.push(`PnL ${formatSignedMoney(f.unrealisedPnl, currency)}${f.roe != null ? ` (ROE ${formatPercent(f.roe)})` : ''}`);
  if (f.leverage != null) bits.push(formatLeverage(f.leverage));
  return bits.length ? bits.join(' · ') : null;
}
