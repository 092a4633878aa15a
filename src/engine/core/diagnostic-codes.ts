// The one list of diagnostic codes (format.md §7); the README publishes it and a test keeps the two in step.
import { PARSE_CODES } from '../parse';
import { PERP_CODES } from '../perp';
import { LENDING_CODES } from '../lending';
import { RISK_CODES } from '../risk';

export const EVALUATION_CODES: Record<string, string> = {
  'internal-error': 'Liquidation Lens failed on this file; the message says where (please report it)',
  'missing-mark': 'no markPrice for the position’s market: it is reported as unknown',
  'mark-time-missing': 'no markTime or asOf: the age of the mark is unknown and staleness is not checked',
  'mark-in-future': 'the mark time is after the evaluation time; its age is taken as 0',
  'unreadable-history': 'the history file cannot be read; volatility from history is unavailable',
  'reported-deviation': 'the venue’s or bot’s reported liquidation price differs from the computed one by more than the tolerance',
  'reported-price-used': 'the file lacks what our exact liquidation price needs: the reported price is used (liquidationPriceSource "reported") and the message says what to add',
};

export const DIAGNOSTIC_CODES: Record<string, string> = {
  ...PARSE_CODES,
  ...PERP_CODES,
  ...LENDING_CODES,
  ...RISK_CODES,
  ...EVALUATION_CODES,
};
