// What the order workflows need: the legacy clients, the project's stores and the catalogue.
// Given once at start-up; the pricing sources, which hold per-request loaders, come with each call.
import type { Catalog } from '../reference/catalog';
import type { EshopClient } from '../../adapters/eshop/client';
import type { LoyaltyClient } from '../../adapters/loyalty/client';
import type { PosClient } from '../../adapters/pos/client';
import type { IdentityStore } from '../identity/store';
import type { VoucherStore } from '../pricing/promotions/vouchers';
import type { SagaStore } from './saga/store';

export interface CommerceDeps {
  eshop: EshopClient;
  pos: PosClient;
  loyalty: LoyaltyClient;
  catalog: Catalog;
  store: IdentityStore;
  vouchers: VoucherStore;
  sagas: SagaStore;
}
