// Whose a loyalty card is: the identity store's customer holding it (its loyalty member, or an
// e-shop account it was typed on). An agent may have split two holders apart: the oldest keeps it.
import type { IdentityStore } from '../../identity/store';

export async function customerOfCard(identity: IdentityStore, card: string): Promise<string | null> {
  return (await identity.find({ card }))[0] ?? null;
}
