// Diagnostic codes the lending models emit (the README's code list takes them from LENDING_CODES).
export const CODE = {
  truncated: 'lending-truncated',
  notWholeBps: 'lending-not-whole-bps',
  unknownEMode: 'lending-unknown-emode',
  isolationMode: 'lending-isolation-mode',
  shape: 'lending-unsupported-shape',
  missingParam: 'lending-missing-param',
  debtMismatch: 'lending-debt-mismatch',
  paramRange: 'lending-param-range',
} as const;

/** code → what it means. */
export const LENDING_CODES: Record<string, string> = {
  [CODE.truncated]: 'an amount or price has more decimals than the token/oracle unit; the on-chain replica truncates it',
  [CODE.notWholeBps]: 'an Aave threshold, bonus or fee is not a whole number of basis points; floored',
  [CODE.unknownEMode]: "the loan's eMode category is not defined in eModeCategories; evaluated without eMode",
  [CODE.isolationMode]: 'an isolated (debtCeiling) collateral is combined with other collateral; evaluated as given',
  [CODE.shape]: 'the loan does not have the shape the protocol allows (e.g. Maker/Liquity/Morpho: one collateral, one debt)',
  [CODE.missingParam]: 'a protocol parameter is missing; a documented default was used or the loan is unknown',
  [CODE.debtMismatch]: 'the debt line and art·rate disagree; art·rate is used',
  [CODE.paramRange]: 'a protocol parameter is outside its valid range',
};
