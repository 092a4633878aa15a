// docs/results.md §2.5 on the faces: one wording for the details pane and the hover; the protocol carries the strings.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  figuresSummary, formatLeverage, formatSignedMoney, fundingSummary, loanFigureLines, positionFigureLines, traderFiguresOf,
} from '../../../src/presentation/trader-figures';
import { PanelRowSchema } from '../../../src/protocol/messages';
import { toPanelRow } from '../../../src/extension/rows';
import { hoverMarkdown } from '../../../src/extension/problems';
import { detailsPane } from '../../../src/webview/details';
import { installFakeDom, type FakeElement } from '../webview/fake-dom';
import { row } from '../extension/fixtures';
import * as v from 'valibot';
import type { RowDetails } from '../../../src/engine/evaluate/report';

// The linear isolated long of test/unit/engine/trader-figures.test.ts.
const PERP: RowDetails = {
  var: null, es: null, liquidationCost: null, timeToLiquidation: null,
  positionValue: '194500.8', unrealisedPnl: '-5499.2', initialMargin: '20000', initialMarginSource: 'leverage', roe: '-0.27496',
  leverage: '13.4131082423038728897715988083', leverageBasis: 'position', leverageSetting: '10', fundingRate: '0.0001',
  fundingIntervalSeconds: 28800, fundingIntervalSource: 'venue', nextFundingTime: '2026-11-24T08:00:00.000Z', nextFundingPayment: '-19.45008',
};
const LOAN: RowDetails = {
  var: null, es: null, liquidationCost: null, timeToLiquidation: null,
  collateralLines: [
    { asset: 'WETH', amount: '10', price: '3000', value: '30000', liquidationThreshold: '0.825', usedAsCollateral: true },
    { asset: 'USDC', amount: '1000', price: '1', value: '1000', liquidationThreshold: '0', usedAsCollateral: false },
  ],
  debtLines: [{ asset: 'USDC', amount: '20000', price: '1', value: '20000', liquidationThreshold: null, usedAsCollateral: false }],
  collateralValue: '30000', debtValue: '20000', ltv: '0.666666666666666666666666666667', liquidationThreshold: '0.825',
};

describe('trader figures text (docs/results.md §2.5)', () => {
  it('picks only well-formed figures out of details', () => {
    expect(traderFiguresOf({ var: '1', positionValue: '1e5', leverage: '2', nextFundingTime: 'soon', fundingIntervalSeconds: -1, collateralLines: [{ asset: 'X' }] }))
      .toEqual({ positionValue: null, leverage: '2', collateralLines: [] });
    expect(traderFiguresOf({ var: null })).toBeNull();
  });

  it('a perp: value, signed PnL with ROE, margin, leverage against the setting, funding', () => {
    const f = traderFiguresOf(PERP)!;
    expect(positionFigureLines(f, 'USDT')).toEqual([
      ['Position value', '194,500.80 USDT'],
      ['Unrealised PnL', '-5,499.20 USDT (ROE -27.50 %)'],
      ['Initial margin', '20,000.00 USDT', 'sub'],
      ['Effective leverage', '13.41× (set 10.00×)'],
      ['Funding rate per 8 h', '0.0100 %'],
      ['Next funding', '2026-11-24 08:00 UTC · -19.45 USDT at the mark', 'sub'],
    ]);
    expect(figuresSummary(f, 'USDT')).toBe('value 194,500.80 USDT · PnL -5,499.20 (ROE -27.50 %) · 13.41×');
    expect(fundingSummary(f)).toBe('0.0100 % per 8 h · next 2026-11-24 08:00 UTC');
  });

  it('signs and leverage', () => {
    expect(formatSignedMoney('0.005', 'BTC')).toBe('+0.005');
    expect(formatSignedMoney('0', 'USDT')).toBe('0.00');
    expect(formatLeverage('2.777777')).toBe('2.78×');
  });

  it('a loan: each line, LTV and the threshold', () => {
    const f = traderFiguresOf(LOAN)!;
    expect(loanFigureLines(f)).toEqual([
      ['Collateral', 'WETH 10 · 30,000.00 USD · LT 82.50 %'],
      ['Collateral', 'USDC 1,000 · 1,000.00 USD · not collateral'],
      ['Debt', 'USDC 20,000 · 20,000.00 USD'],
      ['LTV', '66.67 %'],
      ['Liquidation threshold', '82.50 %'],
    ]);
    expect(figuresSummary(f, 'USD')).toBe('LTV 66.67 % · liquidation at LTV 82.50 %');
  });
});

describe('trader figures on the surfaces', () => {
  beforeAll(installFakeDom);

  it('the panel row carries them through the protocol schema', () => {
    const pr = toPanelRow(row({ details: PERP }));
    expect(v.safeParse(PanelRowSchema, pr).success).toBe(true);
    expect(pr.trader?.leverage).toBe(PERP.leverage);
    const loan = toPanelRow(row({ kind: 'loan', details: LOAN }));
    expect(v.safeParse(PanelRowSchema, loan).success).toBe(true);
    expect(loan.trader?.collateralLines).toHaveLength(2);
  });

  it('the details pane shows a Position block; the hover one line', () => {
    const r = row({ details: PERP });
    const pr = toPanelRow(r);
    // the second argument is only read when no row is selected (its shape differs across the panel's versions)
    const text = detailsPane(pr, { rows: [pr], total: 1 } as never, undefined, { onReveal: () => undefined, onApplyFix: () => undefined })
      .map((n) => (n as unknown as FakeElement).textContent).join('|');
    expect(text).toContain('Effective leverage13.41× (set 10.00×)');
    expect(text).toContain('Unrealised PnL-5,499.20 USDT (ROE -27.50 %)');
    const md = hoverMarkdown(r);
    expect(md).toContain('| Position | value 194,500.80 USDT · PnL -5,499.20 (ROE -27.50 %) · 13.41× |'); // inert Markdown keeps numbers readable
    expect(md).toContain('| Funding |');
  });
});
