// What the engine knows about one venue or lending protocol, in one object (as ccxt's describe() keeps everything about
// an exchange in its file). One file per venue/protocol under src/engine/venues; registry.ts lists them.
import type { LendingVenueId, PerpVenueId } from '../core/types';
import type { VenueModel } from '../perp/venue-model';
import type { ProtocolModel } from '../lending/loan-model';
import type { DumpReading } from './dump-reading';

export type { DumpReading, InfoField } from './dump-reading';

/** Linear (USD-margined), inverse (coin-margined), or both listed — then decided per market (contract-kind.ts). */
export type ContractRule = 'linear' | 'inverse' | 'either';

/** How a tier's bounds are read when the table does not say: [floor, cap) or (floor, cap]. */
export type TierBoundary = 'floor-inclusive' | 'cap-inclusive';

interface DescriptorBase {
  /** Display name (README venue table, panel). */
  label: string;
  /** The venue's or protocol's own documentation that the model follows. */
  source: string;
  /** ccxt exchange id → which of that exchange's dump rows are this venue's and what their fields mean (issue 11). */
  ccxtDumps: Record<string, DumpReading>;
  /** What a user should know that the fields above do not say. */
  quirks: readonly string[];
}

export interface PerpVenueDescriptor extends DescriptorBase {
  id: PerpVenueId;
  kind: 'perp';
  contracts: ContractRule;
  /** Settle currency when the file gives none and the venue has only one (Hyperliquid/dYdX: USDC), else null. */
  defaultSettle: string | null;
  /** Contract size when the file gives none (Binance COIN-M: USD face per contract), null when it must be given. */
  defaultContractSize(symbol: string): string | null;
  /** Default funding interval in seconds (docs/format.md §2: 8 h, Hyperliquid and dYdX 1 h). */
  fundingIntervalSeconds: number;
  /**
   * When funding is exchanged: at multiples of the interval counted from 00:00 UTC plus `offsetSeconds` (Binance,
   * Bybit, OKX, Gate 00/08/16 UTC; BitMEX 04/12/20 UTC; Hyperliquid and dYdX on the hour), or 'continuous' (Deribit
   * accrues funding every instant, so there is no next funding time). docs/results.md §2.5.
   */
  fundingSchedule: { offsetSeconds: number } | 'continuous';
  /** Liquidation/clearance fee as a fraction when the file gives none; null ⇒ the generic 0.5 % (docs/risk.md §7). */
  liquidationFee: number | null;
  /** Published default taker fee (fraction) — null: not bundled, the file's takerFee is used (absent ⇒ 0). */
  takerFee: string | null;
  tierBoundary: TierBoundary;
  /** The margin model the solver uses (src/engine/perp/venues). */
  margin: VenueModel;
}

export interface LendingVenueDescriptor extends DescriptorBase {
  id: LendingVenueId;
  kind: 'lending';
  /** The protocol model the loan evaluator uses (src/engine/lending). */
  model: ProtocolModel;
}

export type VenueDescriptor = PerpVenueDescriptor | LendingVenueDescriptor;

/** Defaults shared by most perp venues; a descriptor spreads this and overrides what differs. */
export const PERP_DEFAULTS = {
  kind: 'perp',
  defaultSettle: null,
  defaultContractSize: (): string | null => null,
  fundingIntervalSeconds: 8 * 3600,
  fundingSchedule: { offsetSeconds: 0 },
  liquidationFee: null,
  takerFee: null,
  tierBoundary: 'floor-inclusive',
  ccxtDumps: {},
  quirks: [],
} as const satisfies Partial<PerpVenueDescriptor>;
