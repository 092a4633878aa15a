// The one diagnostic vocabulary (docs/format.md §7): every code the engine emits, with the one-line description the README
// publishes (test/unit/engine/docs.test.ts keeps the two in step). Diagnostics are built only by diagnostic() in
// diagnostics.ts, whose `code` parameter is typed by this table.

/** Raised by the reader (parse/). */
const PARSE = {
  'invalid-utf8': 'The file is not valid UTF-8 (the first invalid byte is marked)',
  'invalid-json': 'The JSON is malformed, or uses comments / trailing commas (JSONC) in a .json file',
  'invalid-yaml': 'The YAML is malformed (syntax error, duplicate key, bad indentation)',
  'invalid-csv': 'The CSV is malformed (unclosed quote, stray quote)',
  'unknown-dialect': 'The content is neither a native position file, a CCXT dump nor a Hyperliquid clearinghouseState',
  'unsupported-version': 'The file declares a format version this reader does not know',
  'missing-field': 'A required field is missing (version, venue, symbol, size, entryPrice, walletBalance, contractSize…)',
  'invalid-value': 'A value has the wrong type or is not one of the allowed words',
  'invalid-number': 'A statistic or count is not a valid number',
  'unknown-venue': 'The venue id is not one of docs/format.md §4',
  'non-decimal-amount': 'An amount is not a decimal (thousands separators, hex, 1_000, .inf, NaN, out-of-range exponent…)',
  'negative-zero': 'An amount is written -0: it is read as 0',
  'file-too-large': 'The file is larger than the stated limit (20 MB JSON/CSV, 4 MB YAML) and is not read',
  'too-many-positions': 'The file holds more positions (or CSV rows) than the stated limit (200,000) and is not read',
  'precision-hint': 'A bare number has more than 15 significant digits: quote it so other tools keep every digit',
  'fraction-out-of-range': 'A fraction (threshold, bonus, rate) is ≥ 1 or negative: probably a percent or basis points',
  'invalid-duration': 'A duration is not "90s", "15m", "8h", "7d" or ISO-8601 "PT8H"',
  'invalid-time': 'A time is not ISO-8601 with an offset, or Unix seconds/milliseconds',
  'negative-size-with-side': 'A position has a negative size and a side: give one or the other',
  'zero-size': 'A position of size 0 is no position: no row is reported',
  'isolated-without-margin': 'An isolated position has neither isolatedMargin nor leverage',
  'default-isolated-margin': 'isolatedMargin was taken as the initial margin from leverage',
  'unknown-symbol': 'A position\'s symbol is not in markets and it has no markPrice of its own (or a loan asset is unknown)',
  'unsupported-margin-mode': 'Portfolio / multi-asset margin is not supported in v1',
  'duplicate-id': 'Two rows of the file have the same id; the later one is renamed with a suffix',
  'duplicate-position': 'A second cross position of one symbol (one-way) or of one symbol and side (hedge)',
  'duplicate-key': 'A key appears twice in one object (JSON or YAML): an error on the later key; the last value is used',
  'unknown-key': 'A key is not part of the format and is ignored',
  'unknown-column': 'A CSV column is not a field of the format and is ignored',
  'csv-column-count': 'A CSV row has more or fewer cells than the header; the row is skipped',
  'csv-inconsistent-wallet': 'Rows of one (venue, account) give different walletBalance values',
  'csv-inconsistent-mark': 'Rows of one symbol give different markPrice values',
  'csv-lending': 'Lending accounts cannot be written as CSV rows',
  'default-decimals': 'A token\'s decimals are not given and not bundled: 18 is assumed',
  'foreign-default-venue': 'A CCXT dump without an exchange id: the venue comes from the setting or a generic venue',
  'foreign-unknown-exchange': 'A CCXT exchange id this reader does not map: a generic venue is used',
  'foreign-field': 'A field of a CCXT / Hyperliquid row is missing or unusable',
  'empty-file': 'The file has no positions',
  'default-taker-fee': 'A foreign dump on OKX/Gate carries no taker fee: the venue\'s published default rate is assumed (setting liquidationLens.takerFees gives yours)',
  'foreign-generic-formula': 'A ccxt exchange without a venue model (Bitget, KuCoin Futures): the generic formula with the exchange\'s own maintenance figures',
  'freqtrade-last-price': 'freqtrade\'s current_rate is a last/bid/ask price, not a mark; it is used as the mark',
  'freqtrade-margin-mode': 'A freqtrade trade without margin_mode: isolated is assumed, with stake_amount as its margin',
  'freqtrade-liquidation-buffer': 'freqtrade\'s liquidation_price holds its safety buffer; the unbuffered price is compared with ours',
} as const;

/** Raised by the perp margin engine (perp/). */
const PERP = {
  'tier-gap': 'tier table has a gap between one tier cap and the next floor',
  'tier-overlap': 'tier table has overlapping tiers (a floor below the previous cap, or cap ≤ floor)',
  'tier-mmr-decreasing': 'maintenance margin rate decreases from one tier to the next',
  'tier-mmr-range': 'maintenance margin rate outside [0, 1)',
  'tier-cum-inconsistent': 'maintenance amount (cum/deduction) inconsistent with floors: cum_n ≠ floor_n·(MMR_n − MMR_n−1) + cum_n−1',
  'tier-first-floor': 'the first tier does not start at 0',
  'tier-beyond-cap': 'the position notional lies beyond the last tier cap (the last tier is extended)',
  'unknown-tier-table': 'no bundled tier table by that name',
  'bundled-tier-table': 'no maintenance source in the file: the bundled table is used (info names its date)',
  'second-mm-source': 'a second maintenance-margin source is given and ignored (precedence tiers > mmr > maxLeverage)',
  'missing-taker-fee': 'okx/gate: no takerFee given, the fee part of the maintenance margin is taken as 0',
  'isolated-margin-defaulted': 'isolatedMargin absent: defaulted to size·entry/leverage',
  'no-contract-size': 'inverse contract without contractSize: the USD face of a contract is unknown',
} as const;

/** Raised by the lending models (lending/). */
const LENDING = {
  'lending-truncated': 'an amount or price has more decimals than the token/oracle unit; the on-chain replica truncates it',
  'lending-not-whole-bps': 'an Aave threshold, bonus or fee is not a whole number of basis points; floored',
  'lending-unknown-emode': "the loan's eMode category is not defined in eModeCategories; evaluated without eMode",
  'lending-isolation-mode': 'an isolated (debtCeiling) collateral is combined with other collateral; evaluated as given',
  'lending-unsupported-shape': 'the loan does not have the shape the protocol allows (e.g. Maker/Liquity/Morpho: one collateral, one debt)',
  'lending-missing-param': 'a protocol parameter is missing; a documented default was used or the loan is unknown',
  'lending-debt-mismatch': 'the debt line and art·rate disagree; art·rate is used',
  'lending-param-range': 'a protocol parameter is outside its valid range',
} as const;

/** Raised by the risk library (history files, tail-model fallbacks). */
const RISK = {
  'history-empty': 'History file has no bars.',
  'history-header': 'History header must be time,open,high,low,close[,volume].',
  'history-column-count': 'History row has the wrong number of columns.',
  'history-bad-number': 'History cell is not a positive finite number.',
  'history-bad-time': 'History time is not ISO-8601 or Unix seconds/milliseconds.',
  'history-order': 'History bars must be oldest first with strictly increasing times.',
  'history-ohlc-inconsistent': 'Bar high/low do not bracket its open and close.',
  'history-gap': 'History has a gap (bar times are not regular).',
  'history-irregular': 'History bar spacing is not a multiple of the bar length.',
  'history-too-short': 'Fewer than 20 bars in the last 30 days: no realised volatility.',
  'tails-fallback': 'VG/EVT tails need at least 500 history bars; Student-t used instead.',
} as const;

/** Raised while evaluating a file (evaluate/), and the one internal-error code of every stage. */
const EVALUATION = {
  'file-changed-while-read': 'the file kept changing while it was read (size or modification time, 3 attempts): it is not evaluated',
  'internal-error': 'Liquidation Lens failed on this file; the message says where (please report it)',
  'missing-mark': 'no markPrice for the position’s market: it is reported as unknown',
  'mark-time-missing': 'no markTime or asOf: the age of the mark is unknown and staleness is not checked',
  'mark-in-future': 'the mark time is after the evaluation time; its age is taken as 0',
  'unreadable-history': 'the history file cannot be read; volatility from history is unavailable',
  'history-outside-root': 'the history path is absolute, leaves the root folder with `..` or is a symlink pointing outside it: it is refused and not read',
  'reported-deviation': 'the venue’s or bot’s reported liquidation price differs from the computed one by more than the tolerance',
  'reported-price-used': 'the file lacks what our exact liquidation price needs: the reported price is used (liquidationPriceSource "reported") and the message says what to add',
} as const;

export const DIAGNOSTIC_CODES = { ...PARSE, ...PERP, ...LENDING, ...RISK, ...EVALUATION } as const satisfies Record<string, string>;

/** The groups, indexable by any string (a lookup of an unknown code gives undefined). */
export const PARSE_CODES: Readonly<Record<string, string>> = PARSE;
export const PERP_CODES: Readonly<Record<string, string>> = PERP;
export const LENDING_CODES: Readonly<Record<string, string>> = LENDING;
export const RISK_CODES: Readonly<Record<string, string>> = RISK;
export const EVALUATION_CODES: Readonly<Record<string, string>> = EVALUATION;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

export function isDiagnosticCode(code: string): code is DiagnosticCode {
  return Object.prototype.hasOwnProperty.call(DIAGNOSTIC_CODES, code);
}
