import type { Channel } from '../../domain/types';
import type { Quote } from '../../domain/pricing/model';
import type { Voucher } from '../../domain/pricing/promotions/vouchers';

/** A priced basket, with the request it answers. */
export interface QuoteModel {
  quote: Quote;
  channel: Channel;
  storeId: string | null;
}

/** One unit of a product priced alone. */
export interface OfferModel extends QuoteModel {
  sku: string;
}

export type { CustomerRef } from '../kit/customerRef';

export interface ProductRef {
  sku: string;
}

/** A voucher and the customer holding it (one of the CRM's export has no customer of its own: its contact's holder). */
export interface VoucherModel extends Voucher {
  holderId: string;
}
