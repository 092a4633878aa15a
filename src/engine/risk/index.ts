// Risk analytics: pure statistics over floats (money converted from Dec at the caller's boundary).
export * from './special';
export * from './moments';
export * from './firstPassage';
export * from './studentT';
export * from './history';
export * from './volatility';
export * from './codes';
export * from './timeToLiquidation';
export * from './liquidation';
export * from './varEs';
export * from './portfolio';
export * from './slippage';
export * from './buffer';
export * from './varianceGamma';
export * from './vgFit';
export * from './evt';
