// What pricing and the order workflows ask of the goodwill vouchers. The offers subgraph owns the
// vouchers table (vouchers.ts, which implements this); the orders subgraph asks the offers
// subgraph's API (subgraphs/kit/voucher-client.ts).
import type { Cents, Instant } from '../../types';

export interface Voucher {
  code: string;
  /** whom it was granted to through the graph; null for one the CRM granted before go-live */
  customerId: string | null;
  contactId: string;
  amountCents: Cents;
  reason: string;
  grantedAt: Instant;
  expiresAt: Instant;
  usedByOrder: string | null;
}

export interface VoucherBook {
  /** the unused vouchers of these CRM contacts (a voucher follows its contact) */
  unusedForContacts(contactIds: readonly string[]): Promise<Voucher[]>;
  /** unused vouchers by code, whoever holds them: a code given by someone else is refused for that reason */
  unusedByCodes(codes: readonly string[]): Promise<Voucher[]>;
  /** marks the vouchers used by an order; CONFLICT when one was used by another order. Claiming again for the same order changes nothing */
  claim(codes: readonly string[], orderRef: string): Promise<void>;
  /** gives back the vouchers an order that did not happen had claimed */
  release(codes: readonly string[], orderRef: string): Promise<void>;
}
