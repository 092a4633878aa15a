// Diagnostic codes raised by the risk library (history files, tail-model fallbacks). The lead merges them into
// the published list (docs/format.md §7).
export const RISK_CODES: Record<string, string> = {
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
};
export type RiskCode = keyof typeof RISK_CODES;
