import type { Channel } from '../../domain/types';
import type { Quote } from '../../domain/pricing/model';

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
