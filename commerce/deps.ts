// What the order workflows need: the legacy clients, the project's stores and the catalogue.
// Given once at start-up; the pricing sources, which hold per-request loaders, come with each call.
import type { Catalog } from '../catalog/catalog';
import type { EshopClient } from '../clients/eshop';
import type { LoyaltyClient } from '../clients/loyalty';
import type { PosClient } from '../clients/pos';
import type { IdentityStore } from '../identity/store';
import type { VoucherStore } from '../promotions/vouchers';
import type { SagaStore } from '../sagas/store';

export interface CommerceDeps {
  eshop: EshopClient;
  pos: PosClient;
  loyalty: LoyaltyClient;
  catalog: Catalog;
  store: IdentityStore;
  vouchers: VoucherStore;
  sagas: SagaStore;
}
