// The hostile workspace of hostile.mjs (issue 13 §5, §6), generated in a temp dir at run time, never committed:
// position files whose every free-text string (account, market key = symbol, position/loan id, asset names) carries
// an XSS / escape payload, plus one plain YAML file with a fixable at-risk position for the stale Quick Fix.
// Every executable payload calls the canary: `window.__pwned = 1` and `alert(1337)` (a dialog Playwright sees).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const CANARY = 'window.__pwned=1;alert(1337)';
export const LONG_NAME = 'W'.repeat(10_000);

/** name → payload. Short enough (≤ 48 code points) to be shown whole where names are cut, except `long`. */
export const PAYLOADS = {
  script: `<script>${CANARY}</script>`,
  img: `<img src=x onerror=${CANARY}>`,
  js: `javascript:${CANARY}`,
  svg: `<svg onload=${CANARY}>`,
  mdlink: `[x](javascript:${CANARY})`,
  bidi: 'exe.\u202Etxt\u202C zero\u200Bwidth\u200D',
  ci: 'ci\n::error::pwned\r\u001b[31m',
  long: LONG_NAME,
};

export const EVALUATION_TIME = '2026-11-24T07:00:00Z';

/** JSON with every non-ASCII and control character as a \u escape (valid JSON, valid YAML). */
function asciiJson(value) {
  return JSON.stringify(value, null, 2).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function perpFile(s) {
  return {
    version: 1, venue: 'binance-usdm', account: s, marginMode: 'cross', walletBalance: '25000', settleCurrency: 'USDT',
    risk: { evaluationTime: EVALUATION_TIME },
    markets: { [s]: { markPrice: '97250.4', markTime: EVALUATION_TIME, mmr: '0.005', cum: '0', volatility: 0.6 } },
    positions: [{ id: s, symbol: s, side: 'long', size: '6', entryPrice: '99850' }],
  };
}

function loanFile(s) {
  return {
    version: 1, venue: 'aave-v3', account: s, risk: { evaluationTime: EVALUATION_TIME },
    markets: { [s]: { price: '3412.5', liquidationThreshold: '0.83', decimals: 18, volatility: 0.7 }, USDC: { price: '1', decimals: 6, stable: true } },
    loans: [{ id: s, collateral: [{ asset: s, amount: '10' }], debt: [{ asset: 'USDC', amount: '28000' }] }],
  };
}

function csvCell(s) {
  return `"${s.replace(/"/g, '""')}"`;
}

/** The stale-fix file: a YAML cross account, one position at risk whose fix adds to walletBalance. */
export const STALE_FILE = 'stale.positions.yaml';
export const STALE_TEXT = `# A cross account close to liquidation (hostile.mjs, the stale Quick Fix).
version: 1
venue: binance-usdm
account: stale-desk
walletBalance: "2000"
settleCurrency: USDT
risk:
  evaluationTime: ${EVALUATION_TIME}
markets:
  ETHUSDT: { markPrice: "3000", markTime: ${EVALUATION_TIME}, mmr: "0.005", cum: "0", volatility: 0.8 }
positions:
  - id: eth-stale
    symbol: ETHUSDT
    side: long
    size: "10"
    entryPrice: "3150"
`;

export function writeHostileWorkspace(dir) {
  mkdirSync(join(dir, '.vscode'), { recursive: true });
  writeFileSync(join(dir, '.vscode/settings.json'), JSON.stringify({ 'liquidationLens.evaluationTime': EVALUATION_TIME }, null, 2));
  for (const [name, s] of Object.entries(PAYLOADS)) {
    writeFileSync(join(dir, `perp-${name}.positions.json`), asciiJson(perpFile(s)));
    writeFileSync(join(dir, `loan-${name}.positions.json`), asciiJson(loanFile(s)));
  }
  const csv = ['venue,account,symbol,side,size,entry_price,mark_price,wallet_balance,mmr,cum,volatility'];
  for (const [name, s] of Object.entries(PAYLOADS)) csv.push(['generic-linear', csvCell(s), csvCell(`${name}-${s}`), 'short', '2', '3000', '3300', '700', '0.01', '0', '0.8'].join(','));
  writeFileSync(join(dir, 'bots.positions.csv'), csv.join('\n') + '\n');
  writeFileSync(join(dir, STALE_FILE), STALE_TEXT);
}
