// Loyalty records in canonical form. A member is both a person (for identity matching) and an
// account (points and tier).
import { normalizeCard } from '../../domain/canonical/card';
import { normalizeEmail } from '../../domain/canonical/email';
import { toE164 } from '../../domain/canonical/phone';
import { toInstant } from '../../domain/canonical/time';
import type { LoyaltyAccount, LoyaltyTransaction, PersonRecord } from '../../domain/types';
import type { LoyaltyMember, LoyaltyTierOffer, LoyaltyTxn } from './wire';
import { decimalToCents } from '../../domain/canonical/money';
import type { Channel } from '../../domain/types';
import type { Promotion, Tier } from '../../domain/pricing/model';

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

/** ONLINE means the e-shop, where the call center also places its orders. */
const LEGACY_CHANNELS: Record<LoyaltyTierOffer['channels'][number], Channel[]> = {
  ONLINE: ['WEB', 'CALL_CENTER'],
  INSTORE: ['STORE'],
};

/** A tier offer. The platform lists offers per tier (`offers?tier=`), so the tier is the one asked. */
export function promotionFromLoyaltyOffer(offer: LoyaltyTierOffer, tier: Tier): Promotion {
  const scoped = offer.skus !== null || offer.category !== null;
  return {
    id: `loyalty:${offer.offer_id}`,
    source: 'loyalty',
    name: offer.name,
    code: null,
    kind: offer.discount_type,
    value: offer.discount_type === 'PERCENT' ? Number(offer.value) : decimalToCents(offer.value),
    level: scoped ? 'PRODUCT' : 'BASKET',
    skus: offer.skus,
    categories: offer.category === null ? null : [offer.category],
    minBasketCents: null,
    validFrom: toInstant(offer.valid_from),
    validTo: toInstant(offer.valid_to),
    tiers: [tier],
    customerId: null,
    storeIds: null,
    legacyChannels: [...new Set(offer.channels.flatMap((c) => LEGACY_CHANNELS[c]))],
  };
}
