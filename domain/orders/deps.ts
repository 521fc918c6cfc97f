// What the order workflows need: the legacy clients and the project's stores. Given once at
// start-up; the pricing sources, which hold per-request loaders and the request's catalogue, come with each call.
import type { EshopClient } from '../../adapters/eshop/client';
import type { LoyaltyClient } from '../../adapters/loyalty/client';
import type { PosClient } from '../../adapters/pos/client';
import type { CustomerDirectory } from '../identity/directory';
import type { VoucherBook } from '../pricing/promotions/voucher-book';
import type { SagaStore } from './saga/store';

export interface CommerceDeps {
  eshop: EshopClient;
  pos: PosClient;
  loyalty: LoyaltyClient;
  /** who is who: the identity subgraph's */
  identity: CustomerDirectory;
  /** the offers subgraph's */
  vouchers: VoucherBook;
  sagas: SagaStore;
}
