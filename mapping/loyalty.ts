// Loyalty records in canonical form. A member is both a person (for identity matching) and an
// account (points and tier).
import { normalizeCard } from '../canonical/card';
import { normalizeEmail } from '../canonical/email';
import { toE164 } from '../canonical/phone';
import { toInstant } from '../canonical/time';
import type { LoyaltyAccount, LoyaltyTransaction, PersonRecord } from '../domain/types';
import type { LoyaltyMember, LoyaltyTxn } from '../legacy/model';

export function personFromLoyaltyMember(member: LoyaltyMember): PersonRecord {
  return {
    system: 'loyalty',
    externalId: member.card_number,
    firstName: member.first_name,
    lastName: member.last_name,
    email: normalizeEmail(member.email),
    phone: toE164(member.phone_e164),
    card: normalizeCard(member.card_number),
    createdAt: toInstant(member.enrolled_at),
  };
}

export function loyaltyAccountFromMember(member: LoyaltyMember): LoyaltyAccount {
  return { cardNumber: member.card_number, tier: member.tier, pointsBalance: member.points_balance };
}

/** Accepts the API's transactions, which leave out the card, as well as the simulator's records. */
export function loyaltyTransactionFromLoyalty(txn: Omit<LoyaltyTxn, 'card_number'>): LoyaltyTransaction {
  return {
    id: txn.id,
    type: txn.type,
    points: txn.points,
    channel: txn.channel,
    externalRef: txn.external_ref,
    at: toInstant(txn.at),
  };
}
