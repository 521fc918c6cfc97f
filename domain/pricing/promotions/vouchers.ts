// CRM goodwill vouchers. The CRM can grant a voucher but cannot list them, so the project keeps
// the ones it grants, and those of the CRM's export of the vouchers granted before go-live: a
// voucher is a single-use promotion tied to one CRM contact, and so to the customer holding it.
import type { Instant } from '../../types';
import type { Promotion } from '../model';
import type { Voucher } from './voucher-book';

export type { Voucher };

/** One granted through the graph: its customer is known. */
export type GrantedVoucher = Voucher & { customerId: string };

export type VoucherStatus = 'AVAILABLE' | 'USED' | 'EXPIRED';

/** Used once an order took it (even after it expired); otherwise expired from its expiry on. */
export function voucherStatus(v: Pick<Voucher, 'usedByOrder' | 'expiresAt'>, at: Instant): VoucherStatus {
  if (v.usedByOrder !== null) return 'USED';
  return Date.parse(v.expiresAt) <= Date.parse(at) ? 'EXPIRED' : 'AVAILABLE';
}

/** When it was granted, when known: the CRM's export has no grant date (one imported holds the import's). */
export const knownGrantDate = (v: Pick<Voucher, 'customerId' | 'grantedAt'>): Instant | null =>
  v.customerId === null ? null : v.grantedAt;

/**
 * `customerId`: the only customer who may use it (its contact's holder). Named by its code: its
 * reason is the agent's note, which the customer and store staff do not read (Voucher.reason).
 */
export function promotionFromVoucher(v: Voucher, customerId: string): Promotion {
  return {
    id: `crm:${v.code}`,
    source: 'crm',
    name: `Goodwill voucher ${v.code}`,
    code: v.code,
    kind: 'AMOUNT',
    value: v.amountCents,
    level: 'BASKET',
    skus: null,
    categories: null,
    minBasketCents: null,
    validFrom: v.grantedAt,
    validTo: v.expiresAt,
    tiers: null,
    customerId,
    storeIds: null,
    legacyChannels: null,
  };
}
