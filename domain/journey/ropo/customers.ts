// Whose a loyalty card is: the identity store's customer holding it (its loyalty member, or an
// e-shop account it was typed on). An agent may have split two holders apart: the oldest keeps it.
import type { IdentityStore } from '../../identity/store';

export function customerOfCard(identity: IdentityStore, card: string): string | null {
  return identity.find({ card })[0] ?? null;
}
