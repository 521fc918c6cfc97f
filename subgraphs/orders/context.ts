import DataLoader from 'dataloader';
import { eachKey } from '../kit/loaders/settle';
import type { Catalog } from '../../domain/reference/catalog';
import type { EshopClient } from '../../adapters/eshop/client';
import type { PosClient } from '../../adapters/pos/client';
import type { Order } from '../../domain/types';
import { orderFromEshop } from '../../adapters/eshop/mapping';
import { orderFromPosReceipt } from '../../adapters/pos/mapping';
import type { BaseContext } from '../kit/server';
import { receiptsByCard, webOrderPagesByAccount } from '../kit/loaders/orders';
import type { PagedList } from '../kit/merged-pages';
import type { Commerce } from '../../domain/orders';
import type { CommerceDeps } from '../../domain/orders/deps';
import type { CustomerDirectory } from '../../domain/identity/directory';
import { perRequestPricing, type PricingPieces } from '../kit/pricing';
import { orderIdKind } from '../../domain/orders/orderIds';
import type { PricingSources } from '../../domain/pricing/promotions/quoting';
import type { OrderFacts, RecordedReturn } from '../../domain/orders/saga/store';

export interface OrdersDeps extends PricingPieces {
  eshop: EshopClient;
  pos: PosClient;
  catalog: Catalog;
  commerce: Commerce;
}

export interface OrdersContext extends BaseContext, OrdersDeps {
  /** each account's web orders, a page at a time */
  webOrderPages: DataLoader<string, PagedList<Order>>;
  receiptsByCard: DataLoader<string, Order[]>;
  orderById: DataLoader<string, Order | null>;
  /** what the project recorded of the orders it placed (collected, returned, reservation) */
  factsById: DataLoader<string, OrderFacts | undefined>;
  /** who is who, for this request alone (pieces.ts says why) */
  identity: CustomerDirectory;
  pricing: PricingSources;
  /** what an order's plan reads, with this request's identity directory */
  planning: CommerceDeps;
  /** the returns of the orders made through the graph */
  returnsById: DataLoader<string, RecordedReturn[]>;
}

export function ordersContext(deps: OrdersDeps): Omit<OrdersContext, keyof BaseContext> {
  const orderById = new DataLoader<string, Order | null>((ids) =>
    eachKey(ids, async (id) => {
      if (orderIdKind(id) === 'web') {
        const order = await deps.eshop.getOrder(id);
        return order && orderFromEshop(order);
      }
      const receipt = await deps.pos.getReceipt(id);
      return receipt && orderFromPosReceipt(receipt);
    }),
  );
  const factsById = new DataLoader<string, OrderFacts | undefined>(async (ids) => {
    const facts = await deps.commerce.deps.sagas.orderFactsMany(ids);
    return ids.map((id) => facts.get(id));
  });
  const { identity, pricing } = perRequestPricing(deps);
  return {
    ...deps,
    webOrderPages: webOrderPagesByAccount(deps.eshop),
    receiptsByCard: receiptsByCard(deps.pos),
    orderById,
    factsById,
    identity,
    pricing,
    planning: { ...deps.commerce.deps, identity },
    returnsById: new DataLoader(async (ids) => {
      const returns = await deps.commerce.deps.sagas.returnsOfMany(ids);
      return ids.map((id) => returns.get(id)!);
    }),
  };
}
