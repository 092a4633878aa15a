// Risk analytics: pure statistics over floats (money converted from Dec at the caller's boundary).
export * from './special';
export * from './moments';
export * from './first-passage';
export * from './student-t';
export * from './history';
export * from './realised-volatility';
export * from './time-to-liquidation';
export * from './liquidation';
export * from './var-es';
export * from './portfolio-var';
export * from './slippage';
export * from './buffer-cost';
export * from './variance-gamma';
export * from './vg-fit';
export * from './evt';
