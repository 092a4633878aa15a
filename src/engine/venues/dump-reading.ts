// What a ccxt dump's fields mean on one exchange (issue 11), for the rows a venue takes from it: the value of a venue
// descriptor's `ccxtDumps[<ccxt id>]`. Each reading is decided from that exchange's `parsePosition` in ccxt
// (ccxt@4.5.84, js/src/<id>.js, generated from ts/src/<id>.ts) and its recorded responses
// (ts/src/test/static/response/<id>.json); README "Exchange exports: ccxt dumps".
/** A field of the position's raw `info` object, dotted for nested ones (`position.marginUsed`). */
export type InfoField = string;

export interface DumpReading {
  /** Rows of this contract kind from that exchange are this venue ('any': every row; docs/format.md §5). */
  rows: 'linear' | 'inverse' | 'any';
  /** The venue's formula is not modelled: a generic-* flat rate with the venue's own maintenance figures. */
  genericFormula: boolean;
  /** Where this reading was decided: parser and recorded response read. */
  source: string;
  /** Isolated margin (the formula's wallet term, without unrealised PnL), first raw field present wins. */
  isolatedMargin: ReadonlyArray<{ field: InfoField; includesPnl: boolean }>;
  /**
   * What the unified `collateral` of an isolated row is when no raw field is present: 'with-pnl' (subtract
   * unrealizedPnl), 'without-pnl' (use as is), 'none' (not a margin figure: fall back to leverage).
   */
  isolatedCollateral: 'with-pnl' | 'without-pnl' | 'none';
  /** Whether a cross row's `collateral` is a wallet ('collateral'); else the dump needs `balance` (fetchBalance). */
  crossWallet: 'collateral' | 'none';
  /** Why a cross row's collateral is not a wallet (said in the row's diagnostic). */
  crossWalletNote: string | null;
  /** Maintenance figures. */
  maintenance: {
    /** Raw maintenance amount (settle currency), and whether it already holds the fee term. */
    amountField: InfoField | null;
    amountIncludesFee: boolean;
    /** Raw maintenance rate (fraction) of the venue's tier, preferred over ccxt's rounded unified rate. */
    rateField: InfoField | null;
    /** Whether ccxt's unified maintenanceMarginPercentage is a usable flat rate (fraction, no fee, not back-solved). */
    unifiedRateUsable: boolean;
    /** Raw risk-tier / risk-limit field, for the README and diagnostics. */
    tierField: InfoField | null;
  };
  /**
   * Contract size and the inverse face. `contractsAreFace`: ccxt's `contracts` already count the inverse face in USD
   * while its `contractSize` is the market's order step, so the reader takes a contract size of 1 (Deribit).
   */
  contract: { sizeField: string; inverseFace: string; contractsAreFace: boolean };
  /** Raw margin-mode field when ccxt leaves `marginMode` undefined, with the value that means isolated. */
  marginModeField: { field: InfoField; isolated: string } | null;
  fee: {
    /** How a fee enters the venue's liquidation formula. */
    inFormula: 'taker-added-to-mmr' | 'fee-to-close' | 'exit-fee' | 'none';
    /** The venue's published default (lowest-tier) taker rate, as a fraction, with its source; null if not needed. */
    defaultTaker: string | null;
    defaultTakerSource: string | null;
    /** A raw field holding the account's own taker rate (BitMEX `commission`). */
    ownRateField: InfoField | null;
  };
  /** The reported liquidation price: which field, and anything to know when comparing with ours. */
  liquidationPrice: { field: string; note: string | null };
}

export const CCXT_VERSION_READ = '4.5.84';
