import DataLoader from 'dataloader';
import type { Catalog } from '../../catalog/catalog';
import type { EshopClient } from '../../clients/eshop';
import type { PosClient } from '../../clients/pos';
import type { Order } from '../../domain/types';
import { orderFromEshop } from '../../mapping/eshop';
import { orderFromPosReceipt } from '../../mapping/pos';
import type { BaseContext } from '../server';
import { receiptsByCard, webOrdersByAccount } from '../../loaders/orders';
import type { Commerce } from '../../commerce';
import { orderIdKind } from '../../commerce/orderIds';
import { pricingSources, type PricingDeps } from '../../promotions/profiles';
import type { PricingSources } from '../../promotions/quoting';
import type { OrderFacts } from '../../sagas/store';

export interface OrdersDeps extends PricingDeps {
  eshop: EshopClient;
  pos: PosClient;
  catalog: Catalog;
  commerce: Commerce;
}

export interface OrdersContext extends BaseContext, OrdersDeps {
  webOrdersByAccount: DataLoader<string, Order[]>;
  receiptsByCard: DataLoader<string, Order[]>;
  orderById: DataLoader<string, Order | null>;
  /** what the project recorded of the orders it placed (collected, returned, reservation) */
  factsById: DataLoader<string, OrderFacts | undefined>;
  pricing: PricingSources;
}

export function ordersContext(deps: OrdersDeps): Omit<OrdersContext, keyof BaseContext> {
  const orderById = new DataLoader<string, Order | null>((ids) =>
    Promise.all(
      ids.map(async (id) => {
        if (orderIdKind(id) === 'web') {
          const order = await deps.eshop.getOrder(id);
          return order && orderFromEshop(order);
        }
        const receipt = await deps.pos.getReceipt(id);
        return receipt && orderFromPosReceipt(receipt);
      }),
    ),
  );
  const factsById = new DataLoader<string, OrderFacts | undefined>(async (ids) => {
    const facts = deps.commerce.deps.sagas.orderFactsMany(ids);
    return ids.map((id) => facts.get(id));
  });
  return {
    ...deps,
    webOrdersByAccount: webOrdersByAccount(deps.eshop),
    receiptsByCard: receiptsByCard(deps.pos),
    orderById,
    factsById,
    pricing: pricingSources(deps),
  };
}
