// Account isolation: corrupting one account's rows in a multi-account CSV changes no row of the other accounts.
import fc from 'fast-check';
import { evaluateText, overBudget } from './invariants';

const HEADER = 'venue,account,symbol,side,size,entry_price,mark_price,margin_mode,isolated_margin,wallet_balance,mmr,cum,volatility';
const GOOD = [
  'generic-linear,a,BTCUSDT,long,0.75,96120.5,97250.4,isolated,9800,,0.005,0,0.55',
  'generic-linear,a,ETHUSDT,short,12,3588.2,3612.55,isolated,2950,,0.005,0,0.7',
  'generic-linear,b,BTCUSDT,long,1.2,98900,97250.4,cross,,21000,0.005,0,0.55',
  'generic-linear,b,SOLUSDT,long,300,188.6,182.415,cross,,,0.01,0,0.9',
  'generic-linear,c,DOGEUSDT,short,250000,0.4012,0.41235,isolated,4200,,0.01,0,0.95',
];
const BAD_CELLS = ['', 'x', '-1', '1e400000', '0x1F', 'Infinity', '94,500', '"', 'sideways', 'nope-venue', '0'];

export interface NeighbourCase {
  victim: string;
  row: number;
  column: number;
  bad: string;
}

export const neighbourArb: fc.Arbitrary<NeighbourCase> = fc.record({
  victim: fc.constantFrom('a', 'b', 'c'),
  row: fc.nat(10),
  column: fc.integer({ min: 2, max: 12 }),
  bad: fc.constantFrom(...BAD_CELLS),
});

function csv(c: NeighbourCase | null): string {
  const victims = GOOD.map((l, i) => [l, i] as const).filter(([l]) => l.split(',')[1] === c?.victim);
  const target = c ? victims[c.row % victims.length]![1] : -1;
  const lines = GOOD.map((l, i) => {
    if (i !== target) return l;
    const cells = l.split(',');
    cells[c!.column] = c!.bad.includes(',') || c!.bad.includes('"') ? `"${c!.bad.replace(/"/g, '""')}"` : c!.bad;
    return cells.join(',');
  });
  return [HEADER, ...lines].join('\n') + '\n';
}

// Ids number rows per symbol and side across the whole file (docs/results.md), so a neighbour's row may shift them;
// everything else about a row must stay.
const strip = (r: object): string => JSON.stringify({ ...r, id: '', line: 0, column: 0 });
const key = (r: { account: string | null; symbol: string | null; side: string | null }, i: number): string => `${r.account}/${r.symbol}/${r.side}/${i}`;

/** The rows of accounts other than the victim that differ from a clean evaluation. */
export function otherAccountsUnchanged(c: NeighbourCase): string[] {
  const dirtyText = csv(c);
  const dirtyEvaluation = evaluateText('n.positions.csv', dirtyText);
  const clean = evaluateText('n.positions.csv', csv(null)).rows.filter((r) => r.account !== c.victim);
  const dirty = dirtyEvaluation.rows.filter((r) => r.account !== c.victim);
  const before = new Map(clean.map((r, i) => [key(r, i), strip(r)]));
  const out: string[] = [];
  const budget = overBudget(dirtyText, dirtyEvaluation);
  if (budget) out.push(budget);
  dirty.forEach((r, i) => {
    if (before.get(key(r, i)) !== strip(r)) out.push(`${key(r, i)} changed`);
  });
  if (dirty.length !== clean.length) out.push(`${clean.length} rows became ${dirty.length}`);
  return out;
}
