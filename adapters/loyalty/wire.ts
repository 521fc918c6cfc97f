// The loyalty platform's payloads as they travel on the wire, with the field names of
// legacy-systems.md (in the workplace's shared/ folder, beside this repository). The client
// reads and writes these; the simulator in legacy/ serves them. The client reads every answer
// through these schemas (adapters/transport/answers.ts); the types are what the schemas read.
import { z } from 'zod';
import { decimalString, isoTime as iso } from '../transport/answers';

export type Iso = string; // ISO-8601 UTC with Z

const tier = z.enum(['BASIC', 'SILVER', 'GOLD']);

export const loyaltyMember = z.object({
  card_number: z.string(), // 16 digits
  email: z.string(), // as typed
  phone_e164: z.string(),
  first_name: z.string(),
  last_name: z.string(),
  tier,
  points_balance: z.number().int(),
  enrolled_at: iso,
});
export type LoyaltyMember = z.infer<typeof loyaltyMember>;

/** A transaction as the transactions API answers it: without the card it was asked for. */
export const loyaltyTxnRecord = z.object({
  id: z.string(),
  type: z.enum(['EARN', 'BURN', 'ADJUST']),
  points: z.number().int(), // signed: BURN is negative
  channel: z.enum(['WEB', 'STORE', 'PHONE']),
  external_ref: z.string().nullable(),
  at: iso,
});
export type LoyaltyTxn = z.infer<typeof loyaltyTxnRecord> & { card_number: string };

/** An offer as `GET /v1/offers?tier=` answers it: the platform keeps it under a tier it does not show. */
export const loyaltyTierOffer = z.object({
  offer_id: z.string(),
  name: z.string(),
  discount_type: z.enum(['PERCENT', 'AMOUNT']),
  value: decimalString,
  skus: z.array(z.string()).nullable(),
  category: z.string().nullable(),
  channels: z.array(z.enum(['ONLINE', 'INSTORE'])),
  valid_from: iso,
  valid_to: iso,
});
export type LoyaltyTierOffer = z.infer<typeof loyaltyTierOffer>;
export type LoyaltyOffer = LoyaltyTierOffer & { tier: z.infer<typeof tier> };

export const loyaltyMembers = z.object({ members: z.array(loyaltyMember) });
export const loyaltyTransactions = z.object({ transactions: z.array(loyaltyTxnRecord) });
export const loyaltyOffers = z.object({ offers: z.array(loyaltyTierOffer) });
export const loyaltyToken = z.object({ access_token: z.string(), expires_in: z.number() });
