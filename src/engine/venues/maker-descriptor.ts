// Maker/Sky vaults: ink·spot vs art·rate, Dog.bark penalty (docs/lending.md).
import { makerModel } from '../lending/maker';
import type { LendingVenueDescriptor } from './descriptor';

export const makerDescriptor: LendingVenueDescriptor = {
  id: 'maker',
  kind: 'lending',
  label: 'Maker',
  source: 'makerdao/dss fa4f6630: Spotter, Dog.bark, Vat',
  model: makerModel,
  ccxtDumps: {},
  quirks: ['one collateral (ilk) and one DAI/USDS debt valued at par'],
};
