// Liquity v2 (BOLD) troves: per-branch MCR and liquidation penalties (docs/lending.md).
import { liquityModel } from '../lending/liquity';
import type { LendingVenueDescriptor } from './descriptor';

export const liquityV2Descriptor: LendingVenueDescriptor = {
  id: 'liquity-v2',
  kind: 'lending',
  label: 'Liquity v2',
  source: 'liquity/bold 405f9122: TroveManager, Constants.sol',
  model: liquityModel,
  ccxtDumps: {},
  quirks: ['mcr by branch: WETH 1.1, wstETH/rETH 1.2'],
};
