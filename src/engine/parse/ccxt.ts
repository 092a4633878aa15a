import type { Account, VenueId } from '../types';
import type { Ctx } from './context';
import type { LNode } from './tree';
export function readCcxt(ctx: Ctx, root: LNode, defaultVenue?: VenueId): { venue: VenueId | null; accounts: Account[] } {
  void ctx; void root; void defaultVenue;
  return { venue: null, accounts: [] };
}
