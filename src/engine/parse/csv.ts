import type { Account, VenueId } from '../types';
import type { Ctx } from './context';
export function readCsv(ctx: Ctx, defaultVenue?: VenueId): { venue: VenueId | null; accounts: Account[] } {
  void ctx; void defaultVenue;
  return { venue: null, accounts: [] };
}
