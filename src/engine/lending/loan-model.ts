// What each protocol module provides to the shared loan evaluator (index.ts).
import type { Dec } from '../core/decimal';
import type { LoanContext } from './lending-context';
import type { Exposure } from './linear';

export interface ProtocolResult {
  /** The real-number model: weighted collateral and debt per asset (linear.ts). */
  exposures: Exposure[];
  /** The protocol's own number, exact; null when there is no debt. */
  healthFactor: Dec | null;
  /** The protocol's liquidation condition in its own arithmetic. */
  liquidatable: boolean;
  details: Record<string, unknown>;
  note?: string | null;
}

export interface LiquidationOutcome {
  /** What the borrower loses beyond repaying the debt at par (bonus / penalty), in the price currency. */
  cost: Dec | null;
  details: Record<string, unknown>;
}

export interface ProtocolModel {
  evaluate(ctx: LoanContext): ProtocolResult | { unknownReason: string };
  /** The liquidation the protocol would run at ctx's prices (`res` = evaluate(ctx)); `now` = liquidatable at the marks. */
  liquidation(ctx: LoanContext, res: ProtocolResult, now: boolean): LiquidationOutcome;
  /** Whether `asset` can be posted as collateral to this loan (for fixes). */
  canAddCollateral(ctx: LoanContext, asset: string): boolean;
}

export const isUnknown = (r: ProtocolResult | { unknownReason: string }): r is { unknownReason: string } => 'unknownReason' in r;
