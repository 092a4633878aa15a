// Perp margin engine: exact liquidation / bankruptcy prices and margin ratios for every derivatives venue (docs/venues.md).
export { evaluatePerpAccount } from './account';
export { resolveTierTable, listBundledTables } from './tier-tables';
export { validateTierTable } from './validate';
export { solvePiecewise } from './solver';
