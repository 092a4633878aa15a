import type { Account, VenueId } from '../types';
import type { Ctx } from './context';
import type { LNode } from './tree';
export function readHyperliquid(ctx: Ctx, root: LNode): { venue: VenueId | null; accounts: Account[] } {
  void ctx; void root;
  return { venue: null, accounts: [] };
}
