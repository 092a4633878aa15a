// Regression (issue 12): a file's own `stable:` wins over the bundled stablecoin list (core/assets.ts).
import { describe, expect, it } from 'vitest';
import { parseFile } from '../../../src/engine/parse/index';
import { resolveLeg } from '../../../src/engine/lending/lending-context';
import type { LendingAccount } from '../../../src/engine/core/types';

const file = (usdc: string) => `version: 1
venue: aave-v3
markets:
  WETH: { price: "3000", liquidationThreshold: "0.83", liquidationBonus: "0.05" }
  USDC: { price: "1"${usdc} }
  DAI: { price: "1" }
loans:
  - collateral: [{ asset: WETH, amount: "10" }]
    debt: [{ asset: USDC, amount: "1000" }, { asset: DAI, amount: "10" }, { asset: GHO, amount: "1", stable: false }]
`;

function legs(usdc: string) {
  const account = parseFile('a.positions.yaml', file(usdc)).accounts[0] as LendingAccount;
  const loan = account.loans[0]!;
  return Object.fromEntries(loan.debt.map((l) => [l.asset, resolveLeg(account, l, true).volatile]));
}

describe('stable flag', () => {
  it('bundled stablecoins are not volatile by default', () => {
    expect(legs('')).toMatchObject({ USDC: false, DAI: false });
  });
  it('stable: false on USDC makes it volatile (it used to be ignored)', () => {
    expect(legs(', stable: false').USDC).toBe(true);
  });
  it('stable: false on a loan line of an asset without a market makes it volatile too', () => {
    expect(legs('').GHO).toBe(true);
  });
  it('stable: true makes any asset not volatile', () => {
    const account = parseFile('a.positions.yaml', file('').replace('liquidationBonus: "0.05" }', 'liquidationBonus: "0.05", stable: true }')).accounts[0] as LendingAccount;
    expect(resolveLeg(account, account.loans[0]!.collateral[0]!, false).volatile).toBe(false);
  });
});
